using System.Data.Common;
using System.Globalization;
using System.Text.RegularExpressions;
using AspNetAuditTrail.Relational;
using AspNetAuditTrail.SqlServer;
using AspNetAuditTrail.Storage;
using Microsoft.Data.SqlClient;
using Respawn;

namespace AspNetAuditTrail.IntegrationTests.Databases;

/// <summary>A SQL Server audit database (tables in the <c>audit</c> schema).</summary>
public sealed partial class SqlServerAuditDatabase(SqlServerServer server, bool fresh) : ServerAuditDatabase(server, fresh)
{
    private const string Schema = SqlServerAuditStore.DefaultSchema;

    public override string Provider => "SqlServer";

    public override RespawnerOptions RespawnOptions => new()
    {
        DbAdapter = DbAdapter.SqlServer,
        SchemasToInclude = [Schema],
        TablesToIgnore = [new Respawn.Graph.Table(Schema, AuditTables.SchemaVersion)],
    };

    protected override string SqlFolder => "sqlserver";

    public override string UnreachableConnectionString => "Server=127.0.0.1,1;Connect Timeout=2;Encrypt=false";

    public override string RefusingConnectionString =>
        new Microsoft.Data.SqlClient.SqlConnectionStringBuilder(ConnectionString) { UserID = "no_such_login", Password = "wrong", IntegratedSecurity = false, ConnectTimeout = 2 }.ConnectionString;

    public override string SessionMaintenanceSql => "EXEC sp_set_session_context @key = N'audit_trail.maintenance', @value = 1;";

    public override IReadOnlyList<string> MaintenanceSql { get; } = ["EXEC sp_set_session_context @key = N'audit_trail.maintenance', @value = 1;"];

    public override DbConnection Open()
    {
        var connection = new SqlConnection(ConnectionString);
        connection.Open();
        return connection;
    }

    public override string Table(string name) => $"[{Schema}].[{name}]";

    public override string TimeLiteral(DateTime utc) => $"'{utc.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff", CultureInfo.InvariantCulture)}'";

    public override IAuditStore CreateStore() => new SqlServerAuditStore(ConnectionString, TimeProvider.System);

    public override IReadOnlyList<string> TableNames() =>
        Query("SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = @schema ORDER BY TABLE_NAME", new { schema = Schema })
            .Select(r => (string)r["TABLE_NAME"]!).ToArray();

    public override IReadOnlyList<string> IndexNames(string table) =>
        Query("SELECT i.name FROM sys.indexes i WHERE i.name IS NOT NULL AND i.object_id = OBJECT_ID(@table) ORDER BY i.name", new { table = $"[{Schema}].[{table}]" })
            .Select(r => (string)r["name"]!).ToArray();

    public override IReadOnlyList<(string Name, int MaxLength)> Columns(string table) =>
        Query("""
            SELECT COLUMN_NAME, CASE WHEN CHARACTER_MAXIMUM_LENGTH > 0 THEN CHARACTER_MAXIMUM_LENGTH ELSE 0 END AS max_length
            FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_SCHEMA = @schema AND TABLE_NAME = @table ORDER BY ORDINAL_POSITION
            """, new { schema = Schema, table })
            .Select(r => ((string)r["COLUMN_NAME"]!, (int)(long)r["max_length"]!)).ToArray();

    public override async Task ApplyScriptsByHandAsync(int upToVersion)
    {
        foreach (var file in ScriptFiles(upToVersion))
        {
            var script = (await File.ReadAllTextAsync(file)).Replace(SqlServerAuditStore.SchemaPlaceholder, Schema, StringComparison.Ordinal);
            foreach (var batch in GoLine().Split(script).Where(b => !string.IsNullOrWhiteSpace(b)))
            {
                Execute(batch);
            }
        }
    }

    public override Task RecordVersionByHandAsync(int version, string name)
    {
        Execute($"""
            IF OBJECT_ID(N'{Table(AuditTables.SchemaVersion)}', N'U') IS NULL
                CREATE TABLE {Table(AuditTables.SchemaVersion)} (version int NOT NULL PRIMARY KEY, name nvarchar(255) NOT NULL, applied_at datetime2(7) NOT NULL);
            """);
        Execute($"INSERT INTO {Table(AuditTables.SchemaVersion)} VALUES (@version, @name, SYSUTCDATETIME())", new { version, name });
        return Task.CompletedTask;
    }

    [GeneratedRegex(@"^\s*GO\s*$", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex GoLine();
}
