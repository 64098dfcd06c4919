using AspNetAuditTrail.Configuration;
using AspNetAuditTrail.Storage;
using Microsoft.Extensions.Options;

namespace AspNetAuditTrail.Writing;

/// <summary>
/// The schema as the writer needs it: migrated once before the first write when <c>AutoCreateSchema</c> is on (tried
/// again before each batch until it succeeds), and nothing to do for a store without a schema.
/// </summary>
internal sealed class AuditSchema(IAuditStore store, IOptions<AuditTrailOptions> options)
{
    private readonly IAuditSchemaMigrator? _migrator = options.Value.AutoCreateSchema ? store as IAuditSchemaMigrator : null;
    private volatile bool _ready;

    public async ValueTask EnsureAsync(CancellationToken cancellationToken)
    {
        if (_ready || _migrator is null)
        {
            return;
        }

        await _migrator.MigrateAsync(cancellationToken);
        _ready = true;
    }
}
