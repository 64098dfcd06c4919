namespace AspNetAuditTrail.Integrity;

/// <summary>
/// Where signed checkpoints are kept. The audit store is one; those outside the database (a folder, the collector,
/// object storage with a retention lock, a ledger) are what make a change by someone with database access show.
/// Register more with <c>services.AddSingleton&lt;IAuditCheckpointSink, ...&gt;()</c>.
/// </summary>
public interface IAuditCheckpointSink
{
    /// <summary>A short name for logs and health (for example <c>folder /var/audit/checkpoints</c>).</summary>
    string Name { get; }

    /// <summary>Keeps the checkpoint; one already kept (the same chain, sequence and kind) is not an error.</summary>
    Task WriteAsync(AuditCheckpoint checkpoint, CancellationToken cancellationToken);
}
