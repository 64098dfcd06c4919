using Respawn;

namespace AspNetAuditTrail.IntegrationTests.Databases;

/// <summary>
/// An audit database on a server (PostgreSQL, SQL Server): the suite's shared one, emptied by Respawn before
/// each test, or a fresh one for tests that watch the schema being made.
/// </summary>
public abstract class ServerAuditDatabase(IAuditTestServer server, bool fresh) : AuditDatabase
{
    private string? _connectionString;

    public override string? SkipReason => server.SkipReason;

    public override string ConnectionString => _connectionString ?? throw new InvalidOperationException("PrepareAsync was not called.");

    /// <summary>What Respawn empties: the audit tables, not the schema versions.</summary>
    public abstract RespawnerOptions RespawnOptions { get; }

    /// <summary>The statement that lets a whole session past the append-only triggers (for Respawn's reset).</summary>
    public abstract string SessionMaintenanceSql { get; }

    public override async Task PrepareAsync()
    {
        if (fresh)
        {
            _connectionString = await server.CreateDatabaseAsync();
            return;
        }

        _connectionString = await server.Suite.ConnectionStringAsync(server);
        await server.Suite.ResetAsync(this);
    }

    public override async ValueTask DisposeAsync()
    {
        if (fresh && _connectionString is not null)
        {
            await server.DropDatabaseAsync(_connectionString);
        }
    }
}
