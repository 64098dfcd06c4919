using AspNetAuditTrail.Retention;

namespace AspNetAuditTrail.Integrity;

/// <summary>What verification reads from a store: chains, their rows in order, checkpoints, and rows without a seal.</summary>
public interface IAuditIntegrityReader
{
    /// <summary>The chains that have rows in the store.</summary>
    Task<IReadOnlyList<AuditChainExtent>> ReadChainsAsync(CancellationToken cancellationToken);

    /// <summary>The chain's rows with a sequence from <paramref name="from"/> to <paramref name="to"/>, by sequence, of every table.</summary>
    IAsyncEnumerable<AuditChainRow> ReadChainAsync(Guid chainId, long from, long to, CancellationToken cancellationToken);

    /// <summary>The checkpoints the store keeps.</summary>
    Task<IReadOnlyList<AuditCheckpoint>> ReadCheckpointsAsync(CancellationToken cancellationToken);

    /// <summary>Where a retention plan cuts each chain: the highest place among the rows it would remove.</summary>
    Task<IReadOnlyDictionary<Guid, long>> ReadRetentionCutsAsync(AuditPeriodPlan plan, CancellationToken cancellationToken);

    /// <summary>Rows without a seal that say they happened at or after <paramref name="since"/> (at most <paramref name="limit"/>), and how many there are in all.</summary>
    Task<(IReadOnlyList<AuditRowReference> Rows, long Total)> ReadUnsealedAsync(DateTimeOffset since, int limit, CancellationToken cancellationToken);
}
