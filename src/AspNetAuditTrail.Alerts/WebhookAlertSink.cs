using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using AspNetAuditTrail.Events;
using Microsoft.Extensions.Options;

namespace AspNetAuditTrail.Alerts;

/// <summary>POSTs each incident's first alert to a webhook as JSON (plain, Slack or Teams), retrying a failed send.</summary>
internal sealed class WebhookAlertSink(IHttpClientFactory clients, IOptions<WebhookAlertOptions> options, TimeProvider time) : IAuditAlertSink
{
    /// <summary>The name of the HTTP client it sends with (configure it to add a proxy or headers).</summary>
    public const string ClientName = "AspNetAuditTrail.Alerts.Webhook";

    private readonly WebhookAlertOptions _options = options.Value;
    private readonly AlertGate _gate = new(time, options.Value.Window, options.Value.Retries);

    public async Task AlertAsync(SecurityAuditEvent securityEvent, CancellationToken cancellationToken)
    {
        if (!_gate.Admit(securityEvent))
        {
            return;
        }

        var body = Body(securityEvent);
        await _gate.SendAsync(async ct =>
        {
            using var response = await clients.CreateClient(ClientName).PostAsJsonAsync(_options.Url, body, ct);
            response.EnsureSuccessStatusCode();
        }, cancellationToken);
    }

    private JsonObject Body(SecurityAuditEvent alert) => _options.Format.ToUpperInvariant() switch
    {
        "SLACK" => new JsonObject { ["text"] = $"*{AlertText.Subject(alert)}*\n{AlertText.Body(alert)}" },
        "TEAMS" => new JsonObject
        {
            ["@type"] = "MessageCard", ["@context"] = "https://schema.org/extensions", ["summary"] = AlertText.Subject(alert),
            ["title"] = AlertText.Subject(alert), ["text"] = AlertText.Body(alert).ReplaceLineEndings("<br>"),
        },
        _ => JsonSerializer.SerializeToNode(alert, JsonSerializerOptions.Web)!.AsObject(),
    };
}
