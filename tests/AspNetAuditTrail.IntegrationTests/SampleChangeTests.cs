using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AspNetAuditTrail.IntegrationTests.Databases;

namespace AspNetAuditTrail.IntegrationTests;

/// <summary>The sample keeps its products with Entity Framework Core in its own SQLite database: a product's history through <c>GET /audit/changes</c>.</summary>
public abstract class SampleChangeTests(AuditDatabase database) : DatabaseTest(database)
{
    [Fact]
    public async Task AProductsHistoryIsItsChangesNewestFirstWithTheFieldsThatChanged()
    {
        await using var app = new SampleApp(Database);
        var client = app.CreateClient();
        var admin = await DemoUsers.TokenAsync(client, "alice");

        var first = await client.PutAsJsonAsync("/api/products/1", new { name = "Keyboard", price = 59.90m }, Token);
        var second = await client.PutAsJsonAsync("/api/products/1", new { name = "Keyboard Pro", price = 59.90m }, Token);
        var invalid = await client.PutAsJsonAsync("/api/products/1", new { name = "", price = 1m }, Token);
        var deleted = await client.DeleteAsync("/api/products/1", Token);
        await client.PutAsJsonAsync("/api/products/2", new { name = "Mouse", price = 9.90m }, Token);
        await Database.WaitForRowsAsync("entity_change_audit_event", 4);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.BadRequest, HttpStatusCode.NoContent), (first.StatusCode, second.StatusCode, invalid.StatusCode, deleted.StatusCode));
        var page = JsonDocument.Parse(await client.GetTextAsAsync("/audit/changes?entity=Product&id=1", admin)).RootElement;
        var history = page.GetProperty("events").EnumerateArray().ToArray();
        Assert.Equal(["Deleted", "Updated", "Updated"], history.Select(c => c.GetProperty("action").GetString()));
        Assert.Equal(["name"], history[1].GetProperty("changed_fields").EnumerateObject().Select(p => p.Name.ToLowerInvariant()));
        Assert.Equal(["price"], history[2].GetProperty("changed_fields").EnumerateObject().Select(p => p.Name.ToLowerInvariant()));
        var price = history[2].GetProperty("changed_fields").EnumerateObject().Single().Value;
        Assert.Equal((49.90m, 59.90m), (price.GetProperty("before").GetDecimal(), price.GetProperty("after").GetDecimal()));
        Assert.Equal("Keyboard Pro", history[0].GetProperty("before").EnumerateObject().Single(p => p.Name == "Name").Value.GetString());
        Assert.All(history, c => Assert.Equal("products", c.GetProperty("table_name").GetString()));

        var requests = Database.RequestRows().Where(r => (string)r["method"]! is "PUT" or "DELETE").Select(r => r["id"]!.ToString()).ToHashSet();
        Assert.All(history, c => Assert.Contains(c.GetProperty("request_event_id").GetString(), requests));
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsAsync("/audit/changes?action=renamed", admin)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsAsync("/audit/changes?status=200", admin)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsAsync("/audit/changes?entity=Product&id=1", null)).StatusCode);
        var csv = await client.GetTextAsAsync("/audit/events.csv?kind=change&entity=Product&id=2", admin);
        Assert.Equal(2, csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);

        // The admin page shows the record's history, each change's fields before and after.
        var html = await client.GetTextAsAsync("/audit?kind=change&entity=Product&id=1", admin);
        Assert.Contains("History of Product 1, newest first", html, StringComparison.Ordinal);
        Assert.Contains("<b>Name</b>: Keyboard → Keyboard Pro", html, StringComparison.Ordinal);
        Assert.Matches(@"<b>Price</b>: 49\.90? → 59\.90?", html);
        Assert.DoesNotContain("Mouse", html, StringComparison.Ordinal);

        // So does the changes report.
        var report = string.Join("\n", await client.PdfPagesAsync("/audit/reports/changes.pdf?entity=Product&id=1", admin));
        Assert.Contains("Changes report", report, StringComparison.Ordinal);
        Assert.Contains("Product Updated 2", report, StringComparison.Ordinal);
        Assert.Contains("Product Deleted 1", report, StringComparison.Ordinal);
        Assert.Contains("Keyboard Pro", report, StringComparison.Ordinal);
        Assert.DoesNotContain("Mouse", report, StringComparison.Ordinal);

        // The change rows are in the sample's hash chain: the trail verifies with them.
        await app.DrainAsync();
        await using var again = new SampleApp(Database);
        var reader = again.CreateClient();
        var verification = JsonDocument.Parse(await reader.GetTextAsAsync("/audit/verify", await DemoUsers.TokenAsync(reader, "alice"))).RootElement;
        Assert.True(verification.GetProperty("verified").GetBoolean(), verification.ToString());
    }

    [Fact]
    public async Task AProductCreatedInsideAProcessIsAChangeOfThatProcessAndItsRequest()
    {
        await using var app = new SampleApp(Database);
        var created = await app.CreateClient().PostAsJsonAsync("/api/products", new { code = "PX-1", name = "Pen", price = 2.5m }, Token);
        await app.DrainAsync();

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var change = Assert.Single(Database.Query($"SELECT * FROM {Database.Table("entity_change_audit_event")}"));
        var process = Assert.Single(Database.Query($"SELECT * FROM {Database.Table("process_audit_event")}"));
        Assert.Equal((process["id"], process["request_event_id"]), (change["process_id"], change["request_event_id"]));
        Assert.Equal(("Created", "Product"), ((string)change["action"]!, (string)change["entity_type"]!));
    }
}
