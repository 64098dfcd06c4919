using System.Diagnostics.Metrics;
using AspNetAuditTrail.Configuration;
using AspNetAuditTrail.Events;
using AspNetAuditTrail.Retention;
using AspNetAuditTrail.Storage;
using AspNetAuditTrail.Writing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace AspNetAuditTrail.Tests.Retention;

/// <summary>When the retention job runs, on a fake clock, over a store that only counts the runs.</summary>
public sealed class AuditRetentionJobTests
{
    [Fact]
    public async Task TheFirstRunComesAMinuteAfterStartThenOneEveryInterval()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero));
        var options = new AuditTrailOptions { ConnectionString = "unused", Retention = { Requests = 30, Interval = TimeSpan.FromHours(1), PauseBetweenBatches = TimeSpan.Zero } };
        var store = new CountingStore();
        await using var services = new ServiceCollection().AddMetrics().AddSingleton<IAuditStore>(store).BuildServiceProvider();
        await using var chain = new AuditChain(Options.Create(options), services, time, NullLogger<AuditChain>.Instance);
        var job = new AuditRetentionJob(
            new FixedOptions(options), services, time, new AuditMetrics(services.GetRequiredService<IMeterFactory>(), time), chain, NullLogger<AuditRetentionJob>.Instance);
        var token = TestContext.Current.CancellationToken;
        await job.StartAsync(token);

        // ExecuteAsync starts on a thread of its own: its first wait is set a moment later.
        await Task.Delay(300, token);

        async Task<int> RunsAfterAsync(TimeSpan advance)
        {
            time.Advance(advance);
            for (var i = 0; i < 50 && Volatile.Read(ref store.Runs) < 2 && advance > TimeSpan.Zero; i++)
            {
                await Task.Delay(10, token);
            }

            return Volatile.Read(ref store.Runs);
        }

        Assert.Equal(0, await RunsAfterAsync(TimeSpan.FromSeconds(59)));
        Assert.Equal(1, await RunsAfterAsync(TimeSpan.FromSeconds(2)));
        Assert.Equal(1, await RunsAfterAsync(TimeSpan.FromMinutes(58)));
        Assert.Equal(2, await RunsAfterAsync(TimeSpan.FromMinutes(2)));
        await job.StopAsync(token);
    }

    private sealed class FixedOptions(AuditTrailOptions value) : IOptionsMonitor<AuditTrailOptions>
    {
        public AuditTrailOptions CurrentValue => value;

        public AuditTrailOptions Get(string? name) => value;

        public IDisposable? OnChange(Action<AuditTrailOptions, string?> listener) => null;
    }

    private sealed class CountingStore : IAuditStore, IAuditRetentionStore
    {
        public int Runs;

        public string Identity => "counting";

        public Task WriteAsync(IReadOnlyList<AuditUnit> units, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task PingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task<IReadOnlyList<AuditRowCount>> CountExpiredAsync(AuditPeriodPlan plan, CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<AuditRowCount>>([]);

        public Task<IReadOnlyList<AuditRowCount>> RemoveExpiredAsync(
            AuditPeriodPlan plan, int batchSize, Func<IReadOnlyList<AuditRowCount>, CancellationToken, Task>? afterBatch, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref Runs);
            return Task.FromResult<IReadOnlyList<AuditRowCount>>([]);
        }

        public Task<bool> TryAcquireLeaseAsync(string name, string holder, TimeSpan duration, CancellationToken cancellationToken) => Task.FromResult(true);

        public Task ReleaseLeaseAsync(string name, string holder, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
