using System.Text.Json;
using AspNetAuditTrail.Events;
using AspNetAuditTrail.IntegrationTests.Databases;
using AspNetAuditTrail.Relational;
using AspNetAuditTrail.Retention;
using AspNetAuditTrail.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace AspNetAuditTrail.IntegrationTests;

/// <summary>A person's data: exported whole, anonymised whole (no identifier of theirs left in any column), and anonymised by period.</summary>
public abstract class AnonymizationTests(AuditDatabase database) : DatabaseTest(database)
{
    private const string Ana = "ana";
    private const string AnasAddress = "10.9.9.9";
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;
    private static readonly AuditPseudonymizer Pseudonyms = new(new byte[32] { 7, 1, 4, 2, 8, 5, 7, 1, 4, 2, 8, 5, 7, 1, 4, 2, 8, 5, 7, 1, 4, 2, 8, 5, 7, 1, 4, 2, 8, 5, 7, 1 });

    private static readonly string[] Tables = AuditDatabase.AuditTableNames;

    [Fact]
    public async Task AnonymizingAUserLeavesNoneOfTheirIdentifiersInAnyColumnAndOthersRowsAsTheyWere()
    {
        var (store, anas) = await SeedAsync();
        var bobsBefore = Rows(r => !anas.Contains((string)r["id"]!));
        Assert.NotEmpty(Matches(Ana));

        var changed = await ((IAuditPersonalDataStore)store).AnonymizeUserAsync(Ana, Pseudonyms, Token);

        Assert.Empty(Matches(Ana));
        Assert.Empty(Matches(AnasAddress));
        Assert.Equal(anas.Count + 2, changed.Sum(c => c.Rows));

        // The same pseudonym everywhere Ana was named; her rows keep their place, lose their content, and say when.
        var pseudonym = Pseudonyms.Replace(Ana);
        Assert.Equal(RetentionData.Tenants.Length * RetentionData.Ages.Length * 2, Database.Scalar<long>($"SELECT count(*) FROM {Database.Requests} WHERE user_id = @pseudonym", new { pseudonym }));
        Assert.Equal(Database.Scalar<long>($"SELECT count(*) FROM {Database.Table(AuditTables.Login.Name)} WHERE user_name = @pseudonym AND user_id = @pseudonym", new { pseudonym }),
            RetentionData.Tenants.Length * RetentionData.Ages.Length);
        Assert.Equal(0L, Database.Scalar<long>($"SELECT count(*) FROM {Database.Requests} WHERE user_id = @pseudonym AND (request_body IS NOT NULL OR user_agent = 'tests/1.0' OR anonymized_at IS NULL)", new { pseudonym }));
        Assert.Equal(1L, Database.Scalar<long>($"SELECT count(*) FROM {Database.Requests} WHERE path = @path", new { path = $"/api/users/{pseudonym}/profile" }));

        // Bob's rows are untouched, but for the segment of a path or endpoint that named Ana.
        var bobsAfter = Rows(r => !anas.Contains((string)r["id"]!));
        Assert.Equal(bobsBefore.Count, bobsAfter.Count);
        Assert.Equal(2, bobsBefore.Except(bobsAfter).Count());
    }

    [Fact]
    public async Task TheExportHoldsEveryRowAboutTheUserAndNoOtherRow()
    {
        var (store, anas) = await SeedAsync();
        var stream = new MemoryStream();
        await using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            var written = await ((IAuditPersonalDataStore)store).ExportUserAsync(Ana, writer, null, Token);
            writer.WriteEndObject();
            Assert.Equal(anas.Count, written.Sum(w => w.Rows));
        }

        using var json = JsonDocument.Parse(stream.ToArray());
        var exported = Tables.SelectMany(t => json.RootElement.GetProperty(t).EnumerateArray().Select(r => r.GetProperty("id").GetString()!)).ToHashSet();
        Assert.Equal(anas, exported);
        Assert.All(json.RootElement.GetProperty(AuditTables.Request.Name).EnumerateArray(), r => Assert.Equal(Ana, r.GetProperty("user_id").GetString()));
        Assert.Equal(anas.Count, (await ((IAuditPersonalDataStore)store).CountUserAsync(Ana, Token)).Sum(c => c.Rows));
    }

    [Fact]
    public async Task AnAppResolvesThePersonalDataStoreFromItsServices()
    {
        var (_, anas) = await SeedAsync();
        await using var app = await MinimalHost.StartAsync(Database, _ => { });

        var personal = app.Services.GetRequiredService<IAuditPersonalDataStore>();

        Assert.Equal(anas.Count, (await personal.CountUserAsync(Ana, Token)).Sum(c => c.Rows));
    }

    [Fact]
    public async Task AnonymizingByPeriodChangesTheRowsPastTheirCutOnceAndItsCountIsWhatItChanges()
    {
        var (store, _) = await SeedAsync();
        var personal = (IAuditPersonalDataStore)store;
        var plan = AuditPeriodPlan.Create(new AuditAnonymizationOptions { Requests = 30, SignIns = 90, Processes = 150 }, new Dictionary<string, AuditPeriods>(), Now);

        var counted = await personal.CountAnonymizableAsync(plan, Token);
        var changed = await personal.AnonymizeExpiredAsync(plan, Pseudonyms, 5, null, Token);
        var again = await personal.AnonymizeExpiredAsync(plan, Pseudonyms, 5, null, Token);

        Assert.Equal(counted, changed);
        Assert.Empty(again);
        long Anonymized(string table) => Database.Scalar<long>($"SELECT count(*) FROM {Database.Table(table)} WHERE anonymized_at IS NOT NULL");

        // Two users, three tenants; ages past 30 days: 40, 100, 200, 420, 500 (two requests each), and the one of Bob at 50; past 90: 4; past 150: 3 (processes, their 2 steps and 2 registrations).
        const int Users = 2 * 3;
        Assert.Equal((Users * 5 * 2) + 1, Anonymized(AuditTables.Request.Name));
        Assert.Equal(Users * 4, Anonymized(AuditTables.Login.Name));
        Assert.Equal((Users * 3, Users * 3 * 2, Users * 3 * 2), (Anonymized(AuditTables.Process.Name), Anonymized(AuditTables.Step.Name), Anonymized(AuditTables.Registration.Name)));
        Assert.Equal(0L, Anonymized(AuditTables.Security.Name) + Anonymized(AuditTables.BusinessEvent.Name));
        Assert.Equal(0L, Database.Scalar<long>($"SELECT count(*) FROM {Database.Requests} WHERE anonymized_at IS NOT NULL AND (user_id IN ('ana', 'bob') OR ip_address = @ip OR request_body IS NOT NULL)", new { ip = AnasAddress }));
        Assert.True(Database.Scalar<long>($"SELECT count(*) FROM {Database.Requests} WHERE anonymized_at IS NULL AND user_id = 'ana'") > 0);
    }

    /// <summary>Ana's and Bob's rows, and two of Bob's that name Ana in a path and an endpoint; returns the ids of Ana's rows.</summary>
    private async Task<(IAuditStore Store, HashSet<string> Anas)> SeedAsync()
    {
        var store = Database.CreateStore();
        await ((IAuditSchemaMigrator)store).MigrateAsync(Token);
        var anas = RetentionData.Units(Now, Ana, AnasAddress);
        var bobsRequest = new RequestAuditEvent
        {
            Id = Guid.CreateVersion7(), OccurredAt = Now.AddDays(-50), Method = "GET", Scheme = "https", Path = $"/api/users/{Ana}/profile", StatusCode = 200, DurationMs = 1,
            UserId = "bob", RequestBodyStatus = BodyCaptureStatus.None, ResponseBodyStatus = BodyCaptureStatus.None,
        };
        var bobs = RetentionData.Units(Now, "bob", "10.1.1.1").Append(new AuditUnit
        {
            Request = bobsRequest,
            SecurityEvents =
            [
                new() { Id = Guid.CreateVersion7(), OccurredAt = Now, EventType = SecurityEventType.AccessDenied, Severity = SecuritySeverity.Warning, UserId = "bob", Endpoint = $"DELETE /api/users/{Ana}" },
            ],
        });
        await store.WriteAsync([.. anas, .. bobs], Token);
        var ids = anas.SelectMany(u => new IAuditEvent?[] { u.Request }.Concat(u.Logins).Concat(u.SecurityEvents).Concat(u.Processes).Concat(u.Steps).Concat(u.Registrations).Concat(u.BusinessEvents).Concat(u.EntityChanges))
            .OfType<IAuditEvent>().Select(e => e.Id.ToString("D")).ToHashSet();
        return (store, ids);
    }

    /// <summary>Every (table, column, id) whose value holds the text, in every column of every table.</summary>
    private List<(string Table, string Column, string Id)> Matches(string text) =>
        [.. Tables.SelectMany(t => Database.Query($"SELECT * FROM {Database.Table(t)}")
            .SelectMany(r => r.Where(c => c.Value?.ToString()?.Contains(text, StringComparison.Ordinal) == true).Select(c => (t, c.Key, (string)r["id"]!))))];

    private HashSet<string> Rows(Func<IDictionary<string, object?>, bool> where) =>
        [.. Tables.SelectMany(t => Database.Query($"SELECT * FROM {Database.Table(t)}").Where(where).Select(r => t + ":" + string.Join("|", r.OrderBy(c => c.Key).Select(c => $"{c.Key}={c.Value}"))))];
}
