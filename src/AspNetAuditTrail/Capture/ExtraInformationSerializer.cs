using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Logging;

namespace AspNetAuditTrail.Capture;

/// <summary>Writes what handlers set through <see cref="IAuditContext"/> as one JSON object, secrets masked.</summary>
internal static class ExtraInformationSerializer
{
    private static readonly JsonSerializerOptions SerializerOptions = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        ReferenceHandler = ReferenceHandler.IgnoreCycles,
        MaxDepth = 32,
    };

    /// <summary>The JSON object, or null when nothing was set (never the string "null").</summary>
    public static string? Serialize(KeyValuePair<string, object?>[] values, SecretMasker masker, ILogger logger)
    {
        if (values.Length == 0)
        {
            return null;
        }

        var output = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(output, new JsonWriterOptions { Encoder = SerializerOptions.Encoder }))
        {
            writer.WriteStartObject();
            foreach (var (name, value) in values)
            {
                writer.WritePropertyName(name);
                writer.WriteRawValue(SerializeValue(name, value, logger), skipInputValidation: true);
            }

            writer.WriteEndObject();
        }

        return masker.TryMaskJson(output.WrittenSpan, isComplete: true, out var masked) ? masked : null;
    }

    private static byte[] SerializeValue(string name, object? value, ILogger logger)
    {
        try
        {
            return JsonSerializer.SerializeToUtf8Bytes(value, value?.GetType() ?? typeof(object), SerializerOptions);
        }
        catch (Exception ex) when (ex is NotSupportedException or JsonException or InvalidOperationException or ArgumentException)
        {
            var type = value!.GetType().FullName ?? value.GetType().Name;
            Log.ExtraValueUnserializable(logger, name, type, ex.Message);
            return JsonSerializer.SerializeToUtf8Bytes($"[unserializable: {type}]", SerializerOptions);
        }
    }
}
