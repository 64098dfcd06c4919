using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using AspNetAuditTrail.Capture;

namespace AspNetAuditTrail.Changes;

/// <summary>
/// The fast path of <see cref="EntityChangeJson"/> for records whose values are all scalars (what an entity's columns
/// hold): the three objects written straight from the values, secrets masked by their field's name, without a
/// serializer round trip. It declines (returns false) a record with any other value, or one that does not fit the bound.
/// </summary>
internal static class ScalarChangeJson
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static bool TryDescribe(
        IReadOnlyDictionary<string, object?>? before, IReadOnlyDictionary<string, object?>? after, SecretMasker masker, int maxBytes,
        out (string? Before, string? After, string? Changed) described)
    {
        described = default;
        if (!AllScalar(before) || !AllScalar(after))
        {
            return false;
        }

        var buffer = new ArrayBufferWriter<byte>(64 * Math.Max(before?.Count ?? 0, after?.Count ?? 0));
        using var writer = new Utf8JsonWriter(buffer, Options);
        string? Object(IReadOnlyDictionary<string, object?>? values)
        {
            if (values is null)
            {
                return null;
            }

            writer.Reset();
            buffer.ResetWrittenCount();
            writer.WriteStartObject();
            foreach (var (name, value) in values)
            {
                writer.WritePropertyName(name);
                Value(writer, masker.IsMasked(name) ? SecretMasker.Mask : value);
            }

            writer.WriteEndObject();
            writer.Flush();
            return Text(buffer, maxBytes);
        }

        var (old, current) = (Object(before), Object(after));
        writer.Reset();
        buffer.ResetWrittenCount();
        writer.WriteStartObject();
        var changes = 0;
        foreach (var (name, was, now) in EntityChangeJson.Differing(before, after))
        {
            changes++;
            writer.WritePropertyName(name);
            if (masker.IsMasked(name))
            {
                writer.WriteStringValue(SecretMasker.Mask);
                continue;
            }

            writer.WriteStartObject();
            writer.WritePropertyName("before");
            Value(writer, was);
            writer.WritePropertyName("after");
            Value(writer, now);
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
        writer.Flush();
        var changed = changes == 0 ? null : Text(buffer, maxBytes);
        if ((before is not null && old is null) || (after is not null && current is null) || (changes > 0 && changed is null))
        {
            return false;
        }

        described = (old, current, changed);
        return true;
    }

    private static string? Text(ArrayBufferWriter<byte> buffer, int maxBytes) =>
        buffer.WrittenCount > maxBytes ? null : Encoding.UTF8.GetString(buffer.WrittenSpan);

    private static bool AllScalar(IReadOnlyDictionary<string, object?>? values)
    {
        foreach (var (_, value) in values ?? new Dictionary<string, object?>())
        {
            if (value is not (null or string or bool or int or long or short or byte or decimal or double or float or Guid or DateTime or DateTimeOffset))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A scalar as the serializer writes it (same number and date formats).</summary>
    private static void Value(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null: writer.WriteNullValue(); break;
            case string text: writer.WriteStringValue(text); break;
            case bool flag: writer.WriteBooleanValue(flag); break;
            case int number: writer.WriteNumberValue(number); break;
            case long number: writer.WriteNumberValue(number); break;
            case short number: writer.WriteNumberValue(number); break;
            case byte number: writer.WriteNumberValue(number); break;
            case decimal number: writer.WriteNumberValue(number); break;
            case double number when double.IsFinite(number): writer.WriteNumberValue(number); break;
            case float number when float.IsFinite(number): writer.WriteNumberValue(number); break;
            case Guid id: writer.WriteStringValue(id); break;
            case DateTime time: writer.WriteStringValue(time); break;
            case DateTimeOffset time: writer.WriteStringValue(time); break;
            default: writer.WriteStringValue(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)); break;
        }
    }
}
