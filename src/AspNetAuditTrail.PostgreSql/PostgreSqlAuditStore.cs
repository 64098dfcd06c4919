using System.Data.Common;
using AspNetAuditTrail.Storage;
using Npgsql;
using NpgsqlTypes;

namespace AspNetAuditTrail.PostgreSql;

/// <summary>
/// The PostgreSQL audit store: uuid ids, timestamptz times, jsonb for JSON, and each table of a batch
/// written with one binary COPY (into a temporary table, then moved across skipping ids already stored)
/// inside the batch transaction.
/// </summary>
public sealed class PostgreSqlAuditStore : SqlAuditStore, IAsyncDisposable
{
    private static readonly IReadOnlyList<SqlScript> EmbeddedScripts =
        SqlScript.LoadEmbedded(typeof(PostgreSqlAuditStore).Assembly, "AspNetAuditTrail.PostgreSql.Migrations.");

    private readonly NpgsqlDataSource _dataSource;

    /// <summary>Creates the store for the given connection string.</summary>
    public PostgreSqlAuditStore(string connectionString, TimeProvider timeProvider)
        : base(timeProvider)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        _dataSource = NpgsqlDataSource.Create(connectionString);
    }

    /// <inheritdoc />
    protected override IReadOnlyList<SqlScript> Scripts => EmbeddedScripts;

    /// <inheritdoc />
    protected override string CreateSchemaVersionTableSql =>
        $"CREATE TABLE IF NOT EXISTS {AuditTables.SchemaVersion} (version integer NOT NULL PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL)";

    /// <summary>A transaction-scoped advisory lock: app instances starting together apply the scripts one at a time.</summary>
    protected override string SchemaLockSql => "SELECT pg_advisory_xact_lock(727100200300)";

    /// <inheritdoc />
    protected override DbConnection CreateConnection() => _dataSource.CreateConnection();

    /// <inheritdoc />
    protected override async Task WriteRowsAsync<TEvent>(
        DbConnection connection, DbTransaction transaction, AuditTable<TEvent> table, IReadOnlyList<TEvent> rows, CancellationToken cancellationToken)
    {
        var columns = string.Join(", ", table.Columns.Select(c => c.Name));
        var staging = "audit_load_" + table.Name;
        await using (var create = connection.CreateCommand())
        {
            create.Transaction = transaction;
            create.CommandText = $"CREATE TEMP TABLE {staging} (LIKE {table.Name} INCLUDING DEFAULTS) ON COMMIT DROP";
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        var types = table.Columns.Select(c => DbType(c.Type)).ToArray();
        await using (var importer = await ((NpgsqlConnection)connection).BeginBinaryImportAsync(
            $"COPY {staging} ({columns}) FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            foreach (var row in rows)
            {
                await importer.StartRowAsync(cancellationToken);
                for (var i = 0; i < types.Length; i++)
                {
                    var value = ToDbValue(table.Columns[i].Type, table.Columns[i].ValueOf(row));
                    if (value is DBNull)
                    {
                        await importer.WriteNullAsync(cancellationToken);
                    }
                    else
                    {
                        await importer.WriteAsync(value, types[i], cancellationToken);
                    }
                }
            }

            await importer.CompleteAsync(cancellationToken);
        }

        await using var move = connection.CreateCommand();
        move.Transaction = transaction;
        move.CommandText = $"INSERT INTO {table.Name} ({columns}) SELECT {columns} FROM {staging} ON CONFLICT (id) DO NOTHING";
        await move.ExecuteNonQueryAsync(cancellationToken);
    }

    private static NpgsqlDbType DbType(AuditColumnType type) => type switch
    {
        AuditColumnType.Id => NpgsqlDbType.Uuid,
        AuditColumnType.Timestamp => NpgsqlDbType.TimestampTz,
        AuditColumnType.Json => NpgsqlDbType.Jsonb,
        AuditColumnType.Int32 => NpgsqlDbType.Integer,
        AuditColumnType.Int64 => NpgsqlDbType.Bigint,
        AuditColumnType.Double => NpgsqlDbType.Double,
        AuditColumnType.Boolean => NpgsqlDbType.Boolean,
        _ => NpgsqlDbType.Text,
    };

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();
}
