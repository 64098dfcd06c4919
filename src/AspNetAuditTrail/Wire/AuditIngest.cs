using System.Text.Json;
using AspNetAuditTrail.Capture;
using AspNetAuditTrail.Events;
using AspNetAuditTrail.Storage;
using AspNetAuditTrail.Writing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AspNetAuditTrail.Wire;

/// <summary><see cref="IAuditIngest"/>: the wire format read with the app's masking and bounds, into the app's queue.</summary>
internal sealed class AuditIngest(AuditQueue queue, AuditChain chain, IServiceProvider services, AuditSettingsProvider settings, TimeProvider time, ILogger<AuditIngest> logger)
    : IAuditIngest
{
    public ValueTask<bool> EnqueueAsync(AuditUnit unit, CancellationToken cancellationToken) => queue.EnqueueAsync(unit, cancellationToken);

    public Task<int> FlushAsync(CancellationToken cancellationToken) => queue.FlushAsync(cancellationToken);

    public async Task WriteAsync(IReadOnlyList<AuditUnit> units, CancellationToken cancellationToken)
    {
        chain.Seal(units);
        try
        {
            await services.GetRequiredService<IAuditStore>().WriteAsync(units, cancellationToken);
        }
        finally
        {
            // Written, or refused to the sender, who sends them again as new rows: their places are settled either way.
            chain.Settle(units);
        }
    }

    public bool TryRead(JsonElement document, string serviceName, int maxItems, out IReadOnlyList<AuditUnit> units, out IReadOnlyDictionary<string, string[]> errors)
    {
        ArgumentException.ThrowIfNullOrEmpty(serviceName);
        var failures = new Dictionary<string, string[]>(StringComparer.Ordinal);
        (units, errors) = ([], failures);
        var items = Items(document, failures);
        if (items is null)
        {
            return false;
        }

        if (items.Count > maxItems)
        {
            failures["items"] = [$"A batch holds at most {maxItems} items; this one holds {items.Count}."];
            return false;
        }

        var now = time.GetUtcNow();
        var rows = new List<(WireKind Kind, IAuditEvent Row, string Key)>();
        for (var i = 0; i < items.Count; i++)
        {
            if (WireItemReader.Read(items[i], $"items[{i}]", serviceName, now, settings.Current, logger, failures) is { } read)
            {
                rows.Add((read.Kind, read.Row, $"items[{i}]"));
            }
        }

        WireItemReader.CheckIdsAndReferences(rows, failures);
        if (failures.Count > 0)
        {
            return false;
        }

        units = Units(rows.OrderBy(r => Array.IndexOf(WireKind.All, r.Kind)).Select(r => r.Row).ToList());
        return true;
    }

    /// <summary>
    /// One unit per request with every row below it, and one unit for the rows below no request. The rows come parents
    /// first, so one pass finds each row's request through its parent.
    /// </summary>
    private static List<AuditUnit> Units(List<IAuditEvent> rows)
    {
        var families = new Dictionary<Guid, (RequestAuditEvent Request, List<IAuditEvent> Rows)>();
        var requestOf = new Dictionary<Guid, Guid>();
        var alone = new List<IAuditEvent>();
        foreach (var row in rows)
        {
            if (row is RequestAuditEvent request)
            {
                families[request.Id] = (request, []);
                requestOf[request.Id] = request.Id;
            }
            else if (WireKind.ParentOf(row) is { } parent && requestOf.TryGetValue(parent, out var owner))
            {
                families[owner].Rows.Add(row);
                requestOf[row.Id] = owner;
            }
            else
            {
                alone.Add(row);
            }
        }

        var units = families.Values.Select(f => Unit(f.Request, f.Rows)).ToList();
        if (alone.Count > 0)
        {
            units.Add(Unit(null, alone));
        }

        return units;
    }

    private static AuditUnit Unit(RequestAuditEvent? request, List<IAuditEvent> rows) => new()
    {
        Request = request,
        Logins = rows.OfType<LoginAuditEvent>().ToArray(),
        SecurityEvents = rows.OfType<SecurityAuditEvent>().ToArray(),
        Processes = rows.OfType<ProcessAuditEvent>().ToArray(),
        Steps = rows.OfType<StepAuditEvent>().ToArray(),
        Registrations = rows.OfType<RegistrationAuditEvent>().ToArray(),
        BusinessEvents = rows.OfType<BusinessAuditEvent>().ToArray(),
        EntityChanges = rows.OfType<EntityChangeAuditEvent>().ToArray(),
    };

    /// <summary>The items of a batch (<c>{"version": 1, "items": [...]}</c>) or the one item of a single document.</summary>
    private static List<JsonElement>? Items(JsonElement document, Dictionary<string, string[]> failures)
    {
        if (document.ValueKind != JsonValueKind.Object)
        {
            failures["$"] = ["The body must be a JSON object: one item, or a batch {\"version\": 1, \"items\": [...]}."];
            return null;
        }

        if (!document.TryGetProperty("items", out var items))
        {
            return [document];
        }

        if (!document.TryGetProperty("version", out var version) || version.ValueKind != JsonValueKind.Number || !version.TryGetInt32(out var v) || v != AuditWireFormat.Version)
        {
            failures["version"] = [$"A batch must say \"version\": {AuditWireFormat.Version}."];
            return null;
        }

        if (items.ValueKind != JsonValueKind.Array)
        {
            failures["items"] = ["'items' must be an array."];
            return null;
        }

        return [.. items.EnumerateArray()];
    }
}
