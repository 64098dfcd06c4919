using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using AspNetAuditTrail.Events;
using AspNetAuditTrail.Storage;
using AspNetAuditTrail.Wire;
using Microsoft.Extensions.Options;

namespace AspNetAuditTrail.Http;

/// <summary>
/// An audit store that forwards each batch to a collector, in calls of bounded rows and bytes, gzip-compressed and
/// signed. A batch counts as written once the collector accepted every call (202 or 201). A 400, 413 or 422 is the
/// batch's own fault and rejects it for good (<see cref="AuditBatchRejectedException"/>); anything else (a timeout,
/// a 5xx, a refused token after a key change) is an outage, retried by the writer and kept in the journal.
/// </summary>
internal sealed class CollectorAuditStore(IHttpClientFactory clients, IOptions<CollectorClientOptions> options) : IAuditStore
{
    public const string ClientName = "AspNetAuditTrail.Collector";

    public string Identity => $"collector:{options.Value.Url}#{options.Value.ServiceName}";

    public async Task PingAsync(CancellationToken cancellationToken)
    {
        using var response = await clients.CreateClient(ClientName).GetAsync("health", cancellationToken);
        response.EnsureSuccessStatusCode();
    }

    public async Task WriteAsync(IReadOnlyList<AuditUnit> units, CancellationToken cancellationToken)
    {
        // Calls go out a few at a time: rows are independent and writes idempotent, so their order does not matter.
        var client = clients.CreateClient(ClientName);
        await Parallel.ForEachAsync(
            Calls(units, options.Value.MaxItemsPerCall),
            new ParallelOptions { MaxDegreeOfParallelism = options.Value.ConcurrentCalls, CancellationToken = cancellationToken },
            (call, token) => new ValueTask(SendAsync(client, call, token)));
    }

    private async Task SendAsync(HttpClient client, IReadOnlyList<AuditUnit> call, CancellationToken cancellationToken)
    {
        var json = Serialize(call);
        if (json.Length > options.Value.MaxBytesPerCall && call.Count > 1)
        {
            // Too large for one call: each half goes on its own (a unit's rows always travel together).
            await SendAsync(client, call.Take(call.Count / 2).ToArray(), cancellationToken);
            await SendAsync(client, call.Skip(call.Count / 2).ToArray(), cancellationToken);
            return;
        }

        using var content = new ByteArrayContent(Gzip(json));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        content.Headers.ContentEncoding.Add("gzip");
        using var response = await client.PostAsync("events/batch", content, cancellationToken);
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        var reason = $"the collector answered {(int)response.StatusCode}: {await ReasonAsync(response, cancellationToken)}";
        throw response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.RequestEntityTooLarge or HttpStatusCode.UnprocessableEntity
            ? new AuditBatchRejectedException(reason)
            : new HttpRequestException(reason, null, response.StatusCode);
    }

    /// <summary>Units grouped into calls of at most <paramref name="maxItems"/> rows (a unit larger than that goes alone).</summary>
    private static IEnumerable<IReadOnlyList<AuditUnit>> Calls(IReadOnlyList<AuditUnit> units, int maxItems)
    {
        var call = new List<AuditUnit>();
        var rows = 0;
        foreach (var unit in units)
        {
            var size = (unit.Request is null ? 0 : 1) + unit.Logins.Count + unit.SecurityEvents.Count + unit.Processes.Count
                + unit.Steps.Count + unit.Registrations.Count + unit.BusinessEvents.Count + unit.EntityChanges.Count;
            if (call.Count > 0 && rows + size > maxItems)
            {
                yield return call;
                (call, rows) = ([], 0);
            }

            call.Add(unit);
            rows += size;
        }

        if (call.Count > 0)
        {
            yield return call;
        }
    }

    private static byte[] Serialize(IReadOnlyList<AuditUnit> units)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            AuditWireFormat.WriteBatch(writer, units);
        }

        return buffer.ToArray();
    }

    private static byte[] Gzip(byte[] json)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest))
        {
            gzip.Write(json);
        }

        return buffer.ToArray();
    }

    /// <summary>The collector's reason (its problem document's detail or errors), at most 2,000 characters.</summary>
    internal static async Task<string> ReasonAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        return text.Length > 2000 ? text[..2000] : text;
    }
}
