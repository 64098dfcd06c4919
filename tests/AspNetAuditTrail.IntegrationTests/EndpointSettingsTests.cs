using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

using AspNetAuditTrail.IntegrationTests.Databases;

namespace AspNetAuditTrail.IntegrationTests;

public abstract class EndpointSettingsTests(AuditDatabase database) : DatabaseTest(database)
{
    [Fact]
    public async Task WithAuditOverridesTheBodyRulesAndLimitForItsEndpoint()
    {
        await using var app = await MinimalHost.StartAsync(
            Database,
            app =>
            {
                app.UseRequestAudit();
                app.MapPost("/hooks/echo", (Echo echo) => Results.Text(new string('r', 100))).WithAudit(a =>
                {
                    a.RequestBody = AuditBodyMode.Capture;
                    a.MaxBodySize = 30;
                });
                app.MapPost("/api/plain", (Echo echo) => Results.Text(new string('r', 100)));
            },
            builder => builder.Services.Configure<AspNetAuditTrail.Configuration.AuditTrailOptions>(o =>
                o.SkipRequestBodyUrls = [new() { Pattern = "^/hooks/", Method = "POST" }]));
        var client = app.GetTestClient();

        await client.PostAsync("/hooks/echo", new StringContent("""{"text":"hello world"}""", System.Text.Encoding.UTF8, "application/json"), Token);
        await client.PostAsync("/api/plain", new StringContent("""{"text":"hello world"}""", System.Text.Encoding.UTF8, "application/json"), Token);
        await app.StopAsync(Token);
        var rows = Database.RequestRows().ToDictionary(r => (string)r["path"]!);

        Assert.Equal("Captured", rows["/hooks/echo"]["request_body_status"]);
        Assert.Equal("""{"text":"hello world"}""", rows["/hooks/echo"]["request_body"]);
        Assert.Equal("Truncated", rows["/hooks/echo"]["response_body_status"]);
        Assert.Equal(new string('r', 30), rows["/hooks/echo"]["response_body"]);
        Assert.Equal("""{"echo":"[omitted: 22 bytes]"}""", rows["/hooks/echo"]["action_arguments"]);
        Assert.Equal(new string('r', 100), rows["/api/plain"]["response_body"]);
        Assert.Null(rows["/api/plain"]["action"]);
        Assert.Equal("/api/plain", rows["/api/plain"]["route_template"]);
    }

    [Fact]
    public async Task RequestsRoutingRejectsOnTheirWayToAnAuditedEndpointAreRecorded()
    {
        await using var app = new SampleApp(Database);
        var client = app.CreateClient();

        var wrongMethod = await client.GetAsync("/webhooks/payments", Token);
        var failedConstraint = await client.GetAsync("/legacy/orders/abc?token=t", Token);
        var wrongType = await client.PostAsync("/webhooks/payments", new StringContent("id=1", System.Text.Encoding.UTF8, "text/plain"), Token);
        var elsewhere = await client.GetAsync("/webhooks/other", Token);
        var rows = await app.DrainAsync();

        Assert.Equal((405, 404, 415, 404), ((int)wrongMethod.StatusCode, (int)failedConstraint.StatusCode, (int)wrongType.StatusCode, (int)elsewhere.StatusCode));
        Assert.Equal(
            [("GET", "/webhooks/payments", 405L), ("GET", "/legacy/orders/abc", 404L), ("POST", "/webhooks/payments", 415L)],
            rows.Select(r => ((string)r["method"]!, (string)r["path"]!, Convert.ToInt64(r["status_code"], System.Globalization.CultureInfo.InvariantCulture))));
        Assert.Equal("token=***", rows[1]["query_string"]);
    }

    [Fact]
    public async Task FiltersWithoutTheMiddlewareWarnAtStartup()
    {
        var logs = new ListLoggerProvider();
        await using var app = await MinimalHost.StartAsync(
            Database,
            app => app.MapGet("/api/items/{id}", (int id) => id).WithAudit(),
            builder => builder.Logging.AddProvider(logs));

        await app.GetTestClient().GetAsync("/api/items/1", Token);
        await app.StopAsync(Token);

        var warning = Assert.Single(logs.Messages, m => m.Message.Contains("UseRequestAudit", StringComparison.Ordinal));
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Contains("endpoints with [Audit] or .WithAudit(): 1", warning.Message);
        Assert.Empty(Database.RequestRows());
    }

    [Fact]
    public async Task TheMiddlewareWithFiltersDoesNotWarn()
    {
        var logs = new ListLoggerProvider();
        await using var app = await MinimalHost.StartAsync(
            Database,
            app =>
            {
                app.UseRequestAudit();
                app.MapGet("/api/items/{id}", (int id) => id).WithAudit();
            },
            builder => builder.Logging.AddProvider(logs));

        await app.GetTestClient().GetAsync("/api/items/1", Token);
        await app.StopAsync(Token);

        Assert.DoesNotContain(logs.Messages, m => m.Level >= LogLevel.Warning);
        Assert.Equal("""{"id":1}""", Assert.Single(Database.RequestRows())["action_arguments"]);
    }

    public sealed record Echo(string Text);
}
