using System.Data.Common;
using AspNetAuditTrail.PostgreSql;
using AspNetAuditTrail.Relational;
using AspNetAuditTrail.Storage;
using Npgsql;
using Respawn;

namespace AspNetAuditTrail.IntegrationTests.Databases;

/// <summary>A PostgreSQL audit database (tables in the <c>public</c> schema), its big tables partitioned by month when asked.</summary>
public sealed class PostgreSqlAuditDatabase(PostgreSqlServer server, bool fresh, bool partitioned = false) : ServerAuditDatabase(server, fresh)
{
    public override string Provider => "PostgreSql";

    public override RespawnerOptions RespawnOptions => new()
    {
        DbAdapter = DbAdapter.Postgres,
        SchemasToInclude = ["public"],
        TablesToIgnore = [AuditTables.SchemaVersion],
    };

    protected override string SqlFolder => "postgresql";

    public override string UnreachableConnectionString => "Host=127.0.0.1;Port=1;Username=audit;Timeout=2";

    public override string RefusingConnectionString => new NpgsqlConnectionStringBuilder(ConnectionString) { Username = "no_such_role", Timeout = 2 }.ConnectionString;

    public override string SessionMaintenanceSql => "SET audit_trail.maintenance = 'on'";

    public override IReadOnlyList<string> MaintenanceSql { get; } = ["SET LOCAL audit_trail.maintenance = 'on'"];

    public override DbConnection Open()
    {
        var connection = new NpgsqlConnection(ConnectionString);
        connection.Open();
        return connection;
    }

    public override string AsText(string column) => $"{column}::text";

    public override IAuditStore CreateStore() =>
        new PostgreSqlAuditStore(ConnectionString, TimeProvider.System, new PostgreSqlAuditOptions { PartitionByMonth = partitioned });

    public override IReadOnlyList<string> TableNames() =>
        Query("SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() ORDER BY table_name")
            .Select(r => (string)r["table_name"]!).ToArray();

    public override IReadOnlyList<string> IndexNames(string table) =>
        Query("SELECT indexname FROM pg_indexes WHERE schemaname = current_schema() AND tablename = @table ORDER BY indexname", new { table })
            .Select(r => (string)r["indexname"]!).ToArray();

    public override IReadOnlyList<(string Name, int MaxLength)> Columns(string table) =>
        Query("""
            SELECT column_name, coalesce(character_maximum_length, 0) AS max_length FROM information_schema.columns
            WHERE table_schema = current_schema() AND table_name = @table ORDER BY ordinal_position
            """, new { table })
            .Select(r => ((string)r["column_name"]!, (int)(long)r["max_length"]!)).ToArray();

    public override Task RecordVersionByHandAsync(int version, string name)
    {
        Execute("CREATE TABLE IF NOT EXISTS audit_schema_version (version integer NOT NULL PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL)");
        Execute("INSERT INTO audit_schema_version VALUES (@version, @name, now())", new { version, name });
        return Task.CompletedTask;
    }
}
