using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using AspNetAuditTrail.IntegrationTests.Databases;
using AspNetAuditTrail.Sample.Security;
using Microsoft.Extensions.DependencyInjection;

namespace AspNetAuditTrail.IntegrationTests;

public abstract class LoginAuditTests(AuditDatabase database) : DatabaseTest(database)
{
    private List<IDictionary<string, object?>> Logins() =>
        Database.Query($"SELECT * FROM {Database.Table("login_audit_event")} ORDER BY occurred_at, id");

    private List<IDictionary<string, object?>> SecurityEvents(string? type = null) =>
        Database.Query($"SELECT * FROM {Database.Table("security_audit_event")} {(type is null ? "" : "WHERE event_type = @type")} ORDER BY occurred_at, id", new { type });

    private static Task<HttpResponseMessage> SignInAsync(HttpClient client, string userName, string password, string? ip = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/token") { Content = JsonContent.Create(new { username = userName, password }) };
        if (ip is not null)
        {
            request.Headers.Add("X-Test-Remote-Ip", ip);
        }

        return client.SendAsync(request, Token);
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string path, string token)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client.SendAsync(request, Token);
    }

    private static JsonElement Json(object? column) => JsonDocument.Parse((string)column!).RootElement;

    [Fact]
    public async Task ASuccessfulSignInIsLinkedToItsRequestAndKeepsNoSecret()
    {
        await using var app = new SampleApp(Database);

        var response = await SignInAsync(app.CreateClient(), "alice", "alice-password", ip: "203.0.113.10");
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("access_token").GetString()!;
        var request = Assert.Single(await app.DrainAsync());
        var login = Assert.Single(Logins());

        Assert.Equal(("SignIn", "alice", "alice", "203.0.113.10"), ((string)login["status"]!, (string)login["user_name"]!, (string)login["user_id"]!, (string)login["ip_address"]!));
        Assert.Equal(request["id"], login["request_event_id"]);
        Assert.Equal("""{"username":"alice","password":"***"}""", request["request_body"]);
        Assert.DoesNotContain(token, (string)request["response_body"]!);
        Assert.Equal("***", Json(request["response_body"]).GetProperty("access_token").GetString());
    }

    [Theory]
    [InlineData("alice", "wrong-password")]
    [InlineData("mallory", "whatever")]
    public async Task AWrongPasswordOrAnUnknownUserIsAFailedSignIn(string userName, string password)
    {
        await using var app = new SampleApp(Database);

        var response = await SignInAsync(app.CreateClient(), userName, password);
        var request = Assert.Single(await app.DrainAsync());
        var login = Assert.Single(Logins());

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(("Failed", userName), ((string)login["status"]!, (string)login["user_name"]!));
        Assert.Null(login["user_id"]);
        Assert.Equal(request["id"], login["request_event_id"]);
        Assert.Empty(SecurityEvents("SuspiciousActivity"));
    }

    [Fact]
    public async Task AnExpiredTokenIsATokenExpiredEvent()
    {
        await using var app = new SampleApp(Database);
        var issuer = app.Services.GetRequiredService<TokenIssuer>();
        var expired = issuer.Issue(new DemoUser("alice", "alice", "", ["admin"]), TimeSpan.FromHours(1), DateTime.UtcNow.AddHours(-2));

        var response = await SendAsync(app.CreateClient(), HttpMethod.Get, "/api/admin/ping", expired);
        var request = Assert.Single(await app.DrainAsync());

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var tokenEvent = Assert.Single(SecurityEvents("TokenExpired"));
        Assert.Equal("Info", tokenEvent["severity"]);
        Assert.Equal(request["id"], tokenEvent["request_event_id"]);
        Assert.Equal("GET /api/admin/ping", tokenEvent["endpoint"]);
        Assert.Contains("Expired", Json(tokenEvent["details"]).GetProperty("reason").GetString());
        Assert.Empty(SecurityEvents("TokenInvalid"));
        Assert.Equal("Challenged", Json(Assert.Single(SecurityEvents("AccessDenied"))["details"]).GetProperty("outcome").GetString());
    }

    [Fact]
    public async Task ATamperedTokenIsATokenInvalidEvent()
    {
        await using var app = new SampleApp(Database);
        var client = app.CreateClient();
        var token = await DemoUsers.TokenAsync(client, "bob");
        var parts = token.Split('.');
        var payload = JsonDocument.Parse(Base64UrlDecode(parts[1])).RootElement.GetRawText().Replace("\"bob\"", "\"alice\"", StringComparison.Ordinal);
        var tampered = $"{parts[0]}.{Base64UrlEncode(payload)}.{parts[2]}";

        var response = await SendAsync(client, HttpMethod.Get, "/api/admin/ping", tampered);
        await app.DrainAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var tokenEvent = Assert.Single(SecurityEvents("TokenInvalid"));
        Assert.Equal("Warning", tokenEvent["severity"]);
        Assert.Empty(SecurityEvents("TokenExpired"));
    }

    [Fact]
    public async Task AForbiddenRoleIsAccessDeniedWithTheRolesThatFailed()
    {
        await using var app = new SampleApp(Database);
        var client = app.CreateClient();
        var bob = await DemoUsers.TokenAsync(client, "bob");
        var alice = await DemoUsers.TokenAsync(client, "alice");

        var forbidden = await SendAsync(client, HttpMethod.Get, "/api/admin/ping", bob);
        var allowed = await SendAsync(client, HttpMethod.Get, "/api/admin/ping", alice);
        var requests = await app.DrainAsync();

        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        var denied = Assert.Single(SecurityEvents());
        Assert.Equal(("AccessDenied", "Warning", "bob", "bob", "GET /api/admin/ping"),
            ((string)denied["event_type"]!, (string)denied["severity"]!, (string)denied["user_id"]!, (string)denied["user_name"]!, (string)denied["endpoint"]!));
        var details = Json(denied["details"]);
        Assert.Equal("Forbidden", details.GetProperty("outcome").GetString());
        Assert.Equal(["admin"], details.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(requests.Single(r => (long)r["status_code"]! == 403)["id"], denied["request_event_id"]);
    }

    [Fact]
    public async Task LogoutIsASignOutOfTheSignedInUser()
    {
        await using var app = new SampleApp(Database);
        var client = app.CreateClient();
        var token = await DemoUsers.TokenAsync(client, "alice");

        var response = await SendAsync(client, HttpMethod.Post, "/api/logout", token);
        await app.DrainAsync();

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(
            [("SignIn", "alice"), ("SignOut", "alice")],
            Logins().Select(l => ((string)l["status"]!, (string)l["user_id"]!)));
        Assert.Equal("alice", Logins()[1]["user_name"]);
    }

    [Theory]
    [InlineData(4, 0)]
    [InlineData(5, 1)]
    [InlineData(7, 1)]
    public async Task FailedSignInsForOneUserRaiseOneAlarmAtTheThreshold(int failures, int alarms)
    {
        var sink = new RecordingAlertSink();
        await using var app = new SampleApp(Database, services: s => s.AddSingleton<IAuditAlertSink>(sink));
        var client = app.CreateClient();

        for (var i = 0; i < failures; i++)
        {
            await SignInAsync(client, "carol", $"guess-{i}", ip: $"198.51.100.{i + 1}");
        }

        await app.DrainAsync();

        var suspicious = SecurityEvents("SuspiciousActivity");
        Assert.Equal(alarms, suspicious.Count);
        Assert.Equal(failures, Logins().Count(l => (string)l["status"]! == "Failed"));
        if (alarms == 1)
        {
            Assert.Equal("Critical", suspicious[0]["severity"]);
            Assert.Equal("carol", Json(suspicious[0]["details"]).GetProperty("userName").GetString());
            Assert.Equal(5, Json(suspicious[0]["details"]).GetProperty("failures").GetInt32());
            await WaitForAsync(() => sink.Alerts.Count == 1);
            Assert.Equal(AspNetAuditTrail.Events.SecurityEventType.SuspiciousActivity, sink.Alerts.Single().EventType);
        }
    }

    [Theory]
    [InlineData(4, 0)]
    [InlineData(5, 1)]
    public async Task FailedSignInsFromOneAddressRaiseOneAlarmAtTheThreshold(int failures, int alarms)
    {
        await using var app = new SampleApp(Database);
        var client = app.CreateClient();

        for (var i = 0; i < failures; i++)
        {
            await SignInAsync(client, $"user-{i}", "guess", ip: "203.0.113.77");
        }

        await app.DrainAsync();

        var suspicious = SecurityEvents("SuspiciousActivity");
        Assert.Equal(alarms, suspicious.Count);
        if (alarms == 1)
        {
            Assert.Equal("203.0.113.77", Json(suspicious[0]["details"]).GetProperty("ipAddress").GetString());
        }
    }

    [Fact]
    public async Task NoPasswordOrTokenValueIsStoredAnywhere()
    {
        await using var app = new SampleApp(Database);
        var client = app.CreateClient();
        var alice = await DemoUsers.TokenAsync(client, "alice");
        var bob = await DemoUsers.TokenAsync(client, "bob");
        await SignInAsync(client, "alice", "wrong-password-123");
        await SendAsync(client, HttpMethod.Get, "/api/admin/ping", alice);
        await SendAsync(client, HttpMethod.Get, "/api/admin/ping", bob);
        await SendAsync(client, HttpMethod.Get, "/api/admin/ping", bob + "x");
        await SendAsync(client, HttpMethod.Get, $"/api/products?access_token={alice}", alice);
        await SendAsync(client, HttpMethod.Post, "/api/logout", alice);
        await app.DrainAsync();

        string[] secrets = ["alice-password", "bob-password", "wrong-password-123", alice, bob, .. alice.Split('.'), .. bob.Split('.')];
        var tables = Database.TableNames();
        var values = tables.SelectMany(t => Database.Query($"SELECT * FROM {Database.Table(t)}")).SelectMany(r => r.Values).OfType<string>().ToArray();

        Assert.True(values.Length > 50, $"only {values.Length} values were read");
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(values, v => v.Contains(secret, StringComparison.Ordinal));
        }
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        for (var i = 0; i < 200 && !condition(); i++)
        {
            await Task.Delay(10, Token);
        }

        Assert.True(condition());
    }

    private static string Base64UrlDecode(string text) =>
        System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(text.Replace('-', '+').Replace('_', '/').PadRight(text.Length + ((4 - (text.Length % 4)) % 4), '=')));

    private static string Base64UrlEncode(string text) =>
        Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(text)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
