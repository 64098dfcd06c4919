namespace AspNetAuditTrail.Integrity;

/// <summary>The outcome of a verification.</summary>
/// <param name="Verified">True only when nothing is wrong.</param>
/// <param name="Rows">Rows checked.</param>
/// <param name="UnsealedRows">Rows without a seal dated after the first chain started (each also a break).</param>
/// <param name="Breaks">What is wrong (at most <see cref="AuditVerifier.MaxBreaks"/>; <paramref name="BreakCount"/> counts them all).</param>
/// <param name="BreakCount">How many breaks were found.</param>
/// <param name="Chains">Each chain checked.</param>
public sealed record AuditVerification(
    bool Verified, long Rows, long UnsealedRows, IReadOnlyList<AuditBreak> Breaks, long BreakCount, IReadOnlyList<AuditChainSummary> Chains);
