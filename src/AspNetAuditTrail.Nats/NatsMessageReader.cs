using System.Text.Json;
using AspNetAuditTrail.Events;
using AspNetAuditTrail.Wire;

namespace AspNetAuditTrail.Nats;

/// <summary>A message's body read as a collector reads a call: one document of the wire format, validated whole.</summary>
internal static class NatsMessageReader
{
    /// <summary>What a message held: its units, or why it can never be written.</summary>
    public readonly record struct Result(IReadOnlyList<AuditUnit>? Units, string? Error);

    public static Result Read(IAuditIngest ingest, byte[]? body, string service, int maxItems)
    {
        if (body is not { Length: > 0 })
        {
            return new(null, "the message is empty.");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException)
        {
            return new(null, "the message is not JSON.");
        }

        using (document)
        {
            if (ingest.TryRead(document.RootElement, service, maxItems, out var units, out var errors))
            {
                return new(units, null);
            }

            var listed = errors.Take(5).Select(e => $"{e.Key}: {string.Join(" ", e.Value)}");
            return new(null, string.Join("; ", listed) + (errors.Count > 5 ? $" (and {errors.Count - 5} more)" : ""));
        }
    }
}
