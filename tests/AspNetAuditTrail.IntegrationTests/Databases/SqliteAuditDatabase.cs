using System.Data.Common;
using AspNetAuditTrail.Sqlite;
using AspNetAuditTrail.Storage;
using Microsoft.Data.Sqlite;

namespace AspNetAuditTrail.IntegrationTests.Databases;

/// <summary>A fresh SQLite file for each test (pooling off, so the file can be removed at once).</summary>
public sealed class SqliteAuditDatabase : AuditDatabase
{
    private readonly string _directory = Directory.CreateTempSubdirectory("audit-tests-").FullName;

    public override string Provider => "Sqlite";

    /// <inheritdoc />
    public override object IdValue(Guid id) => id.ToString("D");

    protected override string SqlFolder => "sqlite";

    public override string UnreachableConnectionString => "Data Source=/proc/no-such-dir/audit.db";

    public override string RefusingConnectionString => ConnectionString + ";Mode=ReadOnly";

    public override string ConnectionString => $"Data Source={Path.Combine(_directory, "audit.db")};Pooling=False";

    public override Task PrepareAsync() => Task.CompletedTask;

    public override IReadOnlyList<string> MaintenanceSql { get; } = ["UPDATE audit_maintenance SET active = 1 WHERE id = 1"];

    public override DbConnection Open()
    {
        var connection = new SqliteConnection(ConnectionString);
        connection.Open();
        return connection;
    }

    public override IAuditStore CreateStore() => new SqliteAuditStore(ConnectionString, TimeProvider.System);

    public override IReadOnlyList<string> TableNames() =>
        Query("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").Select(r => (string)r["name"]!).ToArray();

    public override IReadOnlyList<string> IndexNames(string table) =>
        Query("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = @table ORDER BY name", new { table }).Select(r => (string)r["name"]!).ToArray();

    public override IReadOnlyList<(string Name, int MaxLength)> Columns(string table) =>
        Query($"SELECT name FROM pragma_table_info('{table}') ORDER BY cid").Select(r => ((string)r["name"]!, 0)).ToArray();

    public override Task RecordVersionByHandAsync(int version, string name)
    {
        Execute("CREATE TABLE IF NOT EXISTS audit_schema_version (version INTEGER NOT NULL PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)");
        Execute("INSERT INTO audit_schema_version VALUES (@version, @name, '2026-01-01T00:00:00.0000000Z')", new { version, name });
        return Task.CompletedTask;
    }

    public override ValueTask DisposeAsync()
    {
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a temp folder left behind is harmless.
        }

        return ValueTask.CompletedTask;
    }
}
