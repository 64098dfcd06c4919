namespace AspNetAuditTrail.Events;

/// <summary>
/// A row's place in its writer's hash chain (README, "Tamper evidence"), set by the background writer when the row's
/// batch is first written and kept through retries and journal replays.
/// </summary>
/// <param name="ChainId">The chain: one per writer (an app instance or a collector, from its start to its stop).</param>
/// <param name="Sequence">The row's number in the chain: from 1, without gaps.</param>
/// <param name="Mac">HMAC-SHA256 of the row's canonical form under the chain key, as 64 lowercase hex digits.</param>
/// <param name="PersonalDigest">
/// SHA-256 of the canonical form of the fields anonymisation may change (64 lowercase hex digits): the MAC holds
/// these fields through this digest, so that anonymisation can replace them and the row still verifies.
/// </param>
public sealed record AuditSeal(Guid ChainId, long Sequence, string Mac, string PersonalDigest)
{
    /// <summary>Sets the row's seal.</summary>
    internal static void Set(IAuditEvent row, AuditSeal? seal)
    {
        switch (row)
        {
            case RequestAuditEvent e: e.Seal = seal; break;
            case LoginAuditEvent e: e.Seal = seal; break;
            case SecurityAuditEvent e: e.Seal = seal; break;
            case ProcessAuditEvent e: e.Seal = seal; break;
            case StepAuditEvent e: e.Seal = seal; break;
            case RegistrationAuditEvent e: e.Seal = seal; break;
            case BusinessAuditEvent e: e.Seal = seal; break;
            case EntityChangeAuditEvent e: e.Seal = seal; break;
            default: throw new NotSupportedException($"{row.GetType().Name} is not a kind of audit row.");
        }
    }
}
