using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AspNetAuditTrail.Events;
using AspNetAuditTrail.IntegrationTests.Databases;
using Microsoft.Extensions.DependencyInjection;

namespace AspNetAuditTrail.IntegrationTests;

/// <summary>Business events recorded through <see cref="IAuditLog"/>, read back from <c>audit_event</c> through SQL.</summary>
public abstract class BusinessEventTests(AuditDatabase database) : DatabaseTest(database)
{
    private List<IDictionary<string, object?>> Events() => Database.Query($"SELECT * FROM {Database.Table("audit_event")} ORDER BY occurred_at, id");

    [Fact]
    public async Task ThePlacedOrderAndTheDeletedProductsAreEventsOfTheirRequests()
    {
        await using var app = new SampleApp(Database);
        var client = app.CreateClient();

        var placed = await client.PostAsJsonAsync("/api/orders", new { customer = "ana", productCode = "PEN", quantity = 2, cardNumber = "4111111111111111" }, Token);
        var deleted = await client.DeleteAsync("/api/products/1", Token);
        var missing = await client.DeleteAsync("/api/products/99", Token);
        var requests = await app.DrainAsync();

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.NoContent, HttpStatusCode.NotFound), (placed.StatusCode, deleted.StatusCode, missing.StatusCode));
        var events = Events();
        Assert.Equal(3, events.Count);
        Assert.Equal(requests.Select(r => r["id"]), events.Select(e => e["request_event_id"]));
        Assert.Equal(
            [("order.place", "order", "2", "Success", "Info", null), ("product.delete", "product", "1", "Success", "Info", null), ("product.delete", "product", "99", "Failure", "Warning", "not_found")],
            events.Select(e => ((string)e["action"]!, (string)e["resource_type"]!, (string)e["resource_id"]!, (string)e["outcome"]!, (string)e["level"]!, (string?)e["error_code"])));
        Assert.Equal("""{"cardNumber":"***","customer":"ana","productCode":"PEN","quantity":2}""", events[0]["input"]);
        Assert.Equal("""{"code":201,"id":2}""", events[0]["output"]);
        Assert.Equal(("Order 2 placed", "UserAction", "No product 99"), ((string)events[0]["message"]!, (string)events[0]["category"]!, (string)events[2]["error_message"]!));
        Assert.All(events.Concat(requests), row => Assert.Equal("AspNetAuditTrail.Sample", row["service_name"]));
    }

    [Fact]
    public async Task OutsideARequestAnEventIsItsOwnUnitMaskedBoundedAndRecordedOnce()
    {
        await using var app = new SampleApp(Database, new() { ["AuditTrail:ServiceName"] = "billing-api", ["AuditTrail:MaxBodySize"] = "1024" });
        _ = app.CreateClient();
        using (var scope = app.Services.CreateScope())
        {
            var builder = scope.ServiceProvider.GetRequiredService<IAuditLog>()
                .Event("invoice.sync", "Nightly sync")
                .Category(AuditCategories.SystemEvent)
                .By("job:nightly")
                .Input(new { password = "hunter2", invoices = 3 })
                .With("report", new string('x', 5000))
                .With("stream", new MemoryStream())
                .Duration(TimeSpan.FromMilliseconds(1500));
            var first = builder.Record();
            Assert.Equal(first, builder.Succeeded());
            Assert.Throws<ArgumentException>(() => scope.ServiceProvider.GetRequiredService<IAuditLog>().Event(" "));
        }

        await app.DrainAsync();

        var row = Assert.Single(Events());
        Assert.Equal((null, null, "Info", "SystemEvent", "billing-api"), (row["request_event_id"], row["outcome"], row["level"], row["category"], row["service_name"]));
        Assert.Equal(("job:nightly", "job:nightly", 1500.0), (row["user_key"], row["user_id"], row["duration_ms"]));
        Assert.Equal("""{"invoices":3,"password":"***"}""", row["input"]);
        Assert.Contains("\"report\":\"[omitted: 5002 bytes]\"", (string)row["metadata"]!, StringComparison.Ordinal);
        Assert.Contains("\"stream\":", (string)row["metadata"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheAdminApiExportsAndPageListAndFilterBusinessEvents()
    {
        await using var app = new SampleApp(Database);
        var client = app.CreateClient();
        await client.PostAsJsonAsync("/api/orders", new { customer = "ana", productCode = "PEN", quantity = 2 }, Token);
        await client.DeleteAsync("/api/products/1", Token);
        await client.DeleteAsync("/api/products/99", Token);
        var admin = await DemoUsers.TokenAsync(client, "alice");
        await Database.WaitForRowsAsync("audit_event", 3);

        async Task<string[]> Actions(string filters)
        {
            var response = await client.GetAsAsync($"/audit/events?kind=event&{filters}", admin);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = await response.Content.ReadFromJsonAsync<JsonElement>(Token);
            return page.GetProperty("events").EnumerateArray().Select(e => $"{e.GetProperty("action").GetString()} {e.GetProperty("resource_id").GetString()}").ToArray();
        }

        Assert.Equal(["product.delete 99", "product.delete 1", "order.place 2"], await Actions(""));
        Assert.Equal(["product.delete 99", "product.delete 1"], await Actions("action=product.delete"));
        Assert.Equal(["product.delete 99"], await Actions("level=warning"));
        Assert.Equal(["product.delete 99", "product.delete 1"], await Actions("level=Warning,info&resource=product"));
        Assert.Equal(["product.delete 99"], await Actions("resource=product&resourceId=99"));
        Assert.Equal(3, (await Actions("service=other-api&service=AspNetAuditTrail.Sample")).Length);
        Assert.Equal(["order.place 2"], await Actions("category=UserAction&resource=order"));
        Assert.Empty(await Actions("service=other-api"));
        Assert.Empty(await Actions(Uri.EscapeDataString("action") + "=" + Uri.EscapeDataString("x' OR '1'='1")));

        var seen = new List<string>();
        string? after = null;
        do
        {
            var page = await (await client.GetAsAsync($"/audit/events?kind=event&pageSize=2{(after is null ? "" : "&after=" + after)}", admin)).Content.ReadFromJsonAsync<JsonElement>(Token);
            seen.AddRange(page.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("id").GetString()!));
            after = page.GetProperty("continuationToken").GetString();
        }
        while (after is not null);
        Assert.Equal(3, seen.Distinct().Count());

        foreach (var (query, name) in new[] { ("kind=event&method=GET", "method"), ("kind=event&level=loud", "level"), ("kind=request&category=x", "category"), ("category=x", "category") })
        {
            var response = await client.GetAsAsync($"/audit/events.csv?{query}", admin);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Token);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal([name], problem.GetProperty("errors").EnumerateObject().Select(p => p.Name));
        }

        var csv = (await client.GetTextAsAsync("/audit/events.csv?kind=event&action=product.delete", admin)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(string.Join(",", Relational.AuditTables.BusinessEvent.Columns.Select(c => c.Name)), csv[0]);
        Assert.Equal(3, csv.Length);
        var json = JsonDocument.Parse(await client.GetTextAsAsync("/audit/events.json?kind=event&resource=order", admin)).RootElement;
        Assert.Equal(2, Assert.Single(json.EnumerateArray()).GetProperty("input").GetProperty("quantity").GetInt32());
        var html = await client.GetTextAsAsync("/audit?kind=event&action=product.delete", admin);
        Assert.Contains("<td>product.delete</td>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("download-requests", html, StringComparison.Ordinal);

        var orderRequest = Events().Single(e => (string)e["action"]! == "order.place")["request_event_id"];
        var details = JsonDocument.Parse(await client.GetTextAsAsync($"/audit/events/{orderRequest}", admin)).RootElement;
        Assert.Equal("order.place", Assert.Single(details.GetProperty("businessEvents").EnumerateArray()).GetProperty("action").GetString());
    }
}
