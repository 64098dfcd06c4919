namespace AspNetAuditTrail.Storage;

/// <summary>
/// Creates and upgrades a store's schema. The writer runs it at start-up when <c>AutoCreateSchema</c> is on; a tool
/// can resolve it and run it on its own, or ask what it would apply. A store with a schema implements it.
/// </summary>
public interface IAuditSchemaMigrator
{
    /// <summary>The changes not applied yet, oldest first, with the statements that would apply them.</summary>
    Task<IReadOnlyList<AuditSchemaChange>> PendingAsync(CancellationToken cancellationToken);

    /// <summary>Applies the pending changes, each recorded as applied. Harmless to repeat.</summary>
    Task MigrateAsync(CancellationToken cancellationToken);
}
