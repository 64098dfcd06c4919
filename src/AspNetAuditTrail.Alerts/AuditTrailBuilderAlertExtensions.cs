using System.Net;
using AspNetAuditTrail;
using AspNetAuditTrail.Alerts;
using AspNetAuditTrail.Configuration;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Sends suspicious activity to people (by e-mail, and to a webhook) and reports on a schedule.</summary>
public static class AuditTrailBuilderAlertExtensions
{
    /// <summary>
    /// Sends every incident's first alert (brute force, and every <c>SuspiciousActivity</c> event) by e-mail through SMTP
    /// (<c>AuditTrail:Alerts:Email</c>: <c>Host</c>, <c>Port</c>, <c>Security</c>, <c>UserName</c>, <c>Password</c>,
    /// <c>From</c>, <c>To</c>, <c>Window</c>, <c>Retries</c>); settings are checked at start-up.
    /// </summary>
    public static AuditTrailBuilder AddEmailAlerts(this AuditTrailBuilder builder, Action<EmailAlertOptions>? configure = null)
    {
        const string Prefix = "AuditTrail:Alerts:Email:";
        Smtp(Options(builder, "Alerts:Email", configure), Prefix)
            .Validate(o => Recipients(o.To), Prefix + "To must list at least one e-mail address, each valid.")
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

    /// <summary>
    /// E-mails reports on a schedule, each with its PDF (or CSV, JSON) attached (<c>AuditTrail:Reports</c>: the SMTP
    /// settings as for e-mail alerts, <c>Retries</c>, and <c>Schedules</c>, each with <c>Kind</c>, <c>Format</c>,
    /// <c>Every</c> <c>Daily</c> or <c>Weekly</c>, <c>At</c>, <c>Day</c>, <c>TimeZone</c>, <c>Days</c>, <c>Tenant</c>, <c>To</c>);
    /// settings are checked at start-up.
    /// </summary>
    public static AuditTrailBuilder AddScheduledReports(this AuditTrailBuilder builder, Action<ScheduledReportOptions>? configure = null)
    {
        const string Prefix = "AuditTrail:Reports:";
        Smtp(Options(builder, "Reports", configure), Prefix)
            .Validate(o => o.Retries is >= 0 and <= 10, Prefix + "Retries must be from 0 to 10.")
            .Validate(o => o.Schedules.Count > 0, Prefix + "Schedules must list at least one report.")
            .Validate(o => o.Schedules.All(s => Enum.TryParse<AspNetAuditTrail.Reports.Reporting.AuditReportKind>(s.Kind, true, out var k) && Enum.IsDefined(k) && !int.TryParse(s.Kind, out _)),
                Prefix + "Schedules: Kind must be Activities, Statistics, Suspicious, Processes or Security.")
            .Validate(o => o.Schedules.All(s => Enum.TryParse<AspNetAuditTrail.Reports.Reporting.AuditReportFormat>(s.Format, true, out var f) && Enum.IsDefined(f) && !int.TryParse(s.Format, out _)),
                Prefix + "Schedules: Format must be Pdf, Csv or Json.")
            .Validate(o => o.Schedules.All(s => s.Every.ToUpperInvariant() is "DAILY" or "WEEKLY" && s.At >= TimeSpan.Zero && s.At < TimeSpan.FromDays(1) && s.Days is null or (>= 1 and <= 366)),
                Prefix + "Schedules: Every must be Daily or Weekly, At a time of day (07:00) and Days from 1 to 366.")
            .Validate(o => o.Schedules.All(s => TimeZoneInfo.TryFindSystemTimeZoneById(s.TimeZone, out _)), Prefix + "Schedules: TimeZone must be a time zone of this machine, for example Europe/Lisbon.")
            .Validate(o => o.Schedules.All(s => Recipients(s.To)), Prefix + "Schedules: To must list at least one e-mail address, each valid.")
            .ValidateOnStart();
        builder.Services.AddHostedService<ReportScheduler>();
        return builder;
    }

    /// <summary>The SMTP settings' checks, for alerts and reports alike.</summary>
    private static Microsoft.Extensions.Options.OptionsBuilder<TOptions> Smtp<TOptions>(Microsoft.Extensions.Options.OptionsBuilder<TOptions> options, string prefix)
        where TOptions : SmtpOptions =>
        options
            .Validate(o => !string.IsNullOrWhiteSpace(o.Host), prefix + "Host is required: the SMTP server's host name.")
            .Validate(o => o.Port is >= 1 and <= 65535, prefix + "Port must be from 1 to 65535.")
            .Validate(o => Enum.TryParse<MailKit.Security.SecureSocketOptions>(o.Security, ignoreCase: true, out _), prefix + "Security must be Auto, StartTls, SslOnConnect or None.")
            .Validate(o => MimeKit.MailboxAddress.TryParse(o.From, out _), prefix + "From must be an e-mail address.");

    private static bool Recipients(List<string> to) => to.Count > 0 && to.All(t => MimeKit.MailboxAddress.TryParse(t, out _));

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
