using Dapper;
using Respawn;

namespace AspNetAuditTrail.IntegrationTests.Databases;

/// <summary>A server's database shared by a suite: made once, emptied by Respawn before each test.</summary>
public sealed class SharedAuditDatabase
{
    private string? _connectionString;
    private Respawner? _respawner;

    public async Task<string> ConnectionStringAsync(IAuditTestServer server) =>
        _connectionString ??= await server.CreateDatabaseAsync();

    /// <summary>Deletes every row but the schema versions (nothing to do before the first test made the tables).</summary>
    public async Task ResetAsync(ServerAuditDatabase database)
    {
        if (_respawner is null && !database.TableNames().Contains("request_audit_event"))
        {
            return;
        }

        await using var connection = database.Open();
        _respawner ??= await Respawner.CreateAsync(connection, database.RespawnOptions);

        // Past the append-only triggers for this session: the reset is maintenance too.
        await connection.ExecuteAsync(database.SessionMaintenanceSql);
        await _respawner.ResetAsync(connection);
    }
}
