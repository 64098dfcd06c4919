using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AspNetAuditTrail.IntegrationTests.Databases;

namespace AspNetAuditTrail.IntegrationTests;

public abstract class AdminPageTests(AuditDatabase database) : DatabaseTest(database)
{
    private static async Task<(HttpStatusCode Status, string Html)> PageAsync(HttpClient client, string path, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", $"access_token={token}");
        var response = await client.SendAsync(request, Token);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(Token));
    }

    [Fact]
    public async Task ThePageListsRecentEventsFiltersThemAndLinksEveryDownload()
    {
        await using var app = new SampleApp(Database);
        var client = app.CreateClient();
        await client.GetAsync("/api/products/<script>alert(1)</script>", Token);
        await client.PostAsJsonAsync("/api/products", new { code = "PG-1", name = "Page", price = 1 }, Token);
        var token = await DemoUsers.TokenAsync(client, "alice");
        await Database.WaitForRowsAsync("request_audit_event", 3);

        var (status, html) = await PageAsync(client, "/audit", token);
        var (filteredStatus, filtered) = await PageAsync(client, "/audit?method=POST&path=/api/products*", token);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("<h1>Audit trail</h1>", html);
        Assert.Contains("Signed in as alice", html);
        Assert.Contains("/api/token", html);
        Assert.DoesNotContain("<script>alert(1)</script>", html);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html);
        foreach (var id in new[] { "download-csv", "download-json", "download-requests", "download-logins", "download-processes" })
        {
            Assert.Contains($"id=\"{id}\"", html);
        }

        Assert.Equal(HttpStatusCode.OK, filteredStatus);
        Assert.Contains("href=\"/audit/reports/requests.pdf?method=POST&amp;path=%2Fapi%2Fproducts%2A\"", filtered);
        Assert.Contains("<td>POST</td>", filtered);
        Assert.DoesNotContain("<td>GET</td>", filtered);
        Assert.DoesNotContain("/api/token", filtered);
    }

    [Fact]
    public async Task ABadFilterIsShownOnThePageWith400()
    {
        await using var app = new SampleApp(Database);
        var client = app.CreateClient();
        var token = await DemoUsers.TokenAsync(client, "alice");

        var (status, html) = await PageAsync(client, "/audit?status=teapot", token);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("&#x27;status&#x27; must be a status code", html);
    }

    [Fact]
    public async Task ThePageNeedsTheAuditAdminRole()
    {
        await using var app = new SampleApp(Database);
        var client = app.CreateClient();
        var bob = await DemoUsers.TokenAsync(client, "bob");

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/audit", Token)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await PageAsync(client, "/audit", bob)).Status);
    }
}
