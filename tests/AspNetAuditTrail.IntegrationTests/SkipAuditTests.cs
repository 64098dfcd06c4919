using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;

using AspNetAuditTrail.IntegrationTests.Databases;

namespace AspNetAuditTrail.IntegrationTests;

public abstract class SkipAuditTests(AuditDatabase database) : DatabaseTest(database)
{
    [Fact]
    public async Task TheAttributeAndTheConventionKeepEndpointsOutEvenBeforeRouting()
    {
        await using var app = await MinimalHost.StartAsync(Database, app =>
        {
            // Audit placed before routing: the endpoint is only known once the request has been routed.
            app.UseRequestAudit();
            app.UseRouting();
            app.MapGet("/api/attribute", [SkipAudit] () => "a");
            app.MapGet("/api/convention", () => "c").SkipAudit();
            var group = app.MapGroup("/api/group").SkipAudit();
            group.MapGet("/one", () => "g");
            app.MapGet("/api/audited", () => "yes");
        });
        var client = app.GetTestClient();

        foreach (var path in new[] { "/api/attribute", "/api/convention", "/api/group/one", "/api/audited" })
        {
            (await client.GetAsync(path, Token)).EnsureSuccessStatusCode();
        }

        await app.StopAsync(Token);

        Assert.Equal("/api/audited", Assert.Single(Database.RequestRows())["path"]);
    }
}
