using System.Data.Common;
using System.Globalization;
using AspNetAuditTrail.Relational;
using AspNetAuditTrail.Storage;
using AspNetAuditTrail.Writing;
using Microsoft.Data.Sqlite;

namespace AspNetAuditTrail.Sqlite;

/// <summary>
/// The SQLite audit store: ids as text, times as ISO-8601 UTC text, the database in WAL mode so that readers
/// never block the writer.
/// </summary>
public sealed class SqliteAuditStore : SqlAuditStore
{
    /// <summary>The text format of stored times: fixed width, so text order is time order.</summary>
    public const string TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

    private static readonly IReadOnlyList<SqlScript> EmbeddedScripts =
        SqlScript.LoadEmbedded(typeof(SqliteAuditStore).Assembly, "AspNetAuditTrail.Sqlite.Migrations.");

    private readonly string _connectionString;
    private readonly string? _file;
    private (bool Exists, UnixFileStatus? Status)? _opened;

    /// <summary>Creates the store for the given connection string (for example <c>Data Source=audit.db</c>).</summary>
    public SqliteAuditStore(string connectionString, TimeProvider timeProvider)
        : base(timeProvider)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        _connectionString = connectionString;
        var settings = new SqliteConnectionStringBuilder(connectionString);
        var dataSource = settings.DataSource;
        var inMemory = dataSource is "" or ":memory:" || dataSource.StartsWith("file:", StringComparison.Ordinal) || settings.Mode == SqliteOpenMode.Memory;
        _file = inMemory ? null : System.IO.Path.GetFullPath(dataSource);
        Identity = "sqlite:" + (_file ?? dataSource);
    }

    /// <inheritdoc />
    public override string Identity { get; }

    /// <inheritdoc />
    protected override IReadOnlyList<SqlScript> Scripts => EmbeddedScripts;

    /// <inheritdoc />
    protected override string CreateSchemaVersionTableSql =>
        $"CREATE TABLE IF NOT EXISTS {AuditTables.SchemaVersion} (version INTEGER NOT NULL PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)";

    /// <inheritdoc />
    protected override DbConnection CreateConnection() => new SqliteConnection(_connectionString);

    /// <inheritdoc />
    /// <remarks>One prepared insert per table and batch, each value bound by its position (<see cref="SqliteRowWriter"/>).</remarks>
    protected override Task WriteRowsAsync<TEvent>(
        DbConnection connection, DbTransaction transaction, AuditTable<TEvent> table, IReadOnlyList<TEvent> rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(rows);
        using var writer = new SqliteRowWriter((SqliteConnection)connection, InsertSql(table), [.. table.Columns.Select((_, i) => ParameterName(i))]);
        foreach (var row in rows)
        {
            cancellationToken.ThrowIfCancellationRequested();
            for (var i = 0; i < table.Columns.Count; i++)
            {
                writer.Bind(i + 1, ToDbValue(table.Columns[i].Type, table.Columns[i].ValueOf(row)));
            }

            writer.Insert();
        }

        return Task.CompletedTask;
    }

    /// <summary>The append-only triggers let this transaction update and delete audit rows: a flag set inside it, never committed set.</summary>
    protected override IReadOnlyList<string> BeginMaintenanceSql { get; } = ["UPDATE audit_maintenance SET active = 1 WHERE id = 1"];

    /// <inheritdoc />
    protected override IReadOnlyList<string> EndMaintenanceSql { get; } = ["UPDATE audit_maintenance SET active = 0 WHERE id = 1"];

    /// <summary>
    /// Times are written in the round-trip format ("O"), which for a UTC time is <see cref="TimestampFormat"/> exactly
    /// and is formatted several times faster than the same pattern spelled out.
    /// </summary>
    protected override object ToDbValue(AuditColumnType type, object? value) => value switch
    {
        null => DBNull.Value,
        Guid id => id.ToString("D"),
        DateTimeOffset time => time.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
        bool flag => flag ? 1 : 0,
        _ => value,
    };

    /// <summary>
    /// Times as this store writes them are read through the round-trip format's own parser (ten times faster than the
    /// pattern, and than a general parse); other text by the exact pattern, then as the base reads it.
    /// </summary>
    protected override object? FromDbValue(AuditColumnType type, object? value)
    {
        if (type != AuditColumnType.Timestamp || value is not string text)
        {
            return base.FromDbValue(type, value);
        }

        if (text.Length == 28 && text[^1] == 'Z' && DateTimeOffset.TryParseExact(text, "O", CultureInfo.InvariantCulture, DateTimeStyles.None, out var written))
        {
            return written;
        }

        return DateTime.TryParseExact(text, TimestampFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time)
            ? new DateTimeOffset(time, TimeSpan.Zero)
            : base.FromDbValue(type, value);
    }

    /// <summary>
    /// Unary plus keeps the status index out of a class: without statistics of ranges SQLite would read every row of
    /// the class through it and sort them all (seconds for 2xx on a million rows), where reading newest first finds a page at once.
    /// </summary>
    protected override string StatusClassCondition(string column) => $"+{column} >= @statusFrom AND +{column} < @statusTo";

    /// <inheritdoc />
    protected override string? PackedValuesSql(IReadOnlyList<string> columns) => $"json_array({string.Join(", ", columns)})";

    /// <inheritdoc />
    public override async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using (var connection = new SqliteConnection(_connectionString))
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA journal_mode=WAL;";
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await base.MigrateAsync(cancellationToken);
        _opened = CurrentFile();
    }

    /// <summary>
    /// Before each batch: when the file at the path is gone or is another file than the one opened (deleted or replaced
    /// while the app runs), the pooled connections to the old file are dropped, the database is opened again with its
    /// schema, and the batch fails once with the reason, so that the log and health say so and the retry writes it
    /// where the path now points.
    /// </summary>
    protected override async Task BeforeWriteAsync(CancellationToken cancellationToken)
    {
        if (_file is null)
        {
            return;
        }

        var current = CurrentFile();
        if (_opened is not { } opened)
        {
            _opened = current;
            return;
        }

        if (current == opened)
        {
            return;
        }

        SqliteConnection.ClearPool(new SqliteConnection(_connectionString));
        var what = current.Exists ? "replaced by another file" : "deleted";
        if (!current.Exists)
        {
            // The write-ahead log beside a deleted database belongs to that database, not to the one made next.
            File.Delete(_file + "-wal");
            File.Delete(_file + "-shm");
        }

        await MigrateAsync(cancellationToken);
        throw new IOException(
            $"The SQLite audit database {_file} was {what} while the app ran: it was opened again (with its schema), and this batch is written there on its retry.");
    }

    private (bool Exists, UnixFileStatus? Status) CurrentFile() => (File.Exists(_file), UnixFileStatus.Read(_file!));
}
