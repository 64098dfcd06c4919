using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

using AspNetAuditTrail.IntegrationTests.Databases;

namespace AspNetAuditTrail.IntegrationTests;

public abstract class RequestAuditTests(AuditDatabase database) : DatabaseTest(database)
{
    [Fact]
    public async Task AnAuditedRequestRecordsEveryField()
    {
        await using var app = new SampleApp(Database);
        var client = app.CreateClient();
        const string traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/products/1?view=full&lang=pt");
        request.Headers.Add("traceparent", $"00-{traceId}-00f067aa0ba902b7-01");
        request.Headers.Add("X-Test-User", "user-42");
        request.Headers.Add("X-Test-Remote-Ip", "203.0.113.9");
        request.Headers.UserAgent.ParseAdd("audit-tests/1.0");
        var before = DateTimeOffset.UtcNow;

        var response = await client.SendAsync(request, Token);
        var body = await response.Content.ReadAsStringAsync(Token);
        var row = Assert.Single(await app.DrainAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(7, Guid.Parse((string)row["id"]!).Version);
        var occurredAt = DateTimeOffset.Parse((string)row["occurred_at"]!, CultureInfo.InvariantCulture);
        Assert.EndsWith("Z", (string)row["occurred_at"]!);
        Assert.InRange(occurredAt, before.AddSeconds(-1), DateTimeOffset.UtcNow);
        Assert.Equal("GET", row["method"]);
        Assert.Equal("http", row["scheme"]);
        Assert.Equal("localhost", row["host"]);
        Assert.Equal("/api/products/1", row["path"]);
        Assert.Equal("view=full&lang=pt", row["query_string"]);
        Assert.Equal(200L, row["status_code"]);
        Assert.IsType<double>(row["duration_ms"]);
        Assert.InRange((double)row["duration_ms"]!, 0.001, 10_000);
        Assert.Equal((long)Encoding.UTF8.GetByteCount(body), row["response_size"]);
        Assert.Equal("203.0.113.9", row["ip_address"]);
        Assert.Equal("audit-tests/1.0", row["user_agent"]);
        Assert.Equal("user-42", row["user_id"]);
        Assert.Null(row["request_content_type"]);
        Assert.Null(row["request_body"]);
        Assert.Equal("None", row["request_body_status"]);
        Assert.StartsWith("application/json", (string)row["response_content_type"]!);
        Assert.Equal(body, row["response_body"]);
        Assert.Equal("Captured", row["response_body_status"]);
        Assert.Null(row["error_type"]);
        Assert.Null(row["error_message"]);
        Assert.Null(row["error_stacktrace"]);
        Assert.Null(row["extra_information"]);
        Assert.Equal(traceId, row["trace_id"]);
        Assert.False(string.IsNullOrEmpty((string?)row["request_id"]));
        Assert.Equal(0L, Database.Scalar<long>($"SELECT count(*) FROM {Database.Requests} WHERE {Database.AsText("extra_information")} = 'null'"));
    }

    [Fact]
    public async Task APostRecordsItsMaskedBodyAndWhatTheHandlerSet()
    {
        await using var app = new SampleApp(Database);
        var client = app.CreateClient();

        var response = await client.PostAsJsonAsync(
            "/api/products?api_key=k-123&source=web",
            new { code = "PX-1", name = "Pen", price = 2.5, password = "hunter2", owner = new { token = "t-999", name = "Ana" } },
            Token);
        var row = Assert.Single(await app.DrainAsync());

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(201L, row["status_code"]);
        Assert.Equal("api_key=***&source=web", row["query_string"]);
        Assert.Equal("Captured", row["request_body_status"]);
        using var requestBody = JsonDocument.Parse((string)row["request_body"]!);
        Assert.Equal("***", requestBody.RootElement.GetProperty("password").GetString());
        Assert.Equal("***", requestBody.RootElement.GetProperty("owner").GetProperty("token").GetString());
        Assert.Equal("Ana", requestBody.RootElement.GetProperty("owner").GetProperty("name").GetString());
        using var extra = JsonDocument.Parse((string)row["extra_information"]!);
        Assert.Equal("PX-1", extra.RootElement.GetProperty("productCode").GetString());
        Assert.Equal(3, extra.RootElement.GetProperty("productId").GetInt32());
        Assert.Equal(0L, Database.Scalar<long>(
            $"SELECT count(*) FROM {Database.Requests} WHERE request_body LIKE '%hunter2%' OR request_body LIKE '%t-999%' OR query_string LIKE '%k-123%'"));
    }

    [Fact]
    public async Task InvalidInputIsRecordedWithTheValidationErrors()
    {
        await using var app = new SampleApp(Database);

        var response = await app.CreateClient().PostAsJsonAsync("/api/products", new { code = "", price = 0 }, Token);
        var row = Assert.Single(await app.DrainAsync());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(400L, row["status_code"]);
        using var extra = JsonDocument.Parse((string)row["extra_information"]!);
        Assert.True(extra.RootElement.GetProperty("validationErrors").TryGetProperty("price", out _));
        Assert.Contains("The name is required.", (string)row["response_body"]!);
    }

    [Fact]
    public async Task MalformedJsonIsNotStoredAndTheRowSaysWhy()
    {
        await using var app = new SampleApp(Database);
        using var content = new StringContent("{\"code\":\"X\",\"password\":\"hunter2\"", Encoding.UTF8, "application/json");

        var response = await app.CreateClient().PostAsync("/api/products", content, Token);
        var row = Assert.Single(await app.DrainAsync());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(row["request_body"]);
        Assert.Equal("Malformed", row["request_body_status"]);
    }

    [Fact]
    public async Task AnUnknownProductIsRecordedAs404()
    {
        await using var app = new SampleApp(Database);

        var response = await app.CreateClient().GetAsync("/api/products/999", Token);
        var row = Assert.Single(await app.DrainAsync());

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(404L, row["status_code"]);
        Assert.Equal("/api/products/999", row["path"]);
        Assert.Null(row["error_type"]);
    }

    [Fact]
    public async Task DeleteIsRecorded()
    {
        await using var app = new SampleApp(Database);

        var response = await app.CreateClient().DeleteAsync("/api/products/2", Token);
        var row = Assert.Single(await app.DrainAsync());

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(("DELETE", 204L, 0L), ((string)row["method"]!, (long)row["status_code"]!, (long)row["response_size"]!));
    }

    [Fact]
    public async Task AnExceptionIsRecordedAndTheAppsErrorHandlingStillRuns()
    {
        await using var app = new SampleApp(Database);

        var response = await app.CreateClient().GetAsync("/api/boom", Token);
        var problem = await response.Content.ReadAsStringAsync(Token);
        var row = Assert.Single(await app.DrainAsync());

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.StartsWith("application/problem+json", response.Content.Headers.ContentType!.ToString());
        Assert.Equal(500L, row["status_code"]);
        Assert.Equal("System.InvalidOperationException", row["error_type"]);
        Assert.Equal("Boom: a demonstration failure.", row["error_message"]);
        Assert.Contains("Program.cs", (string)row["error_stacktrace"]!);
        Assert.Equal(problem, row["response_body"]);
        Assert.Equal("""{"step":"before the failure"}""", row["extra_information"]);
    }

    [Fact]
    public async Task SkippedExcludedAndUnmatchedPathsWriteNoRow()
    {
        await using var app = new SampleApp(Database);
        var client = app.CreateClient();

        Assert.Equal("pong", await client.GetStringAsync("/api/ping", Token));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health", Token)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/internal/metrics", Token)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/products", Token)).StatusCode);
        var rows = await app.DrainAsync();

        Assert.Equal("/api/products", Assert.Single(rows)["path"]);
    }

    [Fact]
    public async Task BodyOptOutRulesKeepBodiesOutByPathAndMethod()
    {
        await using var app = new SampleApp(Database, new()
        {
            ["AuditTrail:SkipResponseBodyUrls:0:Pattern"] = "^/api/products$",
            ["AuditTrail:SkipResponseBodyUrls:0:Method"] = "GET",
        });
        var client = app.CreateClient();
        using var upload = new StringContent("secret report", Encoding.UTF8, "text/plain");

        await client.PostAsync("/api/uploads", upload, Token);
        await client.GetAsync("/api/products", Token);
        await client.GetAsync("/api/products/1", Token);
        var rows = (await app.DrainAsync()).ToDictionary(r => (string)r["path"]!);

        Assert.Equal("SkippedByRule", rows["/api/uploads"]["request_body_status"]);
        Assert.Null(rows["/api/uploads"]["request_body"]);
        Assert.Equal("Captured", rows["/api/uploads"]["response_body_status"]);
        Assert.Equal("SkippedByRule", rows["/api/products"]["response_body_status"]);
        Assert.Null(rows["/api/products"]["response_body"]);
        Assert.True((long)rows["/api/products"]["response_size"]! > 0);
        Assert.Equal("Captured", rows["/api/products/1"]["response_body_status"]);
    }

    [Fact]
    public async Task FormBodiesAreMasked()
    {
        await using var app = new SampleApp(Database, new() { ["AuditTrail:SkipRequestBodyUrls:0:Pattern"] = "^/none$" });
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["username"] = "bob", ["Password"] = "hunter2", ["note"] = "olá" });

        await app.CreateClient().PostAsync("/api/uploads", form, Token);
        var row = Assert.Single(await app.DrainAsync());

        Assert.Equal("username=bob&Password=***&note=ol%C3%A1", row["request_body"]);
        Assert.Equal("Captured", row["request_body_status"]);
    }

    [Fact]
    public async Task ATenMegabyteBinaryUploadStreamsThroughAndIsNotStored()
    {
        await using var app = new SampleApp(Database, new() { ["AuditTrail:SkipRequestBodyUrls:0:Pattern"] = "^/none$" });
        var payload = new byte[10 * 1024 * 1024];
        new Random(7).NextBytes(payload);
        using var content = new ByteArrayContent(payload);
        content.Headers.ContentType = new("application/octet-stream");

        var response = await app.CreateClient().PostAsync("/api/uploads", content, Token);
        var result = await response.Content.ReadFromJsonAsync<JsonElement>(Token);
        var row = Assert.Single(await app.DrainAsync());

        Assert.Equal(payload.Length, result.GetProperty("bytes").GetInt64());
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(payload)), result.GetProperty("sha256").GetString());
        Assert.Equal("SkippedContentType", row["request_body_status"]);
        Assert.Null(row["request_body"]);
    }

    [Fact]
    public async Task ATenMegabyteTextUploadIsStoredUpToMaxBodySize()
    {
        await using var app = new SampleApp(Database, new() { ["AuditTrail:SkipRequestBodyUrls:0:Pattern"] = "^/none$" });
        var text = string.Concat(Enumerable.Range(0, 10 * 1024 * 1024 / 8).Select(i => (i % 100_000_000).ToString("D8", CultureInfo.InvariantCulture)));
        using var content = new StringContent(text, Encoding.UTF8, "text/plain");

        var response = await app.CreateClient().PostAsync("/api/uploads", content, Token);
        var result = await response.Content.ReadFromJsonAsync<JsonElement>(Token);
        var row = Assert.Single(await app.DrainAsync());

        Assert.Equal(text.Length, result.GetProperty("bytes").GetInt64());
        Assert.Equal("Truncated", row["request_body_status"]);
        Assert.Equal(text[..32768], row["request_body"]);
    }

    [Fact]
    public async Task TheClientIpIsTheConnectionsAndForwardedForIsBelievedOnlyFromAKnownProxy()
    {
        await using var app = new SampleApp(Database);
        var client = app.CreateClient();

        using var direct = new HttpRequestMessage(HttpMethod.Get, "/api/products?from=untrusted");
        direct.Headers.Add("X-Test-Remote-Ip", "203.0.113.50");
        direct.Headers.Add("X-Forwarded-For", "198.51.100.1");
        await client.SendAsync(direct, Token);
        using var proxied = new HttpRequestMessage(HttpMethod.Get, "/api/products?from=proxy");
        proxied.Headers.Add("X-Test-Remote-Ip", "127.0.0.1");
        proxied.Headers.Add("X-Forwarded-For", "198.51.100.2");
        await client.SendAsync(proxied, Token);
        var rows = (await app.DrainAsync()).ToDictionary(r => (string)r["query_string"]!);

        Assert.Equal("203.0.113.50", rows["from=untrusted"]["ip_address"]);
        Assert.Equal("198.51.100.2", rows["from=proxy"]["ip_address"]);
    }

    [Fact]
    public async Task AThousandConcurrentRequestsGiveAThousandRows()
    {
        await using var app = new SampleApp(Database);
        var client = app.CreateClient();

        var responses = await Task.WhenAll(Enumerable.Range(0, 1000).Select(i => client.GetAsync($"/api/products/1?n={i}", Token)));
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var rows = await app.DrainAsync();

        Assert.Equal(1000, rows.Count);
        Assert.Equal(1000, rows.Select(r => r["id"]).Distinct().Count());
        Assert.Equal(
            Enumerable.Range(0, 1000).Select(i => $"n={i}").Order(StringComparer.Ordinal),
            rows.Select(r => (string)r["query_string"]!).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ABrokenAuditDatabaseNeverChangesTheResponses()
    {
        await using var app = new SampleApp(Database, new()
        {
            ["AuditTrail:ConnectionString"] = Database.UnreachableConnectionString,
            ["AuditTrail:MaxWriteRetries"] = "0",
        });
        var client = app.CreateClient();

        for (var i = 0; i < 20; i++)
        {
            var response = await client.GetAsync("/api/products/1", Token);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var created = await client.PostAsJsonAsync("/api/products", new { code = "A", name = "B", price = 1 }, Token);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
    }
}
