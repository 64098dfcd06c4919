using System.Text.Json;
using System.Text.Json.Nodes;
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
        if (JsonObject.Create(item) is not { } node)
        {
            failures[key] = ["An item must be a JSON object."];
            return null;
        }

        var kindName = node["kind"] is JsonValue k && k.TryGetValue<string>(out var name) ? name : "event";
        if (!WireKind.ByName.TryGetValue(kindName, out var kind))
        {
            failures[$"{key}.kind"] = [$"'{kindName}' is not a kind: request, login, security, process, step, registration or event."];
            return null;
        }

        node.Remove("kind");
        node["serviceName"] = serviceName;
        if (kind.Name == "event" && !PrepareEvent(node, key, now, failures))
        {
            return null;
        }

        foreach (var (field, value) in node.ToArray())
        {
            if (kind.JsonFields.Contains(field))
            {
                if (value is not null and not JsonObject)
                {
                    failures[$"{key}.{field}"] = [$"'{field}' must be a JSON object."];
                    return null;
                }

                node[field] = value is null ? null : AuditJson.SerializeAsObject(JsonSerializer.SerializeToElement(value), settings.Masker, logger, settings.Options.MaxBodySize);
            }
            else if (value is JsonValue text && text.TryGetValue<string>(out var s) && !WireKind.MultiLineFields.Contains(field))
            {
                node[field] = SingleLineText.Neutralize(s);
            }
        }

        try
        {
            return (kind, (IAuditEvent)node.Deserialize(kind.Type, AuditWireFormat.Options)!);
        }
        catch (JsonException ex)
        {
            var field = ex.Path is { Length: > 2 } path ? $"{key}.{path[2..]}" : key;
            failures[field] = [ex.Message.Split(" Path:", 2)[0]];
            return null;
        }
    }

    /// <summary>A business event: the action is required; id, time, level and category get their defaults; the user is the key as sent.</summary>
    private static bool PrepareEvent(JsonObject node, string key, DateTimeOffset now, Dictionary<string, string[]> failures)
    {
        if (node["action"] is not JsonValue action || !action.TryGetValue<string>(out var text) || string.IsNullOrWhiteSpace(text))
        {
            failures[$"{key}.action"] = ["'action' is required: what was done, for example cluster.create."];
            return false;
        }

        node["id"] ??= Guid.CreateVersion7(now);
        node["occurredAt"] ??= now;
        node["receivedAt"] = now;
        node["level"] ??= nameof(AuditLevel.Info);
        node["category"] ??= AuditCategories.UserAction;
        node["userId"] = node["userKey"]?.DeepClone();
        return true;
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
            if (kind.Reference is { } reference && WireKind.ReferenceOf(row) is { } parent
                && !(byId.TryGetValue(parent, out var target) && target.Kind.Name == reference.Parent))
            {
                failures[$"{key}.{reference.Field}"] = [$"'{reference.Field}' must be the id of a {reference.Parent} item of the same batch."];
            }
        }
    }
}
