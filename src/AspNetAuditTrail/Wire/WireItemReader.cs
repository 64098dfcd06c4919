using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using AspNetAuditTrail.Capture;
using AspNetAuditTrail.Events;
using Microsoft.Extensions.Logging;

namespace AspNetAuditTrail.Wire;

/// <summary>Reads one wire item into its record, or names what is wrong with it; checks a batch's ids and references.</summary>
internal static class WireItemReader
{
    public static (WireKind Kind, IAuditEvent Row)? Read(
        JsonElement item, string key, string serviceName, DateTimeOffset now, AuditSettings settings, ILogger logger, Dictionary<string, string[]> failures)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            failures[key] = ["An item must be a JSON object."];
            return null;
        }

        var kindName = item.TryGetProperty("kind", out var k) && k.ValueKind == JsonValueKind.String ? k.GetString()! : "event";
        if (!WireKind.ByName.TryGetValue(kindName, out var kind))
        {
            failures[$"{key}.kind"] = [$"'{kindName}' is not a kind: request, login, security, process, step, registration or event."];
            return null;
        }

        if (kind.Name == "event" && !(item.TryGetProperty("action", out var action) && action.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(action.GetString())))
        {
            failures[$"{key}.action"] = ["'action' is required: what was done, for example cluster.create."];
            return null;
        }

        IAuditEvent row;
        try
        {
            row = (IAuditEvent)item.Deserialize(kind.Type, AuditWireFormat.Options)!;
        }
        catch (JsonException ex)
        {
            var field = ex.Path is { Length: > 2 } path ? $"{key}.{path[2..]}" : key;
            failures[field] = [ex.Message.Split(" Path:", 2)[0]];
            return null;
        }

        foreach (var property in AuditWireFormat.Options.GetTypeInfo(kind.Type).Properties.Where(p => p.PropertyType == typeof(string) && p.Set is not null))
        {
            var value = (string?)property.Get!(row);
            var fixedUp = property.Name switch
            {
                "serviceName" => serviceName,
                _ when value is null => null,
                _ when kind.JsonFields.Contains(property.Name) => MaskedJson(value, property.Name, settings, logger),
                _ when WireKind.MultiLineFields.Contains(property.Name) => value,
                _ => SingleLineText.Neutralize(value),
            };
            if (!ReferenceEquals(fixedUp, value))
            {
                property.Set!(row, fixedUp);
            }
        }

        return (kind, row is BusinessAuditEvent e ? Defaults(e, now) : row);
    }

    /// <summary>A business event's id, time and category when the sender left them out; when it was received; the user as the key sent.</summary>
    private static BusinessAuditEvent Defaults(BusinessAuditEvent e, DateTimeOffset now) => e with
    {
        Id = e.Id == Guid.Empty ? Guid.CreateVersion7(now) : e.Id,
        OccurredAt = e.OccurredAt == default ? now : e.OccurredAt,
        ReceivedAt = now,
        Category = e.Category ?? AuditCategories.UserAction,
        UserId = e.UserKey,
    };

    /// <summary>A JSON field masked and bounded as the app's own (the text is an object: the serializer read it from one).</summary>
    private static string? MaskedJson(string json, string name, AuditSettings settings, ILogger logger)
    {
        using var document = JsonDocument.Parse(json);
        return AuditJson.SerializeAsObject(document.RootElement, settings.Masker, logger, settings.Options.MaxBodySize);
    }

    /// <summary>Ids are unique in the batch, and every reference to a parent names an item of the batch of the parent's kind.</summary>
    public static void CheckIdsAndReferences(List<(WireKind Kind, IAuditEvent Row, string Key)> rows, Dictionary<string, string[]> failures)
    {
        var byId = new Dictionary<Guid, (WireKind Kind, string Key)>();
        foreach (var (kind, row, key) in rows)
        {
            if (!byId.TryAdd(row.Id, (kind, key)))
            {
                failures[$"{key}.id"] = [$"The id {row.Id} is also the id of {byId[row.Id].Key}."];
            }
        }

        foreach (var (kind, row, key) in rows)
        {
            if (kind.Parent is { } reference && reference.IdOf(row) is { } parent
                && !(byId.TryGetValue(parent, out var target) && target.Kind.Name == reference.Kind))
            {
                failures[$"{key}.{reference.Field}"] = [$"'{reference.Field}' must be the id of a {reference.Kind} item of the same batch."];
            }
        }
    }
}
