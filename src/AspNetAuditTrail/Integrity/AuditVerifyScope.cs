namespace AspNetAuditTrail.Integrity;

/// <summary>
/// What to verify: every chain (the default), or one; the whole of each, or the part between the last checkpoint
/// signed at or before <paramref name="From"/> and the first signed at or after <paramref name="To"/>.
/// </summary>
/// <param name="From">Start of the period, or null for each chain's start.</param>
/// <param name="To">End of the period, or null for each chain's end.</param>
/// <param name="ChainId">One chain, or null for all.</param>
public sealed record AuditVerifyScope(DateTimeOffset? From = null, DateTimeOffset? To = null, Guid? ChainId = null);
