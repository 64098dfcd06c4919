using System.Data.Common;
using AspNetAuditTrail.Relational;
using AspNetAuditTrail.Storage;
using Npgsql;

namespace AspNetAuditTrail.PostgreSql;

/// <summary>
/// The PostgreSQL audit store: uuid ids, timestamptz times, jsonb for JSON, and each table of a batch
/// written with one binary COPY (into a temporary table, then moved across skipping ids already stored)
/// inside the batch transaction.
/// </summary>
public sealed partial class PostgreSqlAuditStore : SqlAuditStore, IAsyncDisposable
{
    private static readonly IReadOnlyList<SqlScript> EmbeddedScripts =
        SqlScript.LoadEmbedded(typeof(PostgreSqlAuditStore).Assembly, "AspNetAuditTrail.PostgreSql.Migrations.");

    private readonly NpgsqlDataSource _dataSource;
    private readonly string? _schema;
    private readonly TimeProvider _time;
    private readonly PostgreSqlAuditOptions _options;

    /// <summary>Creates the store for the given connection string, its tables in the connection's search path.</summary>
    public PostgreSqlAuditStore(string connectionString, TimeProvider timeProvider)
        : this(connectionString, timeProvider, new PostgreSqlAuditOptions())
    {
    }

    /// <summary>Creates the store for the given connection string; with a <paramref name="schema"/>, the tables live there (created when missing).</summary>
    /// <exception cref="ArgumentException">The schema is not a plain identifier.</exception>
    public PostgreSqlAuditStore(string connectionString, TimeProvider timeProvider, string? schema)
        : this(connectionString, timeProvider, new PostgreSqlAuditOptions { Schema = schema })
    {
    }

    /// <summary>Creates the store for the given connection string with the given settings (schema, partitions).</summary>
    /// <exception cref="ArgumentException">The schema is not a plain identifier, or <see cref="PostgreSqlAuditOptions.PartitionsAhead"/> is out of 0 to 24.</exception>
    public PostgreSqlAuditStore(string connectionString, TimeProvider timeProvider, PostgreSqlAuditOptions options)
        : base(timeProvider)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        ArgumentNullException.ThrowIfNull(options);
        if (options.PartitionsAhead is < 0 or > 24)
        {
            throw new ArgumentException("AuditTrail:PostgreSql:PartitionsAhead must be from 0 to 24 months.", nameof(options));
        }

        var schema = options.Schema;
        _options = options;
        _time = timeProvider;
        var settings = new NpgsqlConnectionStringBuilder(connectionString);
        if (schema is not null)
        {
            if (!SqlScript.IsPlainIdentifier(schema))
            {
                throw new ArgumentException($"The audit schema name '{schema}' must be a plain identifier (letters, digits, underscores).", nameof(schema));
            }

            settings.SearchPath = schema;
            _schema = schema;
        }

        _dataSource = NpgsqlDataSource.Create(settings.ConnectionString);
        Identity = $"postgresql://{settings.Host}:{settings.Port}/{settings.Database ?? settings.Username}" + (schema is null ? "" : "/" + schema);
    }

    /// <summary>Creates the schema first, when one was given.</summary>
    public override async Task MigrateAsync(CancellationToken cancellationToken)
    {
        if (_schema is not null)
        {
            await using var connection = _dataSource.CreateConnection();
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = $"CREATE SCHEMA IF NOT EXISTS \"{_schema}\"";
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await base.MigrateAsync(cancellationToken);
        if (_options.PartitionByMonth)
        {
            await PartitionAsync(cancellationToken);
        }
    }

    /// <inheritdoc />
    public override string Identity { get; }

    /// <inheritdoc />
    protected override IReadOnlyList<SqlScript> Scripts => EmbeddedScripts;

    /// <inheritdoc />
    protected override string CreateSchemaVersionTableSql =>
        $"CREATE TABLE IF NOT EXISTS {AuditTables.SchemaVersion} (version integer NOT NULL PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL)";

    /// <summary>The append-only triggers let this transaction (and only it) update and delete audit rows.</summary>
    protected override IReadOnlyList<string> BeginMaintenanceSql { get; } = ["SET LOCAL audit_trail.maintenance = 'on'"];

    /// <summary>A transaction-scoped advisory lock: app instances starting together apply the scripts one at a time.</summary>
    protected override string SchemaLockSql => "SELECT pg_advisory_xact_lock(727100200300)";

    /// <inheritdoc />
    protected override DbConnection CreateConnection() => _dataSource.CreateConnection();

    /// <inheritdoc />
    /// <remarks>The binary forms of the types this store's tables use; a column of another type is read as a value.</remarks>
    protected override AuditRawForm RawForm(DbDataReader reader, int ordinal, AuditColumnType type) =>
        (type, ((NpgsqlDataReader)reader).GetPostgresType(ordinal).InternalName) switch
        {
            (AuditColumnType.Id, "uuid") or (AuditColumnType.Int32, "int4") or (AuditColumnType.Int64, "int8")
                or (AuditColumnType.Double, "float8") or (AuditColumnType.Boolean, "bool") => AuditRawForm.BigEndian,
            (AuditColumnType.Timestamp, "timestamptz") => AuditRawForm.MicrosecondsSince2000,
            (AuditColumnType.Text, "text" or "varchar") or (AuditColumnType.Json, "text" or "json") => AuditRawForm.Utf8,
            (AuditColumnType.Json, "jsonb") => AuditRawForm.VersionedUtf8,
            _ => AuditRawForm.None,
        };

    /// <summary>
    /// Copies the rows straight into the table inside a savepoint (the only unique constraint of a table is its key:
    /// the id, and the time too on a table partitioned by month). Only when an id is already stored (a batch
    /// retried after a lost commit, or replayed) does the copy fail; then it is rolled back to the savepoint and
    /// the rows go through a temporary table, moved across skipping the ids already there.
    /// </summary>
    protected override async Task WriteRowsAsync<TEvent>(
        DbConnection connection, DbTransaction transaction, AuditTable<TEvent> table, IReadOnlyList<TEvent> rows, CancellationToken cancellationToken)
    {
        var npgsql = (NpgsqlConnection)connection;
        var savepoint = (NpgsqlTransaction)transaction;
        await savepoint.SaveAsync("audit_copy", cancellationToken);
        try
        {
            await CopyAsync(npgsql, table, table.Name, rows, cancellationToken);
            return;
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            await savepoint.RollbackAsync("audit_copy", cancellationToken);
        }

        var staging = "audit_load_" + table.Name;
        await ExecuteAsync(npgsql, transaction, $"CREATE TEMP TABLE {staging} (LIKE {table.Name} INCLUDING DEFAULTS) ON COMMIT DROP", cancellationToken);
        await CopyAsync(npgsql, table, staging, rows, cancellationToken);
        var columns = ColumnList(table);
        await ExecuteAsync(npgsql, transaction,
            $"INSERT INTO {table.Name} ({columns}) SELECT {columns} FROM {staging} ON CONFLICT DO NOTHING", cancellationToken);
    }

    private static string ColumnList<TEvent>(AuditTable<TEvent> table) => string.Join(", ", table.Columns.Select(c => c.Name));

    private static Task CopyAsync<TEvent>(
        NpgsqlConnection connection, AuditTable<TEvent> table, string target, IReadOnlyList<TEvent> rows, CancellationToken cancellationToken) =>
        PostgreSqlCopyRows.CopyAsync(connection, $"COPY {target} ({ColumnList(table)}) FROM STDIN (FORMAT BINARY)", table.Columns, rows, cancellationToken);

    private static async Task ExecuteAsync(NpgsqlConnection connection, DbTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, (NpgsqlTransaction)transaction);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();
}
