using AspNetAuditTrail.Reading;
using AspNetAuditTrail.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AspNetAuditTrail.Reports.Insights;

/// <summary>
/// Scheduled detection: every <see cref="SuspiciousActivityOptions.DetectionInterval"/>, runs the rules over the time
/// since the last run and tells every <see cref="IAuditAlertSink"/> of each new incident, once. Brute force is left to
/// the request pipeline, which alerts at once.
/// </summary>
internal sealed partial class SuspiciousActivityMonitor(
    IServiceProvider services, IEnumerable<IAuditAlertSink> sinks, IOptions<SuspiciousActivityOptions> options, TimeProvider time, ILogger<SuspiciousActivityMonitor> logger) : BackgroundService
{
    private const int MaxRemembered = 10_000;
    private readonly IAuditAlertSink[] _sinks = [.. sinks];
    private readonly HashSet<string> _alerted = new(StringComparer.Ordinal);

    private IAuditReader? _reader;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // An app that forwards its trail (to a collector) cannot read it: detection belongs where the trail is stored.
        if (services.GetRequiredService<IAuditStore>() is not IAuditReader)
        {
            LogNoReader();
            return;
        }

        _reader = services.GetRequiredService<IAuditReader>();
        var interval = options.Value.DetectionInterval;
        var since = time.GetUtcNow();
        using var timer = new PeriodicTimer(interval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            var now = time.GetUtcNow();
            try
            {
                await RunAsync(new InsightScope(since, now), stoppingToken);
                since = now;
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogFailed(ex, since, now);
            }
        }
    }

    /// <summary>Detects in the scope and alerts each incident not alerted before.</summary>
    internal async Task RunAsync(InsightScope scope, CancellationToken cancellationToken)
    {
        var findings = await SuspiciousActivity.DetectAsync(_reader!, scope, options.Value, cancellationToken);
        foreach (var finding in findings.Where(f => f.Kind is not (SuspiciousKind.BruteForceUser or SuspiciousKind.BruteForceAddress)))
        {
            if (_alerted.Count >= MaxRemembered)
            {
                _alerted.Clear();
            }

            if (!_alerted.Add($"{finding.Kind}|{finding.User}|{finding.IpAddress}|{finding.First:O}"))
            {
                continue;
            }

            var alert = finding.ToAlert();
            foreach (var sink in _sinks)
            {
                try
                {
                    await sink.AlertAsync(alert, cancellationToken);
                }
                catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
                {
                    LogSinkFailed(ex, sink.GetType().Name, finding.Kind);
                }
            }
        }
    }

    [LoggerMessage(EventId = 34, Level = LogLevel.Warning, Message = "Scheduled suspicious-activity detection is off: this app's audit store cannot read the trail back (it forwards it); run detection where the trail is stored, such as the collector.")]
    private partial void LogNoReader();

    [LoggerMessage(EventId = 32, Level = LogLevel.Error, Message = "Suspicious-activity detection from {From} to {To} failed; the next run covers that time too.")]
    private partial void LogFailed(Exception exception, DateTimeOffset from, DateTimeOffset to);

    [LoggerMessage(EventId = 33, Level = LogLevel.Error, Message = "Alert sink {Sink} failed on a {Kind} incident.")]
    private partial void LogSinkFailed(Exception exception, string sink, SuspiciousKind kind);
}
