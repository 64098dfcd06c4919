using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using AspNetAuditTrail.Events;

namespace AspNetAuditTrail.Wire;

/// <summary>
/// The versioned JSON form in which audit rows travel between services: <c>{"version": 1, "items": [...]}</c>, each
/// item a row with its <c>kind</c> (<c>request</c>, <c>login</c>, <c>security</c>, <c>process</c>, <c>step</c>,
/// <c>registration</c> or <c>event</c>) and the record's properties in camelCase; enums by name, times in ISO 8601,
/// JSON fields (extra information, details, input...) as JSON objects. README documents each kind's fields.
/// </summary>
public static class AuditWireFormat
{
    /// <summary>The format's version, written in every batch.</summary>
    public const int Version = 1;

    internal static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
        Converters = { new JsonStringEnumConverter(allowIntegerValues: false) },
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { KindAndJsonFields } },
    };

    /// <summary>Writes the units as one batch, every row an item, parents first.</summary>
    public static void WriteBatch(Utf8JsonWriter writer, IEnumerable<AuditUnit> units)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(units);
        writer.WriteStartObject();
        writer.WriteNumber("version", Version);
        writer.WritePropertyName("items");
        writer.WriteStartArray();
        var all = units as IReadOnlyCollection<AuditUnit> ?? units.ToArray();
        foreach (var kind in WireKind.All)
        {
            foreach (var row in all.SelectMany(kind.RowsOf))
            {
                JsonSerializer.Serialize(writer, row, kind.Type, Options);
            }
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>Writes one row as an item.</summary>
    /// <exception cref="ArgumentException">The row is not of a kind the format knows.</exception>
    public static void WriteItem(Utf8JsonWriter writer, IAuditEvent row)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(row);
        var kind = WireKind.ByType.GetValueOrDefault(row.GetType()) ?? throw new ArgumentException($"{row.GetType().Name} is not a kind of audit row.", nameof(row));
        JsonSerializer.Serialize(writer, row, kind.Type, Options);
    }

    /// <summary>Each row type written with its <c>kind</c> first, and its JSON fields as the objects they hold: no DOM in between.</summary>
    private static void KindAndJsonFields(JsonTypeInfo info)
    {
        if (info.Kind != JsonTypeInfoKind.Object || !WireKind.ByType.TryGetValue(info.Type, out var kind))
        {
            return;
        }

        foreach (var property in info.Properties.Where(p => kind.JsonFields.Contains(p.Name)))
        {
            property.CustomConverter = RawJsonText.Instance;
        }

        if (kind.Name == "event")
        {
            // A sender may leave these out: the reader fills them in.
            foreach (var property in info.Properties.Where(p => p.Name is "id" or "occurredAt" or "receivedAt" or "level" or "category"))
            {
                property.IsRequired = false;
            }
        }

        // A row's seal is its writer's: the receiving writer seals what it stores into its own chain.
        if (info.Properties.FirstOrDefault(p => p.Name == "seal") is { } seal)
        {
            info.Properties.Remove(seal);
        }

        var name = info.CreateJsonPropertyInfo(typeof(string), "kind");
        name.Get = _ => kind.Name;
        info.Properties.Insert(0, name);
    }
}
