using System.Text;
using System.Text.Json;
using AspNetAuditTrail.Relational;

namespace AspNetAuditTrail.Reports.Export;

/// <summary>Rows of one table written as they are read: a CSV file with a header line, or a JSON array of records; flushed every few hundred rows.</summary>
internal static class RowExport
{
    private const int FlushEvery = 200;

    public static async Task JsonAsync<TEvent>(Stream output, IAsyncEnumerable<TEvent> rows, AuditTable<TEvent> table, CancellationToken cancellationToken)
    {
        await using var writer = new Utf8JsonWriter(output, AuditRecordJson.WriterOptions);
        writer.WriteStartArray();
        var count = 0;
        await foreach (var row in rows)
        {
            AuditRecordJson.Write(writer, row, table);
            if (++count % FlushEvery == 0)
            {
                await writer.FlushAsync(cancellationToken);
            }
        }

        writer.WriteEndArray();
        await writer.FlushAsync(cancellationToken);
    }

    public static async Task CsvAsync<TEvent>(Stream output, IAsyncEnumerable<TEvent> rows, AuditTable<TEvent> table, CancellationToken cancellationToken)
    {
        var columns = table.Columns;
        await using var text = Writer(output);
        await text.WriteAsync(Csv.Line(columns.Select(c => c.Name)));
        var count = 0;
        await foreach (var row in rows)
        {
            await text.WriteAsync(Csv.Line(columns.Select(c => c.Read(row))));
            if (++count % FlushEvery == 0)
            {
                await text.FlushAsync(cancellationToken);
            }
        }

        await text.FlushAsync(cancellationToken);
    }

    /// <summary>A UTF-8 text writer (no byte-order mark) that leaves the stream open.</summary>
    public static StreamWriter Writer(Stream output) => new(output, new UTF8Encoding(false), 16 * 1024, leaveOpen: true);
}
