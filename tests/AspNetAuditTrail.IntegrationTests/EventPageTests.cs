using System.Net.Http.Headers;
using System.Net.Http.Json;
using AspNetAuditTrail.IntegrationTests.Databases;

namespace AspNetAuditTrail.IntegrationTests;

/// <summary>A request's page: <c>GET /audit/events/{id}</c> asked for as HTML shows the request, its bodies pretty-printed and every linked row.</summary>
public abstract class EventPageTests(AuditDatabase database) : DatabaseTest(database)
{
    [Fact]
    public async Task ABrowserGetsTheRequestsPageWithItsBodiesAndLinkedRowsAnApiClientTheJson()
    {
        await using var app = new SampleApp(Database);
        var client = app.CreateClient();
        var admin = await DemoUsers.TokenAsync(client, "alice");
        await client.PostAsJsonAsync("/api/orders", new { customer = "ana", productCode = "PEN", quantity = 2, cardNumber = "4111111111111111" }, Token);
        await client.PutAsJsonAsync("/api/products/2", new { name = "Mouse", price = 9.9m }, Token);
        await Database.WaitForRowsAsync("entity_change_audit_event", 1);
        await Database.WaitForRowsAsync("audit_event", 1);
        var order = Database.Scalar<string>($"SELECT {Database.AsText("id")} FROM {Database.Requests} WHERE method = 'POST' AND path = '/api/orders'");
        var put = Database.Scalar<string>($"SELECT {Database.AsText("id")} FROM {Database.Requests} WHERE method = 'PUT'");

        async Task<HttpResponseMessage> PageAsync(string id)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/audit/events/{id}");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", admin);
            request.Headers.Accept.ParseAdd("text/html,application/xhtml+xml;q=0.9,*/*;q=0.8");
            return (await client.SendAsync(request, Token)).EnsureSuccessStatusCode();
        }

        var page = await PageAsync(order);
        var html = await page.Content.ReadAsStringAsync(Token);
        Assert.Equal("text/html", page.Content.Headers.ContentType!.MediaType);
        Assert.Contains("default-src 'none'", Assert.Single(page.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
        Assert.Contains("<h1 id=\"request\">POST /api/orders <span class=\"s2\">201</span></h1>", html, StringComparison.Ordinal);
        Assert.Contains("\n  &quot;cardNumber&quot;: &quot;***&quot;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("4111111111111111", html, StringComparison.Ordinal);
        Assert.Contains("<table id=\"business-events\">", html, StringComparison.Ordinal);
        Assert.Contains("order.place", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        var changes = await (await PageAsync(put)).Content.ReadAsStringAsync(Token);
        Assert.Contains("<table id=\"changes\">", changes, StringComparison.Ordinal);
        Assert.Contains("&quot;before&quot;: 19.9", changes, StringComparison.Ordinal);

        var json = await client.GetTextAsAsync($"/audit/events/{order}", admin);
        Assert.StartsWith("{\"request\":", json, StringComparison.Ordinal);
    }
}
