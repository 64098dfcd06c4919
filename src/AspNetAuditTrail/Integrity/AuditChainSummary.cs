namespace AspNetAuditTrail.Integrity;

/// <summary>What verification found of one chain.</summary>
/// <param name="ChainId">The chain.</param>
/// <param name="Writer">Who wrote it (from its checkpoints), or null when it has none.</param>
/// <param name="Rows">Rows checked.</param>
/// <param name="LastSequence">The highest sequence stored.</param>
/// <param name="CheckpointSequence">The last valid checkpoint's sequence (0 when none).</param>
/// <param name="CheckpointAt">When that checkpoint was signed.</param>
/// <param name="UnconfirmedRows">Rows after the last checkpoint: checked, but their removal would not show until the next one.</param>
/// <param name="Closed">Whether its final checkpoint (its writer stopped) is there.</param>
/// <param name="Verified">Whether it has no break.</param>
public sealed record AuditChainSummary(
    Guid ChainId, string? Writer, long Rows, long LastSequence, long CheckpointSequence, DateTimeOffset? CheckpointAt, long UnconfirmedRows, bool Closed, bool Verified);
