using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace AspNetAuditTrail.Relational;

/// <summary>
/// JSON in canonical form, so that the text a database gives back (PostgreSQL's jsonb reorders keys and drops spaces)
/// hashes as the text written: no whitespace; an object's members sorted by name (ordinal, UTF-16), the last of a
/// repeated name kept; numbers as the shortest text of their double value (the text as it is when it is none); strings
/// with only the escapes JSON requires (quote, backslash, control characters). One instance is not for concurrent use.
/// </summary>
internal sealed class CanonicalJson : IDisposable
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true };
    private readonly ArrayBufferWriter<byte> _output = new(1024);
    private readonly Utf8JsonWriter _writer;

    public CanonicalJson() => _writer = new Utf8JsonWriter(_output, WriterOptions);

    /// <summary>The canonical form of the UTF-8 text (valid until the next call); false when it is not one JSON value.</summary>
    public bool TryCanonicalize(ReadOnlySpan<byte> utf8, out ReadOnlySpan<byte> canonical)
    {
        _output.ResetWrittenCount();
        _writer.Reset(_output);
        try
        {
            var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = 256 });
            using var document = JsonDocument.ParseValue(ref reader);
            if (reader.Read())
            {
                throw new JsonException("Text follows the JSON value.");
            }

            Write(document.RootElement);
            _writer.Flush();
            canonical = _output.WrittenSpan;
            return true;
        }
        catch (JsonException)
        {
            canonical = default;
            return false;
        }
    }

    private void Write(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                _writer.WriteStartObject();
                foreach (var member in element.EnumerateObject().GroupBy(p => p.Name).Select(g => g.Last()).OrderBy(p => p.Name, StringComparer.Ordinal))
                {
                    _writer.WritePropertyName(member.Name);
                    Write(member.Value);
                }

                _writer.WriteEndObject();
                break;
            case JsonValueKind.Array:
                _writer.WriteStartArray();
                foreach (var item in element.EnumerateArray())
                {
                    Write(item);
                }

                _writer.WriteEndArray();
                break;
            case JsonValueKind.String:
                _writer.WriteStringValue(element.GetString());
                break;
            case JsonValueKind.Number:
                if (element.TryGetDouble(out var number) && double.IsFinite(number))
                {
                    _writer.WriteNumberValue(number);
                }
                else
                {
                    _writer.WriteRawValue(element.GetRawText(), skipInputValidation: true);
                }

                break;
            default:
                element.WriteTo(_writer);
                break;
        }
    }

    public void Dispose() => _writer.Dispose();
}
