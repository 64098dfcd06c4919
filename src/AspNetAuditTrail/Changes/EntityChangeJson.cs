using System.Globalization;
using System.Text;
using System.Text.Json;
using AspNetAuditTrail.Capture;
using Microsoft.Extensions.Logging;

namespace AspNetAuditTrail.Changes;

/// <summary>
/// A change's three JSON objects (before, after, and each changed field's value before and after) and its key as
/// text. Fields are compared by value, or by their JSON, before masking, so a changed secret shows as changed, masked.
/// </summary>
internal static class EntityChangeJson
{
    private static readonly byte[] Null = "null"u8.ToArray();

    /// <summary>The before, after and changed-fields objects (masked, each bounded by <paramref name="maxBytes"/>); null where there is nothing.</summary>
    public static (string? Before, string? After, string? Changed) Describe(
        IReadOnlyDictionary<string, object?>? before, IReadOnlyDictionary<string, object?>? after, SecretMasker masker, ILogger logger, int maxBytes)
    {
        if (ScalarChangeJson.TryDescribe(before, after, masker, maxBytes, out var described))
        {
            return described;
        }

        var old = Serialized(before, logger);
        var current = Serialized(after, logger);
        var names = new List<string>();
        var changes = new List<byte[]>();
        foreach (var (name, _, _) in Differing(before, after))
        {
            var (was, now) = (old.GetValueOrDefault(name), current.GetValueOrDefault(name));
            // Values that are not equal as objects (JSON elements, for one) are equal when they serialize alike.
            if (was is null || now is null || !was.AsSpan().SequenceEqual(now))
            {
                names.Add(name);
                changes.Add([.. "{\"before\":"u8, .. was ?? Null, .. ",\"after\":"u8, .. now ?? Null, .. "}"u8]);
            }
        }

        return (
            before is null ? null : AuditJson.WriteObject([.. old.Keys], [.. old.Values], masker, maxBytes),
            after is null ? null : AuditJson.WriteObject([.. current.Keys], [.. current.Values], masker, maxBytes),
            names.Count == 0 ? null : AuditJson.WriteObject([.. names], [.. changes], masker, maxBytes));
    }

    /// <summary>
    /// Each field whose values are not equal (or that one side lacks), before's fields first, with its values before
    /// and after. Equal values are unchanged even when written otherwise (a decimal's scale: 59.9 and 59.90).
    /// </summary>
    public static List<(string Name, object? Before, object? After)> Differing(IReadOnlyDictionary<string, object?>? before, IReadOnlyDictionary<string, object?>? after)
    {
        var differing = new List<(string, object?, object?)>();
        foreach (var (name, was) in before ?? new Dictionary<string, object?>())
        {
            object? now = null;
            if (after is null || !after.TryGetValue(name, out now) || !Equals(was, now))
            {
                differing.Add((name, was, now));
            }
        }

        foreach (var (name, now) in after ?? new Dictionary<string, object?>())
        {
            if (before is null || !before.ContainsKey(name))
            {
                differing.Add((name, null, now));
            }
        }

        return differing;
    }

    /// <summary>A key as text: a text, number or id as it is (invariant culture), a composite key as a JSON object of its parts.</summary>
    public static string Key(object id, ILogger logger)
    {
        switch (id)
        {
            case string text:
                return text;
            case Guid guid:
                return guid.ToString("D");
            case IFormattable formattable when id.GetType().IsPrimitive || id is decimal or Enum:
                return formattable.ToString(null, CultureInfo.InvariantCulture);
        }

        var json = AuditJson.SerializeValue("id", id, logger);
        var element = JsonSerializer.Deserialize<JsonElement>(json);
        return element.ValueKind == JsonValueKind.String ? element.GetString()! : Encoding.UTF8.GetString(json);
    }

    /// <summary>An object's public properties (as JSON serializes them) by name; null for null.</summary>
    public static IReadOnlyDictionary<string, object?>? Fields(object? value, ILogger logger)
    {
        if (value is null or IReadOnlyDictionary<string, object?>)
        {
            return value as IReadOnlyDictionary<string, object?>;
        }

        var element = JsonSerializer.Deserialize<JsonElement>(AuditJson.SerializeValue("value", value, logger));
        return element.ValueKind == JsonValueKind.Object
            ? element.EnumerateObject().ToDictionary(p => p.Name, p => (object?)p.Value, StringComparer.Ordinal)
            : new Dictionary<string, object?> { ["value"] = element };
    }

    private static Dictionary<string, byte[]> Serialized(IReadOnlyDictionary<string, object?>? values, ILogger logger)
    {
        var serialized = new Dictionary<string, byte[]>(values?.Count ?? 0, StringComparer.Ordinal);
        foreach (var (name, value) in values ?? new Dictionary<string, object?>())
        {
            serialized[name] = AuditJson.SerializeValue(name, value, logger);
        }

        return serialized;
    }
}
