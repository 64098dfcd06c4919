using AspNetAuditTrail.Events;

namespace AspNetAuditTrail.Storage;

/// <summary>Where the writer puts audit units: one implementation per database (one with a schema also implements <see cref="IAuditSchemaMigrator"/>).</summary>
public interface IAuditStore
{
    /// <summary>
    /// Which database this store writes to, without credentials (for example <c>postgresql://db:5432/audit</c>): the
    /// local journal holding this store's events is named after it, so that two stores never share one.
    /// </summary>
    string Identity { get; }

    /// <summary>Writes the units in one transaction, parents first: all of them or none. A row whose id is stored already is skipped.</summary>
    Task WriteAsync(IReadOnlyList<AuditUnit> units, CancellationToken cancellationToken);

    /// <summary>Checks that the store can be reached (for the health check); throws when it cannot.</summary>
    Task PingAsync(CancellationToken cancellationToken);
}
