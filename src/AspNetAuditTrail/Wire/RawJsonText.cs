using System.Text.Json;
using System.Text.Json.Serialization;

namespace AspNetAuditTrail.Wire;

/// <summary>A record's JSON field (held as text) on the wire: written as the JSON object it holds, read from an object or from text.</summary>
internal sealed class RawJsonText : JsonConverter<string>
{
    public static readonly RawJsonText Instance = new();

    public override bool HandleNull => false;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.String => reader.GetString(),
        JsonTokenType.StartObject => JsonElement.ParseValue(ref reader).GetRawText(),
        _ => throw new JsonException("A JSON field must be a JSON object."),
    };

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteRawValue(value);
}
