using System.Diagnostics.Metrics;
using AspNetAuditTrail.Configuration;
using AspNetAuditTrail.IntegrationTests.Databases;
using AspNetAuditTrail.Relational;
using AspNetAuditTrail.Retention;
using AspNetAuditTrail.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AspNetAuditTrail.IntegrationTests;

/// <summary>Retention removes exactly what each kind's cut says, children with their parents, and its dry run counts what a real run removes.</summary>
public abstract class RetentionTests(AuditDatabase database) : DatabaseTest(database)
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    /// <summary>The seeds' recommendation, a category kept longer, and a tenant with shorter periods of its own.</summary>
    private static readonly AuditRetentionOptions Periods = new()
    {
        Requests = 30, SignIns = 90, SecurityEvents = 365, Processes = 180, BusinessEvents = 60, EntityChanges = 120,
        BusinessEventCategories = { ["billing"] = 450 },
        Tenants = { ["acme"] = new AuditPeriods { Requests = 7, SignIns = 10, BusinessEventCategories = { ["orders"] = 15 } } },
    };

    private readonly HashSet<string> _linkedRequests = [];

    [Fact]
    public async Task RemovesExactlyTheRowsPastEachKindsCutAndTheDryRunCountsThem()
    {
        var store = await SeededStoreAsync();
        var before = Snapshot();
        var plan = AuditPeriodPlan.Create(Periods, Now);

        var counted = await store.CountExpiredAsync(plan, Token);
        Assert.Equal(before, Snapshot());

        var batches = 0;
        var removed = await store.RemoveExpiredAsync(plan, 7, (_, _) => Task.FromResult(++batches), Token);

        Assert.Equal(counted, removed);
        Assert.True(batches > 5, $"{batches} batches");
        var expected = Expected(before);
        Assert.Equal(expected.Kept, Snapshot());
        Assert.Equal(expected.Removed, removed.Select(r => (r.Table, r.TenantId, r.Rows)).ToHashSet());
        AssertNoOrphans();
    }

    [Fact]
    public async Task ADaysPeriodNarrowedToAKindAndATenantRemovesOnlyThose()
    {
        var store = await SeededStoreAsync();
        var before = Snapshot();
        var plan = AuditPeriodPlan.ForDays(50, Now, [AuditRecordKind.SignIns]).Narrow([], "globex");

        var removed = await store.RemoveExpiredAsync(plan, 1000, null, Token);

        // globex's sign-ins at 100, 200, 420 and 500 days, and nothing else.
        Assert.Equal([new AuditRowCount(AuditTables.Login.Name, "globex", 4)], removed);
        var after = Snapshot();
        Assert.Equal(before.Where(r => !(r.Table == AuditTables.Login.Name && r.TenantId == "globex" && r.Age > 50)).ToHashSet(), after);
    }

    [Fact]
    public async Task ARowAnotherToolWroteIsAnonymisedAndRemovedLikeAnyOther()
    {
        var store = await SeededStoreAsync(seed: false);

        // SQLite keeps ids as text: another tool may spell one otherwise (no dashes, upper case).
        object id = Database.Provider == "Sqlite" ? Guid.NewGuid().ToString("N").ToUpperInvariant() : Guid.NewGuid();
        Database.Execute(
            $"INSERT INTO {Database.Requests} (id, occurred_at, method, scheme, path, status_code, duration_ms, user_id, request_body_status, response_body_status) " +
            $"VALUES (@id, {Database.TimeLiteral(Now.UtcDateTime.AddDays(-60))}, 'GET', 'https', '/x', 200, 1, 'ana', 'None', 'None')",
            new { id });
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Token);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        var plan = AuditPeriodPlan.ForDays(30, Now, [AuditRecordKind.Requests]);

        var anonymized = await ((IAuditPersonalDataStore)store).AnonymizeExpiredAsync(plan, new AuditPseudonymizer(new byte[32]), 10, null, timeout.Token);
        Assert.Equal(0L, Database.Scalar<long>($"SELECT count(*) FROM {Database.Requests} WHERE user_id = 'ana'"));
        var removed = await store.RemoveExpiredAsync(plan, 10, null, timeout.Token);

        Assert.Equal((1L, 1L), (anonymized.Sum(r => r.Rows), removed.Sum(r => r.Rows)));
        Assert.Equal(0L, Database.Scalar<long>($"SELECT count(*) FROM {Database.Requests}"));
    }

    [Fact]
    public async Task OneHolderAtATimeHoldsALeaseUntilItExpiresOrIsReleased()
    {
        var store = await SeededStoreAsync(seed: false);

        Assert.True(await store.TryAcquireLeaseAsync("retention", "a", TimeSpan.FromMinutes(5), Token));
        Assert.False(await store.TryAcquireLeaseAsync("retention", "b", TimeSpan.FromMinutes(5), Token));
        Assert.True(await store.TryAcquireLeaseAsync("retention", "a", TimeSpan.FromSeconds(-1), Token));
        Assert.True(await store.TryAcquireLeaseAsync("retention", "b", TimeSpan.FromMinutes(5), Token));
        await store.ReleaseLeaseAsync("retention", "a", Token);
        Assert.False(await store.TryAcquireLeaseAsync("retention", "a", TimeSpan.FromMinutes(5), Token));
        await store.ReleaseLeaseAsync("retention", "b", Token);
        Assert.True(await store.TryAcquireLeaseAsync("retention", "a", TimeSpan.FromMinutes(5), Token));
    }

    [Fact]
    public async Task TheHostedJobAppliesTheConfiguredPeriodsLogsAndCountsWhatItRemoved()
    {
        await SeededStoreAsync();
        var expected = Expected(Snapshot());
        var logs = new ListLoggerProvider();
        await using var app = await MinimalHost.StartAsync(
            Database,
            app => app.UseRequestAudit(),
            builder =>
            {
                builder.Logging.AddProvider(logs);
                builder.Services.Configure<AuditTrailOptions>(o =>
                {
                    CopyPeriods(Periods, o.Retention);
                    o.Retention.Interval = TimeSpan.FromSeconds(1);
                });
            });
        long counted = 0;
        var meter = app.Services.GetRequiredService<IMeterFactory>().Create("AspNetAuditTrail");
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (ReferenceEquals(instrument.Meter, meter) && instrument.Name == "audit.retention.removed")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref counted, value));
        listener.Start();

        var removed = expected.Removed.Sum(r => r.Item3);
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!logs.Messages.Any(m => m.Message.StartsWith("Audit retention removed", StringComparison.Ordinal)) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100, Token);
        }

        Assert.Equal(expected.Kept, Snapshot());
        Assert.Contains(logs.Messages, m => m.Message.StartsWith($"Audit retention removed {removed} rows and anonymised 0", StringComparison.Ordinal));
        Assert.Equal(removed, Interlocked.Read(ref counted));

        // The lease is given up right after the run's last line.
        long Leases() => Database.Scalar<long>($"SELECT count(*) FROM {Database.Table(AuditTables.Lease)}");
        for (var wait = 0; Leases() > 0 && wait < 50; wait++)
        {
            await Task.Delay(100, Token);
        }

        Assert.Equal(0L, Leases());
    }

    [Fact]
    public async Task TwoAppInstancesOnOneDatabaseRemoveEachRowOnceWithoutFailing()
    {
        await SeedAsync();
        var expected = Expected(Snapshot());
        var logs = new ListLoggerProvider();
        void Configure(WebApplicationBuilder builder)
        {
            builder.Logging.AddProvider(logs);
            builder.Services.Configure<AuditTrailOptions>(o =>
            {
                CopyPeriods(Periods, o.Retention);
                o.Retention.Interval = TimeSpan.FromSeconds(1);
                o.Retention.PauseBetweenBatches = TimeSpan.Zero;
            });
        }

        await using var first = await MinimalHost.StartAsync(Database, app => app.UseRequestAudit(), Configure);
        await using var second = await MinimalHost.StartAsync(Database, app => app.UseRequestAudit(), Configure);
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!expected.Kept.SetEquals(Snapshot()) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100, Token);
        }

        Assert.Equal(expected.Kept, Snapshot());
        Assert.DoesNotContain(logs.Messages, m => m.Level >= LogLevel.Warning);
        Assert.Contains(logs.Messages, m => m.Message.StartsWith("Audit retention removed", StringComparison.Ordinal));
    }

    private async Task SeedAsync() => await SeededStoreAsync();

    private static void CopyPeriods(AuditRetentionOptions from, AuditRetentionOptions to)
    {
        (to.Requests, to.SignIns, to.SecurityEvents, to.Processes, to.BusinessEvents, to.EntityChanges) = (from.Requests, from.SignIns, from.SecurityEvents, from.Processes, from.BusinessEvents, from.EntityChanges);
        to.BusinessEventCategories = from.BusinessEventCategories;
        to.Tenants = from.Tenants;
    }

    private async Task<IAuditRetentionStore> SeededStoreAsync(bool seed = true)
    {
        var store = Database.CreateStore();
        await ((IAuditSchemaMigrator)store).MigrateAsync(Token);
        if (seed)
        {
            var units = RetentionData.Units(Now);
            _linkedRequests.UnionWith(units.Where(u => u.Logins.Count > 0).Select(u => u.Request!.Id.ToString("D")));
            await store.WriteAsync(units, Token);
        }

        return (IAuditRetentionStore)store;
    }

    /// <summary>Every row as (table, id, tenant, age in whole days, category for business events).</summary>
    private HashSet<(string Table, string Id, string? TenantId, int Age, string? Category)> Snapshot()
    {
        var rows = new HashSet<(string, string, string?, int, string?)>();
        foreach (var table in new[] { AuditTables.Request.Name, AuditTables.Login.Name, AuditTables.Security.Name, AuditTables.Process.Name, AuditTables.BusinessEvent.Name, AuditTables.EntityChange.Name })
        {
            var category = table == AuditTables.BusinessEvent.Name ? "category" : "NULL";
            foreach (var row in Database.Query($"SELECT id, tenant_id, occurred_at, {category} AS category FROM {Database.Table(table)}"))
            {
                rows.Add((table, (string)row["id"]!, (string?)row["tenant_id"], Age((string)row["occurred_at"]!), (string?)row["category"]));
            }
        }

        foreach (var (table, parent) in new[] { (AuditTables.Step.Name, "process_id"), (AuditTables.Registration.Name, "step_id") })
        {
            foreach (var row in Database.Query($"SELECT id, tenant_id, occurred_at, {parent} AS parent FROM {Database.Table(table)}"))
            {
                rows.Add((table, (string)row["id"]!, (string?)row["tenant_id"], Age((string)row["occurred_at"]!), null));
            }
        }

        return rows;
    }

    private static int Age(string occurredAt) => (int)Math.Round((Now - DateTimeOffset.Parse(occurredAt, System.Globalization.CultureInfo.InvariantCulture)).TotalDays);

    /// <summary>The periods above, written out by hand: what stays, and what goes per table and tenant.</summary>
    private (HashSet<(string Table, string Id, string? TenantId, int Age, string? Category)> Kept, HashSet<(string, string?, long)> Removed) Expected(
        HashSet<(string Table, string Id, string? TenantId, int Age, string? Category)> rows)
    {
        static int? Period(string table, string? tenant, string? category) => (table, tenant, category) switch
        {
            ("request_audit_event", "acme", _) => 7,
            ("request_audit_event", _, _) => 30,
            ("login_audit_event", "acme", _) => 10,
            ("login_audit_event", _, _) => 90,
            ("security_audit_event", _, _) => 365,
            ("process_audit_event" or "step_audit_event" or "registration_audit_event", _, _) => 180,
            ("audit_event", "acme", "orders") => 15,
            ("audit_event", _, "billing") => 450,
            ("audit_event", _, _) => 60,
            ("entity_change_audit_event", _, _) => 120,
            _ => null,
        };

        // Steps and registrations go with their process (same tenant and age here); a request goes only when nothing kept links to it.
        bool Goes((string Table, string Id, string? TenantId, int Age, string? Category) row) => row.Age > Period(row.Table, row.TenantId, row.Category);
        var kept = rows.Where(r => !Goes(r)).ToHashSet();
        var linked = kept.Where(r => r.Table is not ("request_audit_event" or "step_audit_event" or "registration_audit_event")).Select(r => (r.TenantId, r.Age)).ToHashSet();
        kept.UnionWith(rows.Where(r => r.Table == "request_audit_event" && Goes(r) && linked.Contains((r.TenantId, r.Age)) && _linkedRequests.Contains(r.Id)));
        var removed = rows.Except(kept).GroupBy(r => (r.Table, r.TenantId)).Select(g => (g.Key.Table, g.Key.TenantId, (long)g.Count())).ToHashSet();
        return (kept, removed);
    }

    private void AssertNoOrphans()
    {
        var (requests, steps, processes) = (Database.Table(AuditTables.Request.Name), Database.Table(AuditTables.Step.Name), Database.Table(AuditTables.Process.Name));
        foreach (var table in new[] { AuditTables.Login.Name, AuditTables.Security.Name, AuditTables.Process.Name, AuditTables.BusinessEvent.Name, AuditTables.EntityChange.Name })
        {
            Assert.Equal(0L, Database.Scalar<long>(
                $"SELECT count(*) FROM {Database.Table(table)} x WHERE x.request_event_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM {requests} r WHERE r.id = x.request_event_id)"));
        }

        Assert.Equal(0L, Database.Scalar<long>($"SELECT count(*) FROM {steps} s WHERE NOT EXISTS (SELECT 1 FROM {processes} p WHERE p.id = s.process_id)"));
        Assert.Equal(0L, Database.Scalar<long>(
            $"SELECT count(*) FROM {Database.Table(AuditTables.Registration.Name)} g WHERE NOT EXISTS (SELECT 1 FROM {steps} s WHERE s.id = g.step_id)"));
    }
}
