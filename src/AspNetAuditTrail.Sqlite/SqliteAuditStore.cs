using System.Data.Common;
using System.Globalization;
using AspNetAuditTrail.Storage;
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

    /// <summary>Creates the store for the given connection string (for example <c>Data Source=audit.db</c>).</summary>
    public SqliteAuditStore(string connectionString, TimeProvider timeProvider)
        : base(timeProvider)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        _connectionString = connectionString;
        var dataSource = new SqliteConnectionStringBuilder(connectionString).DataSource;
        Identity = "sqlite:" + (dataSource is "" or ":memory:" || dataSource.StartsWith("file:", StringComparison.Ordinal) ? dataSource : System.IO.Path.GetFullPath(dataSource));
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
    protected override object ToDbValue(AuditColumnType type, object? value) => value switch
    {
        null => DBNull.Value,
        Guid id => id.ToString("D"),
        DateTimeOffset time => time.UtcDateTime.ToString(TimestampFormat, CultureInfo.InvariantCulture),
        bool flag => flag ? 1 : 0,
        _ => value,
    };

    /// <inheritdoc />
    public override async Task EnsureSchemaAsync(CancellationToken cancellationToken)
    {
        await using (var connection = new SqliteConnection(_connectionString))
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA journal_mode=WAL;";
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await base.EnsureSchemaAsync(cancellationToken);
    }
}
