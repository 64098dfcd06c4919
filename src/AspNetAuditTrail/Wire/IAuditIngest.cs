using System.Text.Json;
using AspNetAuditTrail.Events;

namespace AspNetAuditTrail.Wire;

/// <summary>
/// Takes audit rows from outside the app (a collector's senders, a stream) into its pipeline. A scoped-free singleton,
/// registered by <c>AddAuditTrail</c>.
/// </summary>
public interface IAuditIngest
{
    /// <summary>
    /// Reads a document in <see cref="AuditWireFormat"/> (a batch, or one item) sent by a service, validated whole:
    /// every row gets the service's name (never the one in the document), text fields are made single-line, JSON
    /// fields are masked and bounded as the app's own, a business event's missing id, time, level and category are
    /// filled in, and a reference to a parent must name an item of the same document. The rows come back as units:
    /// one per request item with the rows linked to it, and one for the rest. On failure nothing is returned, and
    /// <paramref name="errors"/> names each bad item and field (<c>items[2].action</c>).
    /// </summary>
    bool TryRead(JsonElement document, string serviceName, int maxItems, out IReadOnlyList<AuditUnit> units, out IReadOnlyDictionary<string, string[]> errors);

    /// <summary>Hands a unit to the background writer (queue, retries, journal); false when the pipeline refused it (a full queue under <c>Drop</c>, or a stopped writer).</summary>
    ValueTask<bool> EnqueueAsync(AuditUnit unit, CancellationToken cancellationToken);

    /// <summary>
    /// Writes the units to the store now, in one transaction, sealed into this writer's chain when integrity is on
    /// (strict mode); on failure, the caller enqueues them instead (they keep their seals).
    /// </summary>
    Task WriteAsync(IReadOnlyList<AuditUnit> units, CancellationToken cancellationToken);

    /// <summary>Has the writer write what the pipeline holds now, and returns once it has: how many units that was.</summary>
    Task<int> FlushAsync(CancellationToken cancellationToken);
}
