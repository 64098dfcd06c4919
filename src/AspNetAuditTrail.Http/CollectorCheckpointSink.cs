using System.Net.Http.Headers;
using AspNetAuditTrail.Integrity;
using Microsoft.Extensions.Options;

namespace AspNetAuditTrail.Http;

/// <summary>Hands each checkpoint to the collector (<c>POST /checkpoints</c>, a signed call), which keeps it out of the app's reach.</summary>
internal sealed class CollectorCheckpointSink(IHttpClientFactory clients, IOptions<CollectorClientOptions> options) : IAuditCheckpointSink
{
    public string Name => $"collector {options.Value.Url}";

    public async Task WriteAsync(AuditCheckpoint checkpoint, CancellationToken cancellationToken)
    {
        using var content = new ByteArrayContent(AuditCheckpointJson.Serialize(checkpoint));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await clients.CreateClient(CollectorAuditStore.ClientName).PostAsync("checkpoints", content, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException(
                $"the collector answered {(int)response.StatusCode}: {await CollectorAuditStore.ReasonAsync(response, cancellationToken)}", null, response.StatusCode);
        }
    }
}
