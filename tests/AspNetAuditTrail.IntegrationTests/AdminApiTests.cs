using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using AspNetAuditTrail.IntegrationTests.Databases;
using Microsoft.AspNetCore.Builder;

namespace AspNetAuditTrail.IntegrationTests;

public abstract class AdminApiTests(AuditDatabase database) : DatabaseTest(database)
{
    private const string NotAdmin = "path NOT LIKE '/audit%'";

    public static readonly string[] Endpoints =
    [
        "/audit/events", "/audit/events.csv", "/audit/events.json", $"/audit/events/{Guid.Empty}",
        "/audit/reports/requests.pdf", "/audit/reports/logins.pdf", "/audit/reports/processes.pdf", "/audit", "/audit/changes", "/audit/reports/changes.pdf",
    ];

    /// <summary>Starts the sample, makes some traffic, waits until the writer has it, and signs alice in.</summary>
    private async Task<(SampleApp App, HttpClient Client, string Admin)> StartAsync(int requests = 3, Dictionary<string, string?>? settings = null)
    {
        var app = new SampleApp(Database, settings);
        var client = app.CreateClient();
        for (var i = 0; i < requests; i++)
        {
            await client.GetAsync($"/api/products?n={i}", Token);
        }

        var admin = await DemoUsers.TokenAsync(client, "alice");
        await Database.WaitForRowsAsync("request_audit_event", requests + 1, NotAdmin);
        return (app, client, admin);
    }

    [Fact]
    public async Task EveryAdminResponseIsNotCachedNotSniffedAndSendsNoReferrer()
    {
        var (app, client, admin) = await StartAsync();
        await using var _ = app;

        foreach (var path in Endpoints.Append("/audit/events?status=abc"))
        {
            var response = await client.GetAsAsync(path, admin);
            Assert.True(response.Headers.CacheControl?.NoStore, $"{path}: Cache-Control {response.Headers.CacheControl}");
            Assert.Equal(["nosniff"], response.Headers.GetValues("X-Content-Type-Options"));
            Assert.Equal(["no-referrer"], response.Headers.GetValues("Referrer-Policy"));
        }

        var page = await client.GetAsAsync("/audit", admin);
        var policy = Assert.Single(page.Headers.GetValues("Content-Security-Policy"));
        var html = await page.Content.ReadAsStringAsync(Token);
        var style = html[(html.IndexOf("<style>", StringComparison.Ordinal) + 7)..html.IndexOf("</style>", StringComparison.Ordinal)];
        var hash = Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(style)));
        Assert.Contains("default-src 'none'", policy);
        Assert.Contains("frame-ancestors 'none'", policy);
        Assert.Contains($"style-src 'sha256-{hash}'", policy);
        Assert.DoesNotContain("unsafe", policy);
        Assert.DoesNotContain("<script", html);
    }

    [Fact]
    public async Task EveryEndpointNeedsASignedInAuditAdmin()
    {
        var (app, client, admin) = await StartAsync();
        await using var _ = app;
        var bob = await DemoUsers.TokenAsync(client, "bob");

        foreach (var path in Endpoints)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsAsync(path, null)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsAsync(path, bob)).StatusCode);
            Assert.NotEqual(HttpStatusCode.Forbidden, (await client.GetAsAsync(path, admin)).StatusCode);
        }
    }

    [Fact]
    public async Task WithoutThePolicyTheAdminEndpointsAreNeverMapped()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => MinimalHost.StartAsync(Database, app => app.MapAuditTrailAdmin()));

        Assert.Contains("'AuditTrailAdmin'", error.Message);
    }

    [Theory]
    [InlineData("from", "yesterday")]
    [InlineData("to", "2026-13-45")]
    [InlineData("method", "GET;DROP")]
    [InlineData("status", "2xx OR 1=1")]
    [InlineData("kind", "everything")]
    [InlineData("pageSize", "0")]
    [InlineData("pageSize", "1001")]
    [InlineData("after", "not-a-token")]
    public async Task ABadFilterIs400NamingIt(string name, string value)
    {
        var (app, client, admin) = await StartAsync(requests: 0);
        await using var _ = app;

        foreach (var path in new[] { "/audit/events", "/audit/events.csv", "/audit/events.json", "/audit/reports/requests.pdf" })
        {
            var response = await client.GetAsAsync($"{path}?{name}={Uri.EscapeDataString(value)}", admin);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Token);

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal([name], problem.GetProperty("errors").EnumerateObject().Select(p => p.Name));
        }
    }

    [Theory]
    [InlineData("user", "alice' OR '1'='1")]
    [InlineData("path", "/api/%' UNION SELECT * FROM audit_schema_version --")]
    [InlineData("path", "*'; DELETE FROM request_audit_event; --")]
    [InlineData("user", "\"; DROP TABLE login_audit_event; --")]
    public async Task InjectionAttemptsAreJustValuesThatMatchNothing(string name, string value)
    {
        var (app, client, admin) = await StartAsync();
        await using var _ = app;
        var before = Database.Scalar<long>($"SELECT count(*) FROM {Database.Requests}");

        var response = await client.GetAsAsync($"/audit/events?{name}={Uri.EscapeDataString(value)}", admin);
        var page = await response.Content.ReadFromJsonAsync<JsonElement>(Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, page.GetProperty("events").GetArrayLength());
        Assert.True(Database.Scalar<long>($"SELECT count(*) FROM {Database.Requests}") >= before);
        Assert.Contains("login_audit_event", Database.TableNames());
    }

    [Fact]
    public async Task PagesFollowTheContinuationTokenAndFiltersApply()
    {
        var (app, client, admin) = await StartAsync(requests: 7);
        await using var _ = app;

        var seen = new List<string>();
        string? after = null;
        do
        {
            var page = await (await client.GetAsAsync($"/audit/events?path=/api/products&pageSize=3{(after is null ? "" : "&after=" + after)}", admin))
                .Content.ReadFromJsonAsync<JsonElement>(Token);
            seen.AddRange(page.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("query_string").GetString()!));
            after = page.GetProperty("continuationToken").GetString();
        }
        while (after is not null);

        Assert.Equal(Enumerable.Range(0, 7).Reverse().Select(i => $"n={i}"), seen);
        var signIns = await (await client.GetAsAsync("/audit/events?kind=login&method=post&status=2xx", admin)).Content.ReadFromJsonAsync<JsonElement>(Token);
        Assert.Equal("/api/token", Assert.Single(signIns.GetProperty("events").EnumerateArray()).GetProperty("path").GetString());
    }

    [Fact]
    public async Task AnEventComesWithItsLinkedRows()
    {
        var (app, client, admin) = await StartAsync(requests: 0);
        await using var _ = app;
        var signIns = await (await client.GetAsAsync("/audit/events?kind=login", admin)).Content.ReadFromJsonAsync<JsonElement>(Token);
        var id = signIns.GetProperty("events")[0].GetProperty("id").GetString();

        var details = await (await client.GetAsAsync($"/audit/events/{id}", admin)).Content.ReadFromJsonAsync<JsonElement>(Token);

        Assert.Equal(id, details.GetProperty("request").GetProperty("id").GetString());
        Assert.Equal("SignIn", details.GetProperty("logins")[0].GetProperty("status").GetString());
        Assert.Equal(0, details.GetProperty("processes").GetArrayLength());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsAsync($"/audit/events/{Guid.CreateVersion7()}", admin)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsAsync("/audit/events/42", admin)).StatusCode);
    }

    [Fact]
    public async Task CsvEscapesCommasQuotesLineBreaksAndFormulas()
    {
        var (app, client, admin) = await StartAsync(requests: 0, settings: new() { ["AuditTrail:SkipRequestBodyUrls:0:Pattern"] = "^/none$" });
        await using var _ = app;
        const string body = "line one, \"quoted\"\r\nline two";
        using (var upload = new HttpRequestMessage(HttpMethod.Post, "/api/uploads") { Content = new StringContent(body, Encoding.UTF8, "text/plain") })
        {
            upload.Headers.TryAddWithoutValidation("User-Agent", "=HYPERLINK(\"http://evil\"),x");
            await client.SendAsync(upload, Token);
        }

        await Database.WaitForRowsAsync("request_audit_event", 2, NotAdmin);
        var csv = await (await client.GetAsAsync("/audit/events.csv?path=/api/uploads", admin)).Content.ReadAsStringAsync(Token);
        var rows = ParseCsv(csv);

        Assert.Equal(2, rows.Count);
        var header = rows[0];
        var row = rows[1];
        Assert.Equal(header.Count, row.Count);
        Assert.Equal(body, row[header.IndexOf("request_body")]);
        Assert.Equal("'=HYPERLINK(\"http://evil\"),x", row[header.IndexOf("user_agent")]);
        Assert.Equal("/api/uploads", row[header.IndexOf("path")]);
    }

    [Fact]
    public async Task JsonExportHoldsEveryMatchingRowWithJsonColumnsAsObjects()
    {
        var (app, client, admin) = await StartAsync(requests: 5);
        await using var _ = app;
        await client.PostAsJsonAsync("/api/products", new { code = "J-1", name = "Json", price = 1 }, Token);
        await Database.WaitForRowsAsync("request_audit_event", 7, NotAdmin);

        var response = await client.GetAsAsync("/audit/events.json?path=/api/products*", admin);
        var rows = (await response.Content.ReadFromJsonAsync<JsonElement>(Token)).EnumerateArray().ToArray();

        Assert.Equal("attachment; filename=\"audit-events.json\"", response.Content.Headers.ContentDisposition!.ToString());
        Assert.Equal(6, rows.Length);
        var created = rows.Single(r => r.GetProperty("method").GetString() == "POST");
        Assert.Equal(JsonValueKind.Object, created.GetProperty("extra_information").ValueKind);
        Assert.Equal("J-1", created.GetProperty("extra_information").GetProperty("productCode").GetString());
    }

    /// <summary>RFC 4180: quoted fields may hold commas, doubled quotes and line breaks.</summary>
    private static List<List<string>> ParseCsv(string text)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                row.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                row.Add(field.ToString());
                field.Clear();
                rows.Add(row);
                row = [];
                i++;
            }
            else
            {
                field.Append(c);
            }
        }

        return rows;
    }
}
