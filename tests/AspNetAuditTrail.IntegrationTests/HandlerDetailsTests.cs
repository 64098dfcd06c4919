using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

using AspNetAuditTrail.IntegrationTests.Databases;

namespace AspNetAuditTrail.IntegrationTests;

public abstract class HandlerDetailsTests(AuditDatabase database) : DatabaseTest(database)
{
    private static JsonElement Json(object? column) => JsonDocument.Parse((string)column!).RootElement;

    [Fact]
    public async Task AControllerActionRecordsItsArgumentsValidationErrorsAndResult()
    {
        await using var app = new SampleApp(Database);

        var response = await app.CreateClient().PostAsJsonAsync("/api/orders", new { customer = "", quantity = 0, cardNumber = "4111-1111" }, Token);
        var row = Assert.Single(await app.DrainAsync());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Orders", row["controller"]);
        Assert.Equal("Create", row["action"]);
        Assert.Equal("api/orders", row["route_template"]);
        var request = Json(row["action_arguments"]).GetProperty("request");
        Assert.Equal("***", request.GetProperty("cardNumber").GetString());
        Assert.Equal(0, request.GetProperty("quantity").GetInt32());
        Assert.False(Json(row["action_arguments"]).TryGetProperty("audit", out _));
        var errors = Json(row["validation_errors"]);
        Assert.Equal(["Customer", "ProductCode", "Quantity"], errors.EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal("The field Quantity must be between 1 and 100.", errors.GetProperty("Quantity")[0].GetString());
        Assert.Equal("BadRequestObjectResult", row["result_type"]);
        Assert.Equal(400L, row["result_status_code"]);
        Assert.Equal(0L, Database.Scalar<long>($"SELECT count(*) FROM {Database.Requests} WHERE {Database.AsText("action_arguments")} LIKE '%4111%' OR request_body LIKE '%4111%'"));
    }

    [Fact]
    public async Task AValidControllerCallRecordsItsResultAndNoValidationErrors()
    {
        await using var app = new SampleApp(Database);

        var response = await app.CreateClient().PostAsJsonAsync("/api/orders", new { customer = "bob", productCode = "KB-01", quantity = 2 }, Token);
        var row = Assert.Single(await app.DrainAsync());

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Null(row["validation_errors"]);
        Assert.Equal("CreatedAtActionResult", row["result_type"]);
        Assert.Equal(201L, row["result_status_code"]);
        Assert.Equal("bob", Json(row["action_arguments"]).GetProperty("request").GetProperty("customer").GetString());
        Assert.Equal("""{"orderId":2}""", row["extra_information"]);
    }

    [Fact]
    public async Task AMinimalApiRecordsItsEndpointRouteValuesAndResult()
    {
        await using var app = new SampleApp(Database);

        await app.CreateClient().GetAsync("/api/products/1", Token);
        var row = Assert.Single(await app.DrainAsync());

        Assert.Null(row["controller"]);
        Assert.Equal("HTTP: GET /api/products/{id:int}", row["action"]);
        Assert.Equal("/api/products/{id:int}", row["route_template"]);
        Assert.Equal("""{"id":"1"}""", row["route_values"]);
        Assert.Equal("""{"id":1}""", row["action_arguments"]);
        Assert.Equal("Ok<Product>", row["result_type"]);
        Assert.Equal(200L, row["result_status_code"]);
    }

    [Fact]
    public async Task AMinimalApiValidationProblemIsRecorded()
    {
        await using var app = new SampleApp(Database);

        await app.CreateClient().PostAsJsonAsync("/api/products", new { code = "C", name = "", price = 1 }, Token);
        var row = Assert.Single(await app.DrainAsync());

        Assert.Equal("""{"name":["The name is required."]}""", row["validation_errors"]);
        Assert.Equal(400L, row["result_status_code"]);
    }

    [Fact]
    public async Task AuditEnablesAnUnmatchedUrlAndMasksItsArguments()
    {
        await using var app = new SampleApp(Database);
        var client = app.CreateClient();

        var legacy = await client.GetAsync("/legacy/orders/1?token=s3cr3t", Token);
        var webhook = await client.PostAsJsonAsync("/webhooks/payments", new { paymentId = "p-9", status = "paid", amount = 12.5 }, Token);
        var rows = (await app.DrainAsync()).ToDictionary(r => (string)r["path"]!);

        Assert.Equal(HttpStatusCode.OK, legacy.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, webhook.StatusCode);
        var row = rows["/legacy/orders/1"];
        Assert.Equal("GetLegacy", row["action"]);
        Assert.Equal("token=***", row["query_string"]);
        Assert.Equal("""{"id":1,"token":"***"}""", row["action_arguments"]);
        Assert.Equal("SkippedByRule", row["response_body_status"]);
        Assert.Null(row["response_body"]);
        Assert.Equal("Captured", rows["/webhooks/payments"]["request_body_status"]);
        Assert.Equal("p-9", Json(rows["/webhooks/payments"]["action_arguments"]).GetProperty("notification").GetProperty("paymentId").GetString());
        Assert.Equal(0L, Database.Scalar<long>($"SELECT count(*) FROM {Database.Requests} WHERE {Database.AsText("route_values")} LIKE '%s3cr3t%' OR {Database.AsText("action_arguments")} LIKE '%s3cr3t%' OR query_string LIKE '%s3cr3t%'"));
    }

    [Fact]
    public async Task SkipAuditWinsOverAuditOnTheController()
    {
        await using var app = new SampleApp(Database);
        var client = app.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/orders/health", Token)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/orders", Token)).StatusCode);
        var row = Assert.Single(await app.DrainAsync());

        Assert.Equal("List", row["action"]);
    }

    [Fact]
    public async Task TheGlobalFilterAndTheAttributeTogetherGiveOneRowWithOneRecord()
    {
        await using var app = new SampleApp(Database);
        var client = app.CreateClient();

        for (var i = 0; i < 5; i++)
        {
            await client.GetAsync($"/api/orders?customer=c{i}", Token);
        }

        var rows = await app.DrainAsync();

        Assert.Equal(5, rows.Count);
        Assert.All(rows, r => Assert.Equal("List", r["action"]));
        Assert.Equal(
            Enumerable.Range(0, 5).Select(i => $$"""{"customer":"c{{i}}"}"""),
            rows.Select(r => (string)r["action_arguments"]!).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task FiltersWorkWhenTheBodyIsNotCaptured()
    {
        await using var app = new SampleApp(Database, new() { ["AuditTrail:SkipRequestBodyUrls:0:Pattern"] = "^/api/orders$" });

        await app.CreateClient().PostAsJsonAsync("/api/orders", new { customer = "eve", productCode = "MS-01", quantity = 1 }, Token);
        var row = Assert.Single(await app.DrainAsync());

        Assert.Equal("SkippedByRule", row["request_body_status"]);
        Assert.Null(row["request_body"]);
        Assert.Equal("eve", Json(row["action_arguments"]).GetProperty("request").GetProperty("customer").GetString());
    }
}
