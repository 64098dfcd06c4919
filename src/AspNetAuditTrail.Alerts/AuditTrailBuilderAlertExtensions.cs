using System.Net;
using AspNetAuditTrail;
using AspNetAuditTrail.Alerts;
using AspNetAuditTrail.Configuration;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Sends suspicious activity to people: by e-mail, and to a webhook.</summary>
public static class AuditTrailBuilderAlertExtensions
{
    /// <summary>
    /// Sends every incident's first alert (brute force, and every <c>SuspiciousActivity</c> event) by e-mail through SMTP
    /// (<c>AuditTrail:Alerts:Email</c>: <c>Host</c>, <c>Port</c>, <c>Security</c>, <c>UserName</c>, <c>Password</c>,
    /// <c>From</c>, <c>To</c>, <c>Window</c>, <c>Retries</c>); settings are checked at start-up.
    /// </summary>
    public static AuditTrailBuilder AddEmailAlerts(this AuditTrailBuilder builder, Action<EmailAlertOptions>? configure = null)
    {
        var options = Options(builder, "Alerts:Email", configure);
        const string Prefix = "AuditTrail:Alerts:Email:";
        options
            .Validate(o => !string.IsNullOrWhiteSpace(o.Host), Prefix + "Host is required: the SMTP server's host name.")
            .Validate(o => o.Port is >= 1 and <= 65535, Prefix + "Port must be from 1 to 65535.")
            .Validate(o => Enum.TryParse<MailKit.Security.SecureSocketOptions>(o.Security, ignoreCase: true, out _), Prefix + "Security must be Auto, StartTls, SslOnConnect or None.")
            .Validate(o => MimeKit.MailboxAddress.TryParse(o.From, out _), Prefix + "From must be an e-mail address.")
            .Validate(o => o.To.Count > 0 && o.To.All(t => MimeKit.MailboxAddress.TryParse(t, out _)), Prefix + "To must list at least one e-mail address, each valid.")
            .Validate(o => Valid(o.Window, o.Retries), Prefix + "Window must be from 00:00:01 to 1.00:00:00 and Retries from 0 to 10.")
            .ValidateOnStart();
        builder.Services.AddSingleton<IAuditAlertSink, EmailAlertSink>();
        return builder;
    }

    /// <summary>
    /// POSTs every incident's first alert to a webhook (<c>AuditTrail:Alerts:Webhook</c>: <c>Url</c>, <c>Format</c>
    /// <c>Json</c>, <c>Slack</c> or <c>Teams</c>, <c>Window</c>, <c>Retries</c>); the URL must be https (or http to a
    /// loopback address); settings are checked at start-up.
    /// </summary>
    public static AuditTrailBuilder AddWebhookAlerts(this AuditTrailBuilder builder, Action<WebhookAlertOptions>? configure = null)
    {
        var options = Options(builder, "Alerts:Webhook", configure);
        const string Prefix = "AuditTrail:Alerts:Webhook:";
        options
            .Validate(o => o.Url is { IsAbsoluteUri: true } url && (url.Scheme == Uri.UriSchemeHttps || (url.Scheme == Uri.UriSchemeHttp && IsLoopback(url))),
                Prefix + "Url must be an https address (http only to a loopback address).")
            .Validate(o => o.Format.ToUpperInvariant() is "JSON" or "SLACK" or "TEAMS", Prefix + "Format must be Json, Slack or Teams.")
            .Validate(o => Valid(o.Window, o.Retries), Prefix + "Window must be from 00:00:01 to 1.00:00:00 and Retries from 0 to 10.")
            .ValidateOnStart();
        builder.Services.AddHttpClient(WebhookAlertSink.ClientName, client => client.Timeout = TimeSpan.FromSeconds(10));
        builder.Services.AddSingleton<IAuditAlertSink, WebhookAlertSink>();
        return builder;
    }

    /// <summary>A sink's settings: its section of the audit trail's configuration, then the code's.</summary>
    private static Microsoft.Extensions.Options.OptionsBuilder<TOptions> Options<TOptions>(AuditTrailBuilder builder, string section, Action<TOptions>? configure)
        where TOptions : class
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = builder.Services.AddOptions<TOptions>();
        if (builder.Configuration is { } configuration)
        {
            options.Bind(configuration.GetSection(section));
        }

        if (configure is not null)
        {
            options.Configure(configure);
        }

        return options;
    }

    private static bool Valid(TimeSpan window, int retries) => window >= TimeSpan.FromSeconds(1) && window <= TimeSpan.FromDays(1) && retries is >= 0 and <= 10;

    private static bool IsLoopback(Uri url) => url.IsLoopback || (IPAddress.TryParse(url.Host, out var address) && IPAddress.IsLoopback(address));
}
