using System.Data.Common;
using AspNetAuditTrail.PostgreSql;
using AspNetAuditTrail.Storage;
using Npgsql;
using Respawn;

namespace AspNetAuditTrail.IntegrationTests.Databases;

/// <summary>
/// A PostgreSQL audit database: either the suite's shared one, emptied by Respawn before each test, or a fresh
/// one for tests that need to watch the schema being made.
/// </summary>
public sealed class PostgreSqlAuditDatabase(PostgreSqlServer server, bool fresh) : AuditDatabase
{
    private readonly Shared? _shared = fresh ? null : server.Suite;

    private string? _connectionString;

    public override string Provider => "PostgreSql";

    public override string? SkipReason => server.SkipReason;

    protected override string SqlFolder => "postgresql";

    public override string UnreachableConnectionString => "Host=127.0.0.1;Port=1;Username=audit;Timeout=2";

    public override string ConnectionString => _connectionString ?? throw new InvalidOperationException("PrepareAsync was not called.");

    public override async Task PrepareAsync()
    {
        if (_shared is null)
        {
            _connectionString = await server.CreateDatabaseAsync();
            return;
        }

        _connectionString = await _shared.ConnectionStringAsync(server);
        await _shared.ResetAsync();
    }

    public override DbConnection Open()
    {
        var connection = new NpgsqlConnection(ConnectionString);
        connection.Open();
        return connection;
    }

    public override string AsText(string column) => $"{column}::text";

    public override IAuditStore CreateStore() => new PostgreSqlAuditStore(ConnectionString, TimeProvider.System);

    public override IReadOnlyList<string> TableNames() =>
        Query("SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() ORDER BY table_name")
            .Select(r => (string)r["table_name"]!).ToArray();

    public override IReadOnlyList<(string Name, int MaxLength)> Columns(string table) =>
        Query("""
            SELECT column_name, coalesce(character_maximum_length, 0) AS max_length FROM information_schema.columns
            WHERE table_schema = current_schema() AND table_name = @table ORDER BY ordinal_position
            """, new { table })
            .Select(r => ((string)r["column_name"]!, (int)(long)r["max_length"]!)).ToArray();

    public override async Task ApplyScriptsByHandAsync(int upToVersion)
    {
        foreach (var file in ScriptFiles(upToVersion))
        {
            Execute(await File.ReadAllTextAsync(file));
        }
    }

    public override Task RecordVersionByHandAsync(int version, string name)
    {
        Execute("CREATE TABLE IF NOT EXISTS audit_schema_version (version integer NOT NULL PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL)");
        Execute("INSERT INTO audit_schema_version VALUES (@version, @name, now())", new { version, name });
        return Task.CompletedTask;
    }

    public override async ValueTask DisposeAsync()
    {
        if (_shared is null && _connectionString is not null)
        {
            await server.DropDatabaseAsync(_connectionString);
        }
    }

    /// <summary>The suite's shared database, made once and emptied by Respawn between tests.</summary>
    public sealed class Shared
    {
        private string? _connectionString;
        private Respawner? _respawner;

        public async Task<string> ConnectionStringAsync(PostgreSqlServer server) =>
            _connectionString ??= await server.CreateDatabaseAsync();

        public async Task ResetAsync()
        {
            await using var connection = new NpgsqlConnection(_connectionString);
            await connection.OpenAsync();
            if (_respawner is null)
            {
                await using var probe = new NpgsqlCommand("SELECT to_regclass('request_audit_event') IS NOT NULL", connection);
                if (!(bool)(await probe.ExecuteScalarAsync())!)
                {
                    return;
                }

                _respawner = await Respawner.CreateAsync(connection, new RespawnerOptions
                {
                    DbAdapter = DbAdapter.Postgres,
                    SchemasToInclude = ["public"],
                    TablesToIgnore = [AuditTables.SchemaVersion],
                });
            }

            await _respawner.ResetAsync(connection);
        }
    }
}
