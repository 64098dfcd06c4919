using System.Data;
using System.Data.Common;
using System.Text.RegularExpressions;
using AspNetAuditTrail.Relational;
using AspNetAuditTrail.Storage;
using Microsoft.Data.SqlClient;

namespace AspNetAuditTrail.SqlServer;

/// <summary>
/// The SQL Server audit store: tables in their own schema (default <c>audit</c>), uniqueidentifier ids with
/// each table clustered on (occurred_at, id), and each table of a batch written with one <see cref="SqlBulkCopy"/>
/// into a temporary table, then moved across once per id, skipping ids already stored, inside the batch transaction.
/// </summary>
public sealed partial class SqlServerAuditStore : SqlAuditStore
{
    /// <summary>The schema used when none is given.</summary>
    public const string DefaultSchema = "audit";

    /// <summary>The placeholder of the schema name in the scripts of <c>sql/sqlserver/</c> (a sqlcmd variable).</summary>
    public const string SchemaPlaceholder = "$(AuditSchema)";

    private static readonly IReadOnlyList<SqlScript> EmbeddedScripts =
        SqlScript.LoadEmbedded(typeof(SqlServerAuditStore).Assembly, "AspNetAuditTrail.SqlServer.Migrations.");

    private readonly string _connectionString;
    private readonly string _schema;

    /// <summary>Creates the store for the given connection string and schema.</summary>
    /// <exception cref="ArgumentException">The schema is not a plain identifier.</exception>
    public SqlServerAuditStore(string connectionString, TimeProvider timeProvider, string schema = DefaultSchema)
        : base(timeProvider)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        if (!SqlScript.IsPlainIdentifier(schema))
        {
            throw new ArgumentException($"The audit schema name '{schema}' must be a plain identifier (letters, digits, underscores).", nameof(schema));
        }

        _connectionString = connectionString;
        _schema = schema;
        var settings = new SqlConnectionStringBuilder(connectionString);
        Identity = $"sqlserver://{settings.DataSource}/{settings.InitialCatalog}/{schema}";
    }

    /// <inheritdoc />
    public override string Identity { get; }

    /// <inheritdoc />
    protected override IReadOnlyList<SqlScript> Scripts => EmbeddedScripts;

    /// <inheritdoc />
    protected override string CreateSchemaVersionTableSql => $"""
        IF SCHEMA_ID(N'{_schema}') IS NULL
            EXEC (N'CREATE SCHEMA [{_schema}]');
        IF OBJECT_ID(N'{TableName(AuditTables.SchemaVersion)}', N'U') IS NULL
            CREATE TABLE {TableName(AuditTables.SchemaVersion)} (
                version int NOT NULL CONSTRAINT pk_audit_schema_version PRIMARY KEY,
                name nvarchar(255) NOT NULL,
                applied_at datetime2(7) NOT NULL);
        """;

    /// <summary>An exclusive application lock held by the transaction: app instances starting together apply scripts one at a time.</summary>
    protected override string SchemaLockSql =>
        $"EXEC sp_getapplock @Resource = N'AspNetAuditTrail.schema.{_schema}', @LockMode = N'Exclusive', @LockOwner = N'Transaction', @LockTimeout = 60000;";

    /// <inheritdoc />
    protected override string TableName(string table) => $"[{_schema}].[{table}]";

    /// <summary>Fills in the schema and splits the script at its <c>GO</c> lines, as sqlcmd does.</summary>
    protected override IEnumerable<string> Batches(SqlScript script) =>
        GoLine().Split(script.Sql.Replace(SchemaPlaceholder, _schema, StringComparison.Ordinal))
            .Where(batch => !string.IsNullOrWhiteSpace(batch));

    /// <inheritdoc />
    protected override DbConnection CreateConnection() => new SqlConnection(_connectionString);

    /// <summary>The append-only triggers let this session update and delete audit rows, until the end of the transaction.</summary>
    protected override IReadOnlyList<string> BeginMaintenanceSql { get; } = ["EXEC sp_set_session_context @key = N'audit_trail.maintenance', @value = 1;"];

    /// <inheritdoc />
    protected override IReadOnlyList<string> EndMaintenanceSql { get; } = ["EXEC sp_set_session_context @key = N'audit_trail.maintenance', @value = NULL;"];

    /// <inheritdoc />
    protected override string Limit(string orderedSql, int rows) => $"{orderedSql} OFFSET 0 ROWS FETCH NEXT {rows} ROWS ONLY";

    /// <summary>T-SQL has no such clause: batches go through SqlBulkCopy and a move that skips stored ids instead.</summary>
    protected override string OnDuplicateId => "";

    /// <inheritdoc />
    protected override IEnumerable<string> BulkStatements() =>
        [
            .. StagingStatements(AuditTables.Request), .. StagingStatements(AuditTables.Login), .. StagingStatements(AuditTables.Security),
            .. StagingStatements(AuditTables.Process), .. StagingStatements(AuditTables.Step), .. StagingStatements(AuditTables.Registration), .. StagingStatements(AuditTables.BusinessEvent),
        ];

    private string[] StagingStatements<TEvent>(AuditTable<TEvent> table) =>
        [CreateStagingSql(table.Name), MoveStagingSql(table.Name, table.Columns.Select(c => c.Name)), DropStagingSql];

    private const string Staging = "#audit_load";

    private const string DropStagingSql = $"DROP TABLE {Staging};";

    private string CreateStagingSql(string table) => $"SELECT TOP 0 * INTO {Staging} FROM {TableName(table)};";

    /// <summary>Moves the staged rows across, once per id, skipping ids already stored.</summary>
    private string MoveStagingSql(string table, IEnumerable<string> columns)
    {
        var list = string.Join(", ", columns);
        return $"""
            INSERT INTO {TableName(table)} ({list})
            SELECT {list} FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY id ORDER BY (SELECT 0)) AS audit_copy FROM {Staging}) s
            WHERE s.audit_copy = 1 AND NOT EXISTS (SELECT 1 FROM {TableName(table)} t WHERE t.id = s.id);
            """;
    }

    /// <inheritdoc />
    protected override async Task WriteRowsAsync<TEvent>(
        DbConnection connection, DbTransaction transaction, AuditTable<TEvent> table, IReadOnlyList<TEvent> rows, CancellationToken cancellationToken)
    {
        using var data = new DataTable(table.Name);
        foreach (var column in table.Columns)
        {
            data.Columns.Add(column.Name, ClrType(column.Type));
        }

        foreach (var row in rows)
        {
            data.Rows.Add(table.Columns.Select(c => ToDbValue(c.Type, c.ValueOf(row))).ToArray());
        }

        async Task ExecuteAsync(string sql)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = sql;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await ExecuteAsync(CreateStagingSql(table.Name));
        using (var bulk = new SqlBulkCopy((SqlConnection)connection, SqlBulkCopyOptions.Default, (SqlTransaction)transaction)
        {
            DestinationTableName = Staging,
            BulkCopyTimeout = 0,
        })
        {
            foreach (var column in table.Columns)
            {
                bulk.ColumnMappings.Add(column.Name, column.Name);
            }

            await bulk.WriteToServerAsync(data, cancellationToken);
        }

        // The move checks the table's constraints; a row that breaks one fails the whole batch.
        await ExecuteAsync(MoveStagingSql(table.Name, table.Columns.Select(c => c.Name)));
        await ExecuteAsync(DropStagingSql);
    }

    private static Type ClrType(AuditColumnType type) => type switch
    {
        AuditColumnType.Id => typeof(Guid),
        AuditColumnType.Timestamp => typeof(DateTime),
        AuditColumnType.Int32 => typeof(int),
        AuditColumnType.Int64 => typeof(long),
        AuditColumnType.Double => typeof(double),
        AuditColumnType.Boolean => typeof(bool),
        _ => typeof(string),
    };

    [GeneratedRegex(@"^\s*GO\s*(?:--.*)?$", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex GoLine();
}
