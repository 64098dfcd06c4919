using System.Net.Http.Json;
using System.Text.Json;
using AspNetAuditTrail.IntegrationTests.Databases;

namespace AspNetAuditTrail.IntegrationTests;

public abstract class PdfReportTests(AuditDatabase database) : DatabaseTest(database)
{
    [Fact]
    public async Task TheRequestsReportHasItsHeaderSummaryAndEveryRowWithTheTableHeaderOnEveryPage()
    {
        await using var app = new SampleApp(Database);
        var client = app.CreateClient();
        for (var i = 0; i < 120; i++)
        {
            await client.GetAsync($"/api/products/{i % 3}?segment=/a/very/long/path/that/must/wrap/inside/its/column/{i}&tag=x,y", Token);
        }

        var token = await DemoUsers.TokenAsync(client, "alice");
        await Database.WaitForRowsAsync("request_audit_event", 121);

        var pages = await client.PdfPagesAsync("/audit/reports/requests.pdf?path=/api/products/*", token);

        Assert.True(pages.Length >= 3, $"{pages.Length} pages");
        Assert.Contains("Requests report", pages[0]);
        Assert.Contains("Pulled by alice", pages[0]);
        Assert.Contains("Filters: path = /api/products/*", pages[0]);
        Assert.Contains("By status class: 2xx 80, 4xx 40", pages[0]);
        Assert.Contains("Error rate (5xx): 0.0 %", pages[0]);
        Assert.Contains("Slowest endpoints", pages[0]);
        for (var i = 0; i < pages.Length; i++)
        {
            Assert.Contains($"Page {i + 1} of {pages.Length}", pages[i]);
            Assert.Contains("Method", pages[i]);
            Assert.Contains("Status", pages[i]);
        }

        var text = string.Join("\n", pages);
        for (var i = 0; i < 120; i++)
        {
            Assert.Contains($"/column/{i}&", text);
        }

        Assert.DoesNotContain("/api/token", text);
    }

    [Fact]
    public async Task TheSignInReportCountsFailuresByUserAndAddressAndShowsSuspiciousActivity()
    {
        await using var app = new SampleApp(Database);
        var client = app.CreateClient();
        for (var i = 0; i < 5; i++)
        {
            using var attempt = new HttpRequestMessage(HttpMethod.Post, "/api/token") { Content = JsonContent.Create(new { username = "João Ação", password = "guess" }) };
            attempt.Headers.Add("X-Test-Remote-Ip", "203.0.113.9");
            await client.SendAsync(attempt, Token);
        }

        var token = await DemoUsers.TokenAsync(client, "alice");
        await Database.WaitForRowsAsync("login_audit_event", 6);

        var text = string.Join("\n", await client.PdfPagesAsync("/audit/reports/logins.pdf", token));

        Assert.Contains("Sign-in report", text);
        Assert.Contains("Failed 5, SignIn 1", text);
        Assert.Contains("João Ação", text);
        Assert.Contains("203.0.113.9", text);
        Assert.Contains("Critical", text);
        Assert.Contains("repeated failed sign-ins for one user name", text);
    }

    [Fact]
    public async Task TheProcessReportShowsSlotsBadgesAndMissingRegistrations()
    {
        await using var app = new SampleApp(Database);
        var client = app.CreateClient();
        await client.PostAsJsonAsync("/api/products", new { code = "Ωμέγα-1", name = "Привет", price = 1 }, Token);
        await client.PostAsJsonAsync("/api/products", new { code = "", name = "", price = 0 }, Token);
        var token = await DemoUsers.TokenAsync(client, "alice");
        await Database.WaitForRowsAsync("registration_audit_event", 5);

        var text = string.Join("\n", await client.PdfPagesAsync("/audit/reports/processes.pdf", token));

        Assert.Contains("Process report", text);
        Assert.Contains("Code 'Ωμέγα-1' is valid.", text);
        Assert.Contains("SUCCEEDED", text);
        Assert.Contains("FAILED", text);
        Assert.Contains("NO REGISTRATION", text);
        Assert.Contains("INCOMPLETE", text);
        Assert.Contains("Expected 2, registered 2 (0 succeeded, 2 failed)", text);
        Assert.Contains("1/2", text);
    }
}
