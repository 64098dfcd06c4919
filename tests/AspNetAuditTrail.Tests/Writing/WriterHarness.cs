using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using AspNetAuditTrail.Configuration;
using AspNetAuditTrail.Events;
using AspNetAuditTrail.Storage;
using AspNetAuditTrail.Writing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace AspNetAuditTrail.Tests.Writing;

/// <summary>A queue and a writer over an in-memory store, on a fake clock, with the pipeline's counters read back.</summary>
internal sealed class WriterHarness : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<string, long> _counters = new();

    public WriterHarness(AuditTrailOptions options, IAuditStore store)
    {
        options.JournalFolder ??= Directory.CreateTempSubdirectory("audit-journal-").FullName;
        JournalFolder = options.JournalFolder;
        _services = new ServiceCollection().AddMetrics().AddSingleton(store).AddSingleton(Options.Create(options)).AddSingleton<AuditSchema>().BuildServiceProvider();
        var meterFactory = _services.GetRequiredService<IMeterFactory>();
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (ReferenceEquals(instrument.Meter.Scope, meterFactory))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            var name = instrument.Name;
            foreach (var tag in tags)
            {
                name += $"[{tag.Value}]";
            }

            _counters.AddOrUpdate(name, value, (_, old) => old + value);
        });
        _listener.Start();

        var metrics = new AuditMetrics(meterFactory, Time);
        Journal = new AuditJournal(Options.Create(options), new HostingEnvironment { ApplicationName = "writer-tests" }, _services, Time, metrics, NullLogger<AuditJournal>.Instance);
        Queue = new AuditQueue(Options.Create(options), Journal, metrics, NullLogger<AuditQueue>.Instance);
        Status = new AuditTrailStatus(Time);
        Chain = new AuditChain(Options.Create(options), _services, Time, NullLogger<AuditChain>.Instance);
        Writer = new AuditWriter(Queue, Journal, _services, Options.Create(options), Time, metrics, Status, Chain, NullLogger<AuditWriter>.Instance);
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 24, 12, 0, 0, TimeSpan.Zero));

    public AuditQueue Queue { get; }

    public AuditChain Chain { get; }

    public AuditJournal Journal { get; }

    public AuditTrailStatus Status { get; }

    public string JournalFolder { get; }

    public AuditWriter Writer { get; }

    public long Counter(string name) => _counters.GetValueOrDefault(name);

    public static AuditUnit Unit(int n, string? requestBody = null) => new()
    {
        Request = new RequestAuditEvent
        {
            Id = Guid.CreateVersion7(),
            OccurredAt = DateTimeOffset.UnixEpoch,
            Method = "GET",
            Scheme = "http",
            Path = "/api/items/" + n,
            StatusCode = 200,
            DurationMs = 1,
            RequestBody = requestBody,
            RequestBodyStatus = BodyCaptureStatus.None,
            ResponseBodyStatus = BodyCaptureStatus.None,
        },
    };

    /// <summary>Waits (in real time, at most 10 s) until the condition holds.</summary>
    public static async Task EventuallyAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out waiting until " + what);
            await Task.Delay(5, TestContext.Current.CancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Writer.DisposeAsync();
        _listener.Dispose();
        await _services.DisposeAsync();
    }
}
