using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Logging;

namespace AspNetAuditTrail.Capture;

/// <summary>
/// Writes named values (extra information, route values, action arguments, validation errors) as one JSON
/// object: secrets masked at any depth, a value that cannot be serialized marked, the whole size-bounded.
/// </summary>
internal static class AuditJson
{
    private static readonly JsonSerializerOptions SerializerOptions = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        ReferenceHandler = ReferenceHandler.IgnoreCycles,
        MaxDepth = 32,
    };

    /// <summary>
    /// The JSON object, or null when there are no values (never the string "null"). When the values together
    /// exceed <paramref name="maxBytes"/>, the largest are replaced by an "[omitted: N bytes]" marker until it fits.
    /// </summary>
    public static string? SerializeObject(
        IReadOnlyCollection<KeyValuePair<string, object?>> values, SecretMasker masker, ILogger logger, int maxBytes = int.MaxValue)
    {
        if (values.Count == 0)
        {
            return null;
        }

        var names = new string[values.Count];
        var serialized = new byte[values.Count][];
        var i = 0;
        foreach (var (name, value) in values)
        {
            names[i] = name;
            serialized[i++] = SerializeValue(name, value, logger);
        }

        return WriteObject(names, serialized, masker, maxBytes);
    }

    /// <summary>Values already serialized, by name, as one JSON object: masked, the largest omitted until it fits <paramref name="maxBytes"/>.</summary>
    public static string? WriteObject(string[] names, byte[][] serialized, SecretMasker masker, int maxBytes)
    {
        FitWithin(names, serialized, maxBytes);

        var output = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(output, new JsonWriterOptions { Encoder = SerializerOptions.Encoder }))
        {
            writer.WriteStartObject();
            for (var i = 0; i < names.Length; i++)
            {
                writer.WritePropertyName(names[i]);
                writer.WriteRawValue(serialized[i], skipInputValidation: true);
            }

            writer.WriteEndObject();
        }

        return masker.TryMaskJson(output.WrittenSpan, isComplete: true, out var masked) ? masked : null;
    }

    /// <summary>
    /// One value as a JSON object: an object's properties become the object's (each masked and bounded as in
    /// <see cref="SerializeObject"/>), any other value is held as <c>{"value": ...}</c>; null for null.
    /// </summary>
    public static string? SerializeAsObject(object? value, SecretMasker masker, ILogger logger, int maxBytes = int.MaxValue)
    {
        if (value is null)
        {
            return null;
        }

        var element = JsonSerializer.Deserialize<JsonElement>(SerializeValue("value", value, logger));
        return element.ValueKind == JsonValueKind.Object
            ? SerializeObject(element.EnumerateObject().Select(p => new KeyValuePair<string, object?>(p.Name, p.Value)).ToArray(), masker, logger, maxBytes)
                ?? "{}"
            : SerializeObject([new("value", element)], masker, logger, maxBytes);
    }

    private static void FitWithin(string[] names, byte[][] serialized, int maxBytes)
    {
        // {"name":value,...}: braces, and per entry two quotes, a colon and (but for the last) a comma.
        long Total() => 1 + names.Select((n, k) => (long)n.Length + 4 + serialized[k].Length).Sum();

        while (Total() > maxBytes)
        {
            var largest = Enumerable.Range(0, serialized.Length).MaxBy(k => serialized[k].Length);
            var marker = JsonSerializer.SerializeToUtf8Bytes($"[omitted: {serialized[largest].Length} bytes]", SerializerOptions);
            if (marker.Length >= serialized[largest].Length)
            {
                return;
            }

            serialized[largest] = marker;
        }
    }

    /// <summary>One value as JSON; a value that cannot be serialized becomes a marker naming its type (and a log line).</summary>
    public static byte[] SerializeValue(string name, object? value, ILogger logger)
    {
        try
        {
            return JsonSerializer.SerializeToUtf8Bytes(value, value?.GetType() ?? typeof(object), SerializerOptions);
        }
        catch (Exception ex) when (ex is NotSupportedException or JsonException or InvalidOperationException or ArgumentException)
        {
            var type = value!.GetType().FullName ?? value.GetType().Name;
            Log.ValueUnserializable(logger, name, type, ex.Message);
            return JsonSerializer.SerializeToUtf8Bytes($"[unserializable: {type}]", SerializerOptions);
        }
    }
}
