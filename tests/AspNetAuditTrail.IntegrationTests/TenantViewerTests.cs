using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using AspNetAuditTrail.IntegrationTests.Databases;

namespace AspNetAuditTrail.IntegrationTests;

/// <summary>carol (tenant acme, audit-viewer) reads only acme's trail through every admin reading path; alice reads all.</summary>
public abstract class TenantViewerTests(AuditDatabase database) : DatabaseTest(database)
{
    private static HttpRequestMessage Bearer(HttpMethod method, string path, string token)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return request;
    }

    [Fact]
    public async Task ATenantViewerGetsNoRowOfAnotherTenantThroughAnyReadingPath()
    {
        await using var app = new SampleApp(Database);
        var client = app.CreateClient();
        var (alice, bob, carol) = (await DemoUsers.TokenAsync(client, "alice"), await DemoUsers.TokenAsync(client, "bob"), await DemoUsers.TokenAsync(client, "carol"));
        await client.SendAsync(Bearer(HttpMethod.Get, "/api/products?who=carol", carol), Token);
        await client.SendAsync(Bearer(HttpMethod.Get, "/api/products?who=bob", bob), Token);
        await client.SendAsync(Bearer(HttpMethod.Delete, "/api/products/1", carol), Token);
        await client.SendAsync(Bearer(HttpMethod.Delete, "/api/products/2", bob), Token);
        await Database.WaitForRowsAsync("request_audit_event", 2, "query_string LIKE 'who=%'");
        await Database.WaitForRowsAsync("audit_event", 2);
        var bobsRequest = Database.Scalar<string>($"SELECT {Database.AsText("id")} FROM {Database.Requests} WHERE query_string = 'who=bob'");

        async Task<string> Text(string path, string token) =>
            await (await client.SendAsync(Bearer(HttpMethod.Get, path, token), Token)).EnsureSuccessStatusCode().Content.ReadAsStringAsync(Token);

        var list = JsonDocument.Parse(await Text("/audit/events?path=/api/products", carol)).RootElement.GetProperty("events").EnumerateArray()
            .Select(e => e.GetProperty("tenant_id").GetString()).ToArray();
        Assert.NotEmpty(list);
        Assert.All(list, t => Assert.Equal("acme", t));
        Assert.Equal(HttpStatusCode.NotFound, (await client.SendAsync(Bearer(HttpMethod.Get, $"/audit/events/{bobsRequest}", carol), Token)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(Bearer(HttpMethod.Get, $"/audit/events/{bobsRequest}", alice), Token)).StatusCode);
        foreach (var (path, mine, theirs) in new[]
        {
            ("/audit/events.csv", "who=carol", "who=bob"), ("/audit/events.json", "who=carol", "who=bob"),
            ("/audit/events.csv?kind=event", "product.delete", "globex"), ("/audit?path=/api/*", "<td>carol</td>", "<td>bob</td>"),
            ("/audit?kind=event", "<td>carol</td>", "<td>bob</td>"), ("/audit/changes?entity=Product", "Keyboard", "Mouse"),
            ("/audit/events.csv?kind=change", "Keyboard", "Mouse"), ("/audit/events.json?kind=change", "Keyboard", "Mouse"),
        })
        {
            var text = await Text(path, carol);
            Assert.Contains(mine, text, StringComparison.Ordinal);
            Assert.DoesNotContain(theirs, text, StringComparison.Ordinal);
            Assert.DoesNotContain("globex", text, StringComparison.Ordinal);
        }

        var report = string.Join("\n", await client.PdfPagesAsync("/audit/reports/requests.pdf", carol));
        Assert.Contains("who=carol", report, StringComparison.Ordinal);
        Assert.DoesNotContain("who=bob", report, StringComparison.Ordinal);
        Assert.Contains("who=bob", await Text("/audit/events.csv", alice), StringComparison.Ordinal);
        Assert.DoesNotContain("bob", string.Join("\n", await client.PdfPagesAsync("/audit/reports/logins.pdf", carol)), StringComparison.Ordinal);
        Assert.Contains("bob", string.Join("\n", await client.PdfPagesAsync("/audit/reports/logins.pdf", alice)), StringComparison.Ordinal);

        var refused = await client.SendAsync(Bearer(HttpMethod.Get, "/audit/events", bob), Token);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        await Database.WaitForRowsAsync("security_audit_event", 1, "event_type = 'AccessDenied'");
    }
}
