using System.Globalization;
using AspNetAuditTrail.Benchmarks.Load;
using AspNetAuditTrail.Events;
using AspNetAuditTrail.Relational;
using AspNetAuditTrail.Sqlite;
using AspNetAuditTrail.Storage;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;

namespace AspNetAuditTrail.Benchmarks.Ingest;

/// <summary>
/// The yardstick for ingest: the same request rows written the plainest fast way, with nothing the pipeline
/// adds (no batches, no idempotence, no length checks): one binary COPY straight into the table on PostgreSQL,
/// one transaction of prepared inserts on SQLite.
/// </summary>
internal static class RawBulkWriter
{
    public static Task WriteAsync(AuditedStore store, string connectionString, IReadOnlyList<AuditUnit> units) =>
        store == AuditedStore.PostgreSql ? CopyAsync(connectionString, units) : InsertAsync(connectionString, units);

    private static readonly IReadOnlyList<AuditColumn<RequestAuditEvent>> Columns = AuditTables.Request.Columns;

    private static string ColumnList => string.Join(", ", Columns.Select(c => c.Name));

    private static async Task CopyAsync(string connectionString, IReadOnlyList<AuditUnit> units)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var importer = await connection.BeginBinaryImportAsync($"COPY {AuditTables.Request.Name} ({ColumnList}) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var unit in units)
            {
                await importer.StartRowAsync();
                foreach (var column in Columns)
                {
                    switch (column.Read(unit.Request!))
                    {
                        case null: await importer.WriteNullAsync(); break;
                        case Guid id: await importer.WriteAsync(id, NpgsqlDbType.Uuid); break;
                        case DateTimeOffset time: await importer.WriteAsync(time, NpgsqlDbType.TimestampTz); break;
                        case int number: await importer.WriteAsync(number, NpgsqlDbType.Integer); break;
                        case long number: await importer.WriteAsync(number, NpgsqlDbType.Bigint); break;
                        case double number: await importer.WriteAsync(number, NpgsqlDbType.Double); break;
                        case string text: await importer.WriteAsync(text, column.Type == AuditColumnType.Json ? NpgsqlDbType.Jsonb : NpgsqlDbType.Text); break;
                        case var other: throw new NotSupportedException(other.GetType().Name);
                    }
                }
            }

            await importer.CompleteAsync();
        }

        await transaction.CommitAsync();
    }

    private static async Task InsertAsync(string connectionString, IReadOnlyList<AuditUnit> units)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var transaction = connection.BeginTransaction();
        await using var command = connection.CreateCommand();
        command.CommandText = $"INSERT INTO {AuditTables.Request.Name} ({ColumnList}) VALUES ({string.Join(", ", Columns.Select((_, i) => "@p" + i))})";
        var parameters = Columns.Select((_, i) => command.Parameters.Add(new SqliteParameter { ParameterName = "@p" + i })).ToArray();
        foreach (var unit in units)
        {
            for (var i = 0; i < parameters.Length; i++)
            {
                parameters[i].Value = Columns[i].Read(unit.Request!) switch
                {
                    null => DBNull.Value,
                    Guid id => id.ToString("D"),
                    DateTimeOffset time => time.UtcDateTime.ToString("O", CultureInfo.InvariantCulture), // SqliteAuditStore.TimestampFormat for a UTC time
                    var value => value,
                };
            }

            await command.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
    }
}
