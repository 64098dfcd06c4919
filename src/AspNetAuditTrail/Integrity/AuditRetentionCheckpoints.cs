using AspNetAuditTrail.Retention;

namespace AspNetAuditTrail.Integrity;

/// <summary>
/// What retention signs before it removes rows: for each chain it cuts, a retention checkpoint at the first trusted
/// checkpoint at or after the highest place it removes (or at that place, with no hash, when none is), so that the
/// chain still verifies from there and the rows before it are checked one by one.
/// </summary>
public static class AuditRetentionCheckpoints
{
    /// <summary>Signs and keeps (in every sink) the retention checkpoints of the plan; returns them.</summary>
    public static async Task<IReadOnlyList<AuditCheckpoint>> SignAsync(
        IAuditIntegrityReader reader,
        AuditPeriodPlan plan,
        AuditSigningKey key,
        IReadOnlyList<AuditPublicKey> trusted,
        IReadOnlyList<IAuditCheckpointSink> sinks,
        string writer,
        DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(trusted);
        ArgumentNullException.ThrowIfNull(sinks);
        var cuts = await reader.ReadRetentionCutsAsync(plan, cancellationToken);
        if (cuts.Count == 0)
        {
            return [];
        }

        var keys = trusted.Append(key.PublicKey).DistinctBy(k => k.KeyId).ToDictionary(k => k.KeyId);
        var valid = (await reader.ReadCheckpointsAsync(cancellationToken))
            .Where(c => cuts.ContainsKey(c.ChainId) && keys.TryGetValue(c.KeyId, out var verifying) && verifying.Verifies(c))
            .ToLookup(c => c.ChainId);
        var signed = new List<AuditCheckpoint>();
        foreach (var (chain, last) in cuts)
        {
            if (valid[chain].Any(c => c.Kind == AuditCheckpointKind.Retention && c.Sequence >= last))
            {
                // Cut there already.
                continue;
            }

            var at = valid[chain].Where(c => c.Sequence >= last && c.Kind != AuditCheckpointKind.Retention).MinBy(c => c.Sequence);
            var checkpoint = at is not null
                ? key.Sign(chain, at.Sequence, Convert.FromHexString(at.ChainHash), now, AuditCheckpointKind.Retention, writer)
                : key.Sign(chain, last, new byte[32], now, AuditCheckpointKind.Retention, writer);
            foreach (var sink in sinks)
            {
                await sink.WriteAsync(checkpoint, cancellationToken);
            }

            signed.Add(checkpoint);
        }

        return signed;
    }
}
