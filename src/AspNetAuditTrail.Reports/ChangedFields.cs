using System.Text.Json;

namespace AspNetAuditTrail.Reports;

/// <summary>A change row's <c>changed_fields</c> read for people: each field's value before and after as text (a masked field: its stored text).</summary>
internal static class ChangedFields
{
    /// <summary>The fields in stored order; <c>After</c> is null for a field stored without before and after (masked). Text that is not JSON is one field of that text.</summary>
    public static IReadOnlyList<(string Name, string Before, string? After)> Read(string? changedFields)
    {
        if (changedFields is null)
        {
            return [];
        }

        try
        {
            using var document = JsonDocument.Parse(changedFields);
            return [.. document.RootElement.EnumerateObject().Select(field =>
                field.Value is { ValueKind: JsonValueKind.Object } pair && pair.TryGetProperty("before", out var before) && pair.TryGetProperty("after", out var after)
                    ? (field.Name, Text(before), Text(after))
                    : (field.Name, Text(field.Value), (string?)null))];
        }
        catch (JsonException)
        {
            return [("", changedFields, null)];
        }
    }

    private static string Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => "(none)",
        JsonValueKind.String => value.GetString()!,
        _ => value.GetRawText(),
    };
}
