namespace AspNetAuditTrail.Integrity;

/// <summary>What the database holds of a chain.</summary>
/// <param name="ChainId">The chain.</param>
/// <param name="FirstSequence">Its lowest stored sequence.</param>
/// <param name="LastSequence">Its highest stored sequence.</param>
/// <param name="Rows">How many of its rows are stored.</param>
public sealed record AuditChainExtent(Guid ChainId, long FirstSequence, long LastSequence, long Rows);
