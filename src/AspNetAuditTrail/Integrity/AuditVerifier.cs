namespace AspNetAuditTrail.Integrity;

/// <summary>
/// Checks a store's chains against their rows and against checkpoints kept inside and outside the database, and names
/// every break (README "Tamper evidence" documents the rules, so that an independent verifier can apply them too).
/// </summary>
public sealed class AuditVerifier : IDisposable
{
    /// <summary>At most this many breaks are listed; all are counted.</summary>
    public const int MaxBreaks = 1000;

    private readonly RowMacs _macs;
    private readonly Dictionary<string, AuditPublicKey> _publicKeys;

    /// <summary>Creates a verifier with the chain keys (the current one and earlier ones) and the checkpoints' public keys.</summary>
    public AuditVerifier(IEnumerable<byte[]> chainKeys, IEnumerable<AuditPublicKey> publicKeys)
    {
        ArgumentNullException.ThrowIfNull(chainKeys);
        ArgumentNullException.ThrowIfNull(publicKeys);
        _macs = new RowMacs(chainKeys);
        _publicKeys = publicKeys.DistinctBy(k => k.KeyId).ToDictionary(k => k.KeyId);
    }

    /// <summary>The verifier of the app's own keys: its chain keys, current and previous, and the public keys of its signing key and of the previous ones.</summary>
    /// <exception cref="FormatException">A key is not in the form the options document.</exception>
    public static AuditVerifier FromOptions(AuditIntegrityOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        using var signing = options.SigningKey is { } key ? AuditSigningKey.Parse(key) : null;
        return new AuditVerifier(
            options.PreviousChainKeys.Prepend(options.ChainKey).OfType<string>().Select(Convert.FromBase64String),
            options.PreviousPublicKeys.Select(AuditPublicKey.Parse).Prepend(signing?.PublicKey).OfType<AuditPublicKey>());
    }

    /// <summary>Verifies the store's chains against the checkpoints it keeps and those in the folders.</summary>
    public Task<AuditVerification> VerifyAsync(
        IAuditIntegrityReader reader, IEnumerable<string> checkpointFolders, AuditVerifyScope scope, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(checkpointFolders);
        var read = checkpointFolders.Select(f => new AuditCheckpointFolder(f).ReadAll()).ToArray();
        return VerifyAsync(reader, [.. read.SelectMany(r => r.Checkpoints)], [.. read.SelectMany(r => r.Unreadable)], scope, progress, cancellationToken);
    }

    /// <summary>Verifies the store's chains; <paramref name="external"/> are the checkpoints kept outside it, <paramref name="unreadable"/> the ones that could not be read there.</summary>
    public async Task<AuditVerification> VerifyAsync(
        IAuditIntegrityReader reader,
        IReadOnlyList<AuditCheckpoint> external,
        IReadOnlyList<string> unreadable,
        AuditVerifyScope scope,
        IProgress<long>? progress,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(external);
        ArgumentNullException.ThrowIfNull(unreadable);
        ArgumentNullException.ThrowIfNull(scope);
        var report = new VerificationReport(progress);
        foreach (var file in unreadable)
        {
            report.Add(new AuditBreak(AuditBreakKind.CheckpointSignature, null, null, null, null, "Unreadable checkpoint: " + file));
        }

        var stored = await reader.ReadCheckpointsAsync(cancellationToken);
        var valid = new List<AuditCheckpoint>();
        foreach (var (checkpoint, source) in stored.Select(c => (c, "audit_checkpoint")).Concat(external.Select(c => (c, "external"))).DistinctBy(c => c.c))
        {
            if (_publicKeys.TryGetValue(checkpoint.KeyId, out var key) && key.Verifies(checkpoint))
            {
                valid.Add(checkpoint);
            }
            else
            {
                report.Add(new AuditBreak(AuditBreakKind.CheckpointSignature, source, null, checkpoint.ChainId, checkpoint.Sequence,
                    _publicKeys.ContainsKey(checkpoint.KeyId)
                        ? $"The {source} checkpoint at {checkpoint.Sequence} of chain {checkpoint.ChainId} does not verify: it was altered or forged."
                        : $"The {source} checkpoint at {checkpoint.Sequence} of chain {checkpoint.ChainId} names key {checkpoint.KeyId}, which is not one of the public keys given."));
            }
        }

        var extents = (await reader.ReadChainsAsync(cancellationToken)).ToDictionary(e => e.ChainId);
        var byChain = valid.DistinctBy(c => (c.ChainId, c.Sequence, c.Kind)).GroupBy(c => c.ChainId).ToDictionary(g => g.Key, g => g.OrderBy(c => c.Sequence).ToList());
        var chains = extents.Keys.Union(byChain.Keys).Where(c => scope.ChainId is null || c == scope.ChainId).Order().ToList();
        foreach (var chain in chains)
        {
            var walk = new ChainWalk(chain, _macs, byChain.GetValueOrDefault(chain) ?? [], scope, report);
            await walk.RunAsync(reader, extents.GetValueOrDefault(chain), cancellationToken);
        }

        if (scope.ChainId is null && chains.Count > 0)
        {
            var since = chains.Min(ChainWalk.StartOf);
            var (rows, total) = await reader.ReadUnsealedAsync(since, MaxBreaks, cancellationToken);
            report.Unsealed = total;
            foreach (var row in rows)
            {
                report.Add(new AuditBreak(AuditBreakKind.RowInserted, row.Table, row.Id, null, null,
                    $"Row {row.Id} of {row.Table} has no seal, but says it happened at {row.OccurredAt:O}, after the trail was first sealed."));
            }

            report.BreakCount += total - rows.Count;
        }

        return report.ToVerification();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _macs.Dispose();
    }
}
