using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AspNetAuditTrail.IntegrationTests.Databases;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AspNetAuditTrail.IntegrationTests.Changes;

/// <summary>Entity Framework Core saves in the app's own database, read back from <c>entity_change_audit_event</c> in the audit database through SQL.</summary>
public abstract class EntityChangeTests(AuditDatabase database, ShopDatabase shop) : DatabaseTest(database)
{
    private List<IDictionary<string, object?>> Changes(string where = "1 = 1") =>
        Database.Query($"SELECT * FROM {Database.Table("entity_change_audit_event")} WHERE {where} ORDER BY occurred_at, id");

    private static Dictionary<string, JsonElement>? Json(object? value) =>
        value is string text ? JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(text) : null;

    private static string Text(JsonElement value) => value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();

    private async Task<ShopApp> StartAsync()
    {
        if (shop.SkipReason is { } reason)
        {
            Assert.Skip(reason);
        }

        return await ShopApp.StartAsync(Database, shop);
    }

    private static async Task<int> CreateAsync(ShopApp app, string name, decimal price = 2.5m) =>
        await (await app.Client.PostAsJsonAsync("/api/items", new ItemInput(name, price, "hunter2"), Token)).Content.ReadFromJsonAsync<int>(Token);

    [Fact]
    public async Task ACreatedItemHasItsGeneratedKeyAndValuesAndBelongsToItsRequest()
    {
        await using var app = await StartAsync();

        var id = await CreateAsync(app, "Pen");
        await app.DrainAsync();

        var change = Assert.Single(Changes());
        var request = Assert.Single(Database.RequestRows());
        Assert.Equal(request["id"], change["request_event_id"]);
        Assert.Equal(("Item", "items", id.ToString(System.Globalization.CultureInfo.InvariantCulture), "Created", "Application"),
            ((string)change["entity_type"]!, (string)change["table_name"]!, (string)change["entity_id"]!, (string)change["action"]!, (string)change["source"]!));
        Assert.Null(change["before"]);
        var after = Json(change["after"])!;
        Assert.Equal((id.ToString(System.Globalization.CultureInfo.InvariantCulture), "Pen", "2.5", "2", "3"), (Text(after["Id"]), Text(after["Name"]), after["Price"].GetDecimal().ToString(System.Globalization.CultureInfo.InvariantCulture), Text(after["Size.Width"]), Text(after["Size.Height"])));
        Assert.Equal("***", Text(after["Password"]));
        Assert.Equal(("BR", JsonValueKind.Null), (Text(after["Origin.Country"]), after["Origin.City"].ValueKind));
        Assert.Equal("***", Text(Json(change["changed_fields"])!["Password"]));
        Assert.NotNull(change["transaction_id"]);
    }

    [Fact]
    public async Task AnUpdateListsOnlyTheChangedFieldsAndNeverTheExcludedOnes()
    {
        await using var app = await StartAsync();
        var id = await CreateAsync(app, "Pen");

        var updated = await app.Client.PutAsJsonAsync($"/api/items/{id}", new ItemInput("Pen", 4m, "hunter2"), Token);
        var moved = await app.Client.PutAsJsonAsync($"/api/items/{id}", new ItemInput("Pen", 4m, "hunter2", "Recife"), Token);
        await app.DrainAsync();

        Assert.Equal((HttpStatusCode.NoContent, HttpStatusCode.NoContent), (updated.StatusCode, moved.StatusCode));
        Assert.Equal(["Origin.City"], Json(Changes()[2]["changed_fields"])!.Keys);
        var change = Changes()[1];
        Assert.Equal("Updated", change["action"]);
        var changed = Json(change["changed_fields"])!;
        Assert.Equal(["Price"], changed.Keys);
        // The value before is as the app's database gave it back (PostgreSQL numeric(10,2): 2.50).
        Assert.Equal((2.5m, 4m), (changed["Price"].GetProperty("before").GetDecimal(), changed["Price"].GetProperty("after").GetDecimal()));
        Assert.Equal((2.5m, 4m), (Json(change["before"])!["Price"].GetDecimal(), Json(change["after"])!["Price"].GetDecimal()));
        var everything = string.Join("\n", Changes().SelectMany(c => new[] { c["before"], c["after"], c["changed_fields"] }).OfType<string>());
        Assert.DoesNotContain("SupplierCost", everything, StringComparison.Ordinal);
        Assert.DoesNotContain("InternalNote", everything, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", everything, StringComparison.Ordinal);
        Assert.DoesNotContain("do not log", everything, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ADeletionKeepsTheDeletedValuesAndAnOwnedTypesChangeIsItsOwners()
    {
        await using var app = await StartAsync();
        var id = await CreateAsync(app, "Pen");

        await app.Client.PutAsync($"/api/items/{id}/width/9", null, Token);
        await app.Client.DeleteAsync($"/api/items/{id}", Token);
        await app.DrainAsync();

        var changes = Changes();
        Assert.Equal(["Created", "Updated", "Deleted"], changes.Select(c => (string)c["action"]!));
        Assert.Equal(["Size.Width"], Json(changes[1]["changed_fields"])!.Keys);
        Assert.Equal(("2", "9"), (Text(Json(changes[1]["changed_fields"])!["Size.Width"].GetProperty("before")), Text(Json(changes[1]["changed_fields"])!["Size.Width"].GetProperty("after"))));
        var deleted = changes[2];
        Assert.Null(deleted["after"]);
        Assert.Equal(("Pen", "9"), (Text(Json(deleted["before"])!["Name"]), Text(Json(deleted["before"])!["Size.Width"])));
        Assert.Equal(id.ToString(System.Globalization.CultureInfo.InvariantCulture), deleted["entity_id"]);
    }

    [Fact]
    public async Task LinksCompositeKeysAndExcludedTypesAreRecordedAsConfigured()
    {
        await using var app = await StartAsync();
        var id = await CreateAsync(app, "Pen");

        await app.Client.PostAsync($"/api/items/{id}/tags/office", null, Token);
        await app.DrainAsync();

        var changes = Changes("action = 'Created'");
        Assert.Equal(["Item", "ItemTag", "StockLevel", "Tag"], changes.Select(c => (string)c["entity_type"]!).Order(StringComparer.Ordinal));
        var stock = changes.Single(c => (string)c["entity_type"]! == "StockLevel");
        var key = Json(stock["entity_id"])!;
        Assert.Equal(("north", id.ToString(System.Globalization.CultureInfo.InvariantCulture)), (Text(key["Warehouse"]), Text(key["ItemId"])));
        var link = Json(changes.Single(c => (string)c["entity_type"]! == "ItemTag")["after"])!;
        Assert.Equal(id.ToString(System.Globalization.CultureInfo.InvariantCulture), Text(link["ItemsId"]));
    }

    [Fact]
    public async Task AFailedSaveAndARolledBackTransactionWriteNoChangeRowsACommittedOneWritesAll()
    {
        await using var app = await StartAsync();
        var id = await CreateAsync(app, "Pen");

        var duplicate = await app.Client.PostAsJsonAsync("/api/items", new ItemInput("Pen", 1m), Token);
        await app.Client.PostAsync($"/api/items/{id}/rolled-back", null, Token);
        await app.Client.PostAsync($"/api/items/{id}/committed", null, Token);
        await app.DrainAsync();

        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
        var changes = Changes();
        Assert.Equal(["Created", "Updated", "Updated"], changes.Select(c => (string)c["action"]!));
        Assert.DoesNotContain("1234", string.Join("|", changes.Select(c => c["after"])), StringComparison.Ordinal);
        // The two saves of one transaction are recorded when it commits, together (in the same millisecond).
        Assert.Equal(["Name", "Price"], changes.Skip(1).SelectMany(c => Json(c["changed_fields"])!.Keys).Order(StringComparer.Ordinal));
        Assert.Equal(changes[1]["transaction_id"], changes[2]["transaction_id"]);
        Assert.NotEqual(changes[0]["transaction_id"], changes[1]["transaction_id"]);
    }

    [Fact]
    public async Task TwoContextsSavingInParallelEachRecordTheirOwnChanges()
    {
        await using var app = await StartAsync();

        await Parallel.ForEachAsync(Enumerable.Range(0, 20), Token, async (n, ct) =>
        {
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ShopContext>();
            db.Items.Add(new Item { Name = $"item-{n}", Price = n });
            await db.SaveChangesAsync(ct);
        });
        await app.DrainAsync();

        var changes = Changes();
        Assert.Equal(20, changes.Count);
        Assert.Equal(
            Enumerable.Range(0, 20).Select(n => ($"item-{n}", n.ToString(System.Globalization.CultureInfo.InvariantCulture))).Order(),
            changes.Select(c => Json(c["after"])!).Select(a => (Text(a["Name"]), a["Price"].GetDecimal().ToString(System.Globalization.CultureInfo.InvariantCulture))).Order());
        Assert.All(changes, c => Assert.Null(c["request_event_id"]));
    }

    [Fact]
    public async Task AnExecuteUpdateIsNamedByAWarningEventWithoutItsValues()
    {
        await using var app = await StartAsync();
        await CreateAsync(app, "Pen", 10m);

        var discounted = await app.Client.PostAsync("/api/items/discount", null, Token);
        await app.DrainAsync();

        Assert.Equal(HttpStatusCode.OK, discounted.StatusCode);
        Assert.Single(Changes());
        var warning = Assert.Single(Database.Query($"SELECT * FROM {Database.Table("audit_event")} WHERE action = 'entity-changes.not-captured'"));
        Assert.Equal(("Warning", "SystemEvent", "items"), ((string)warning["level"]!, (string)warning["category"]!, ((string)warning["resource_id"]!).Trim('"')));
        Assert.Contains("ExecuteUpdate", (string)warning["message"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutEntityFrameworkCoreRecordChangeWorksOutTheChangedFieldsTheSameWay()
    {
        await using var app = await StartAsync();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var log = scope.ServiceProvider.GetRequiredService<IAuditLog>();
            log.RecordChange("Invoice", 7, new { Total = 10.5m, Status = "open", Pin = "1234" }, new { Total = 12m, Status = "open", Pin = "9999" });
            log.RecordChange("Invoice", new { Shop = 1, Number = 8 }, null, new { Total = 1m });
            log.RecordChange("Invoice", 9, new { Total = 1m }, new { Total = 1m });
            Assert.Throws<ArgumentException>(() => log.RecordChange("Invoice", 10, null, null));
        }

        await app.DrainAsync();

        var changes = Changes();
        Assert.Equal([("7", "Updated"), ("""{"shop":1,"number":8}""", "Created")], changes.Select(c => ((string)c["entity_id"]!, (string)c["action"]!)));
        var changed = Json(changes[0]["changed_fields"])!;
        Assert.Equal(["pin", "total"], changed.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("***", Text(changed["pin"]));
        Assert.Equal((10.5m, 12m), (changed["total"].GetProperty("before").GetDecimal(), changed["total"].GetProperty("after").GetDecimal()));
        Assert.DoesNotContain("1234", string.Join("|", changes.Select(c => $"{c["before"]}{c["after"]}{c["changed_fields"]}")), StringComparison.Ordinal);
    }
}
