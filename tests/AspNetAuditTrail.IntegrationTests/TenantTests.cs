using System.Net.Http.Json;
using AspNetAuditTrail.IntegrationTests.Databases;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace AspNetAuditTrail.IntegrationTests;

/// <summary>Every row a request records carries its tenant: from the user's claims, or as a handler set it.</summary>
public abstract class TenantTests(AuditDatabase database) : DatabaseTest(database)
{
    private List<(string? Tenant, string? Subtenant)> Tenants(string table) =>
        Database.Query($"SELECT tenant_id, subtenant_id FROM {Database.Table(table)} ORDER BY occurred_at, id").Select(r => ((string?)r["tenant_id"], (string?)r["subtenant_id"])).ToList();

    private static HttpRequestMessage As(HttpMethod method, string path, string tenant, object? body = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Add("X-Test-User", "clerk-1");
        request.Headers.Add("X-Test-Tenant", tenant);
        return request;
    }

    [Fact]
    public async Task RequestsProcessesStepsRegistrationsAndBusinessEventsCarryTheUsersTenant()
    {
        await using var app = new SampleApp(Database);
        var client = app.CreateClient();

        await client.SendAsync(As(HttpMethod.Get, "/api/products", "globex/finance"), Token);
        await client.SendAsync(As(HttpMethod.Post, "/api/products", "globex/finance", new { code = "PX-9", name = "Pen", price = 2.5 }), Token);
        await client.SendAsync(As(HttpMethod.Post, "/api/orders", "globex", new { customer = "ana", productCode = "PEN", quantity = 1 }), Token);
        await client.GetAsync("/api/products", Token);
        await app.DrainAsync();

        Assert.Equal([("globex", "finance"), ("globex", "finance"), ("globex", null), (null, null)], Tenants("request_audit_event"));
        foreach (var table in new[] { "process_audit_event", "step_audit_event", "registration_audit_event" })
        {
            Assert.All(Tenants(table), t => Assert.Equal(("globex", "finance"), t));
            Assert.NotEmpty(Tenants(table));
        }

        Assert.Equal(("globex", null), Assert.Single(Tenants("audit_event")));
    }

    [Fact]
    public async Task AHandlerThatSetsTheTenantWinsOverTheClaims()
    {
        await using var app = await MinimalHost.StartAsync(Database, web =>
        {
            web.UseRequestAudit();
            web.MapGet("/api/licences/{id}", (string id, IAuditContext audit) =>
            {
                audit.TenantId = "acme";
                audit.SubtenantId = $"licence-{id}\r\nforged";
                return Results.Ok();
            });
        });

        await app.GetTestClient().GetAsync("/api/licences/7", Token);
        await app.StopAsync(Token);

        Assert.Equal(("acme", "licence-7\\u000D\\u000Aforged"), Assert.Single(Tenants("request_audit_event")));
    }

    [Fact]
    public async Task AnAppsOwnTenantRefusalIsAnAccessDeniedSecurityEventOfItsRequest()
    {
        await using var app = await MinimalHost.StartAsync(Database, web =>
        {
            web.UseRequestAudit();
            web.MapGet("/api/orders/{id}", (string id, IAuditContext audit, IAuditLog log) =>
            {
                audit.TenantId = "acme";
                log.AccessDenied(Events.AccessDenialReason.WrongTenant, $"order {id}", Events.SecuritySeverity.Error);
                return Results.StatusCode(StatusCodes.Status403Forbidden);
            });
        });

        await app.GetTestClient().GetAsync("/api/orders/7", Token);
        using (var scope = app.Services.CreateScope())
        {
            scope.ServiceProvider.GetRequiredService<IAuditLog>().AccessDenied(Events.AccessDenialReason.NoTenant, "nightly export");
        }

        await app.StopAsync(Token);

        var request = Assert.Single(Database.RequestRows());
        var rows = Database.Query($"SELECT * FROM {Database.Table("security_audit_event")} ORDER BY occurred_at, id");
        Assert.Equal(2, rows.Count);
        Assert.Equal(("AccessDenied", "Error", request["id"], "acme"), (rows[0]["event_type"], rows[0]["severity"], rows[0]["request_event_id"], rows[0]["tenant_id"]));
        var details = System.Text.Json.JsonDocument.Parse((string)rows[0]["details"]!).RootElement;
        Assert.Equal(("WrongTenant", "order 7", "acme"), (details.GetProperty("reason").GetString(), details.GetProperty("resource").GetString(), details.GetProperty("tenantId").GetString()));
        Assert.Equal(("AccessDenied", "Warning", null), (rows[1]["event_type"], rows[1]["severity"], rows[1]["request_event_id"]));
        Assert.Contains("NoTenant", (string)rows[1]["details"]!, StringComparison.Ordinal);
    }
}
