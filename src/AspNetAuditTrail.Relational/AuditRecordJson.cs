using System.Text.Encodings.Web;
using System.Text.Json;
namespace AspNetAuditTrail.Relational;

/// <summary>Writes event records as JSON objects named by their table's columns: JSON columns as JSON (not as strings), times in ISO 8601.</summary>
public static class AuditRecordJson
{
    /// <summary>Writer options that keep text readable (no escaping of non-ASCII letters).</summary>
    public static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Writes one record as an object of its table's columns.</summary>
    public static void Write<TEvent>(Utf8JsonWriter writer, TEvent record, AuditTable<TEvent> table)
    {
        writer.WriteStartObject();
        foreach (var column in table.Columns)
        {
            writer.WritePropertyName(column.Name);
            switch (column.Read(record))
            {
                case null:
                    writer.WriteNullValue();
                    break;
                case string json when column.Type == AuditColumnType.Json:
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
                case int number:
                    writer.WriteNumberValue(number);
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
                case var value:
                    writer.WriteStringValue(value.ToString());
                    break;
            }
        }

        writer.WriteEndObject();
    }

    /// <summary>Writes a property holding an array of records.</summary>
    public static void WriteArray<TEvent>(Utf8JsonWriter writer, string name, IEnumerable<TEvent> records, AuditTable<TEvent> table)
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
