using System.Text.Json;
using System.Text.Json.Serialization;

namespace AspNetAuditTrail.Integrity;

/// <summary>A checkpoint as JSON, as the folder keeps it and the collector takes it: its properties in camelCase, the kind by name.</summary>
public static class AuditCheckpointJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
        Converters = { new JsonStringEnumConverter(allowIntegerValues: false) },
    };

    /// <summary>The checkpoint as UTF-8 JSON.</summary>
    public static byte[] Serialize(AuditCheckpoint checkpoint) => JsonSerializer.SerializeToUtf8Bytes(checkpoint, Options);

    /// <summary>The checkpoint the JSON holds, or null with the reason.</summary>
    public static AuditCheckpoint? TryDeserialize(ReadOnlySpan<byte> json, out string? error)
    {
        try
        {
            var checkpoint = JsonSerializer.Deserialize<AuditCheckpoint>(json, Options) ?? throw new JsonException("null is no checkpoint");
            error = Enum.IsDefined(checkpoint.Kind) ? null : "unknown kind";
            return error is null ? checkpoint : null;
        }
        catch (JsonException ex)
        {
            error = ex.Message;
            return null;
        }
    }
}
