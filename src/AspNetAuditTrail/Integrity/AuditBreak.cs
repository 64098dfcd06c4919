namespace AspNetAuditTrail.Integrity;

/// <summary>One thing verification found wrong.</summary>
/// <param name="Kind">What.</param>
/// <param name="Table">The table of the row, or <c>audit_checkpoint</c> (or the folder) for a checkpoint; null when the row is gone.</param>
/// <param name="Id">The row's id; null when it is gone.</param>
/// <param name="ChainId">The chain; null for an unsealed row.</param>
/// <param name="Sequence">The place in the chain (the first of a run of missing rows).</param>
/// <param name="Detail">A sentence for people.</param>
public sealed record AuditBreak(AuditBreakKind Kind, string? Table, Guid? Id, Guid? ChainId, long? Sequence, string Detail);
