using AspNetAuditTrail.Events;

namespace AspNetAuditTrail.Collector.Authentication;

/// <summary>What checking a call's token found: the sending service and its scopes, or why it is refused.</summary>
internal sealed record M2mVerdict(string? Service, IReadOnlySet<string> Scopes, string? Failure, SecurityEventType FailureType = SecurityEventType.TokenInvalid)
{
    public bool Accepted => Failure is null;

    public static M2mVerdict Refused(string failure, SecurityEventType type = SecurityEventType.TokenInvalid) =>
        new(null, new HashSet<string>(), failure, type);
}
