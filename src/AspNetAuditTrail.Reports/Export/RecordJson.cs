using System.Text.Encodings.Web;
using System.Text.Json;
using AspNetAuditTrail.Reading;
using AspNetAuditTrail.Relational;

namespace AspNetAuditTrail.Reports.Export;

/// <summary>Writes audit records as JSON objects: columns by name, JSON columns as JSON (not as strings), times in ISO 8601.</summary>
internal static class RecordJson
{
    public static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void Write(Utf8JsonWriter writer, AuditRecord record, string table)
    {
        var types = AuditTables.ColumnTypes[table];
        writer.WriteStartObject();
        foreach (var (column, value) in record)
        {
            writer.WritePropertyName(column);
            switch (value)
            {
                case null:
                    writer.WriteNullValue();
                    break;
                case string json when types.TryGetValue(column, out var type) && type == AuditColumnType.Json:
                    writer.WriteRawValue(json);
                    break;
                case string text:
                    writer.WriteStringValue(text);
                    break;
                case Guid id:
                    writer.WriteStringValue(id);
                    break;
                case DateTimeOffset time:
                    writer.WriteStringValue(time);
                    break;
                case long number:
                    writer.WriteNumberValue(number);
                    break;
                case double number:
                    writer.WriteNumberValue(number);
                    break;
                case bool flag:
                    writer.WriteBooleanValue(flag);
                    break;
                default:
                    writer.WriteStringValue(value.ToString());
                    break;
            }
        }

        writer.WriteEndObject();
    }

    public static void WriteArray(Utf8JsonWriter writer, string name, IEnumerable<AuditRecord> records, string table)
    {
        writer.WritePropertyName(name);
        writer.WriteStartArray();
        foreach (var record in records)
        {
            Write(writer, record, table);
        }

        writer.WriteEndArray();
    }
}
