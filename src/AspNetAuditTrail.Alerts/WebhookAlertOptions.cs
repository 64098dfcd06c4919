namespace AspNetAuditTrail.Alerts;

/// <summary>Where webhook alerts go (<c>AuditTrail:Alerts:Webhook</c>).</summary>
public sealed class WebhookAlertOptions
{
    /// <summary>The URL each alert is POSTed to: https, or http to a loopback address. Required.</summary>
    public Uri? Url { get; set; }

    /// <summary>The body: <c>Json</c> (the event's fields; the default), <c>Slack</c> (<c>{"text": ...}</c>, incoming webhooks) or <c>Teams</c> (a message card).</summary>
    public string Format { get; set; } = "Json";

    /// <summary>One alert per incident (event type, user, address) in this window. Default 15 minutes.</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Tries again after a failed send (an error or a non-2xx answer), waiting 1, 2, 4... seconds. Default 3.</summary>
    public int Retries { get; set; } = 3;
}
