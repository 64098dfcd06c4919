using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using AspNetAuditTrail.IntegrationTests.Databases;

namespace AspNetAuditTrail.IntegrationTests;

/// <summary>Requests that tried to escape the trail or to make it lie: other spellings of a path, duplicate keys, other JSON types, secret names, control characters.</summary>
public abstract class EvasionTests(AuditDatabase database) : DatabaseTest(database)
{
    private List<IDictionary<string, object?>> Logins() =>
        Database.Query($"SELECT * FROM {Database.Table("login_audit_event")} ORDER BY occurred_at, id");

    private List<IDictionary<string, object?>> Alarms() =>
        Database.Query($"SELECT * FROM {Database.Table("security_audit_event")} WHERE event_type = 'SuspiciousActivity'");

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string path, string body, string contentType = "application/json", string? ip = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        if (ip is not null)
        {
            request.Headers.Add("X-Test-Remote-Ip", ip);
        }

        return client.SendAsync(request, Token);
    }

    [Fact]
    public async Task FailedSignInsThroughOtherSpellingsOfTheSignInPathAreCountedAndRaiseTheAlarm()
    {
        await using var app = new SampleApp(Database);
        var client = app.CreateClient();
        string[] paths = ["/api/token/", "/API/token", "/Api/Token/", "/api/TOKEN", "/api/token"];

        foreach (var path in paths)
        {
            var response = await PostAsync(client, path, """{"username":"carol","password":"guess"}""");
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }

        var requests = await app.DrainAsync();

        Assert.Equal(paths, requests.Select(r => (string)r["path"]!));
        Assert.Equal(5, Logins().Count(l => (string)l["status"]! == "Failed" && (string)l["user_name"]! == "carol"));
        Assert.Single(Alarms());
    }

    [Fact]
    public async Task ASignOutAndAnAdminCallThroughOtherSpellingsAreRecorded()
    {
        await using var app = new SampleApp(Database);
        var client = app.CreateClient();
        var token = await DemoUsers.TokenAsync(client, "alice");

        using var logout = new HttpRequestMessage(HttpMethod.Post, "/Api/Logout/");
        logout.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        Assert.Equal(HttpStatusCode.NoContent, (await client.SendAsync(logout, Token)).StatusCode);
        using var ping = new HttpRequestMessage(HttpMethod.Get, "/API/Admin/Ping/");
        ping.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(ping, Token)).StatusCode);
        var requests = await app.DrainAsync();

        Assert.Contains(requests, r => (string)r["path"]! == "/API/Admin/Ping/");
        Assert.Equal(["SignIn", "SignOut"], Logins().Select(l => (string)l["status"]!));
    }

    [Fact]
    public async Task ADuplicateUserNameRecordsAndCountsTheOneTheAppBindsAndMarksTheRow()
    {
        await using var app = new SampleApp(Database);
        var client = app.CreateClient();

        var signIn = await PostAsync(client, "/api/token", """{"username":"decoy","username":"alice","password":"alice-password"}""");
        for (var i = 0; i < 5; i++)
        {
            await PostAsync(client, "/api/token", $$"""{"username":"decoy-{{i}}","UserName":"carol","password":"guess"}""", ip: $"198.51.100.{i + 1}");
        }

        await app.DrainAsync();

        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        var logins = Logins();
        Assert.Equal(("SignIn", "alice"), ((string)logins[0]["status"]!, (string)logins[0]["user_name"]!));
        var candidates = JsonDocument.Parse((string)logins[0]["extra_information"]!).RootElement.GetProperty("userNameCandidates");
        Assert.Equal(["decoy", "alice"], candidates.EnumerateArray().Select(c => c.GetString()));
        Assert.All(logins.Skip(1), l => Assert.Equal("carol", l["user_name"]));
        var alarm = Assert.Single(Alarms());
        Assert.Equal("carol", JsonDocument.Parse((string)alarm["details"]!).RootElement.GetProperty("userName").GetString());
    }

    [Theory]
    [InlineData("text/json")]
    [InlineData("text/json; charset=utf-8")]
    [InlineData("application/vnd.orders+json")]
    public async Task EveryJsonMediaTypeIsMasked(string contentType)
    {
        await using var app = new SampleApp(Database);

        await PostAsync(app.CreateClient(), "/api/orders", """{"customer":"c1","productCode":"P1","quantity":1,"cardNumber":"4111111111111111","password":"hunter2"}""", contentType);
        var request = Assert.Single(await app.DrainAsync());

        var body = (string?)request["request_body"];
        Assert.NotNull(body);
        Assert.DoesNotContain("4111111111111111", body);
        Assert.DoesNotContain("hunter2", body);
        Assert.Contains("\"cardNumber\":\"***\"", body);
    }

    [Fact]
    public async Task SecretNamesAsDotNetWritesThemAreMaskedInBodiesAndQueryStrings()
    {
        await using var app = new SampleApp(Database);
        var client = app.CreateClient();

        await client.GetAsync("/api/products?refreshToken=r-s3cr3t&apiKey=k-s3cr3t&client-secret=c-s3cr3t&page=2", Token);
        await PostAsync(client, "/webhooks/payments", """{"paymentId":"p1","accessToken":"a-s3cr3t","clientSecret":"c-s3cr3t","private_key":"pk-s3cr3t"}""");
        var requests = await app.DrainAsync();

        Assert.Equal("refreshToken=***&apiKey=***&client-secret=***&page=2", requests[0]["query_string"]);
        var values = requests.SelectMany(r => r.Values).OfType<string>().ToArray();
        Assert.Equal("", string.Join("|", values.Where(v => v.Contains("s3cr3t", StringComparison.Ordinal))));
        Assert.Contains("p1", (string)requests[1]["request_body"]!);
    }

    [Fact]
    public async Task ControlAndDirectionCharactersAreVisibleInTheRowThePageThePdfAndTheCsv()
    {
        await using var app = new SampleApp(Database);
        var client = app.CreateClient();
        using (var spoofed = new HttpRequestMessage(HttpMethod.Get, "/api/products/%E2%80%AEgpj.exe?q=%1B%5B31m"))
        {
            spoofed.Headers.TryAddWithoutValidation("User-Agent", "agent\u001B[2J");
            await client.SendAsync(spoofed, Token);
        }

        await PostAsync(client, "/api/token", """{"username":"mallory\r\n2026-01-01 SignIn alice","password":"x"}""");
        var admin = await DemoUsers.TokenAsync(client, "alice");
        await Database.WaitForRowsAsync("login_audit_event", 2);

        var request = Database.RequestRows().First();
        Assert.Equal("/api/products/\\u202Egpj.exe", request["path"]);
        Assert.Equal("q=%1B%5B31m", request["query_string"]);
        Assert.Equal("agent\\u001B[2J", request["user_agent"]);
        Assert.Equal("mallory\\u000D\\u000A2026-01-01 SignIn alice", Logins()[0]["user_name"]);

        var page = await client.GetTextAsAsync("/audit/", admin);
        Assert.Contains("\\u202Egpj.exe", page);
        Assert.DoesNotContain("\u202E", page, StringComparison.Ordinal);
        var csv = await client.GetTextAsAsync("/audit/events.csv", admin);
        Assert.Contains("\\u202Egpj.exe", csv);
        Assert.DoesNotContain("\u202E", csv, StringComparison.Ordinal);
        var text = string.Join("\n", await client.PdfPagesAsync("/audit/reports/logins.pdf", admin));
        Assert.Contains("mallory\\u000D\\u000A2026", text.Replace("\n", "", StringComparison.Ordinal));
    }
}
