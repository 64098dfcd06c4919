using System.Net;
using System.Text.Json;
using AspNetAuditTrail.IntegrationTests.Databases;

namespace AspNetAuditTrail.IntegrationTests;

/// <summary>
/// The sample (integrity on with its demo keys) answers <c>GET /audit/verify</c> to admins only, and its admin page and
/// PDF reports say whether the rows verify: first untouched, then after a row is changed behind its back.
/// </summary>
public abstract class IntegrityEndpointTests(AuditDatabase database) : DatabaseTest(database)
{
    [Fact]
    public async Task VerificationIsForAdminsAndSaysWhenARowWasChanged()
    {
        await using var app = new SampleApp(Database);
        var client = app.CreateClient();
        var (alice, bob, carol) = (await DemoUsers.TokenAsync(client, "alice"), await DemoUsers.TokenAsync(client, "bob"), await DemoUsers.TokenAsync(client, "carol"));
        for (var i = 0; i < 10; i++)
        {
            (await client.GetAsync($"/api/products/1?n={i}", Token)).EnsureSuccessStatusCode();
        }

        await Database.WaitForRowsAsync("request_audit_event", 10, "query_string LIKE 'n=%'");

        var untouched = JsonDocument.Parse(await client.GetTextAsAsync("/audit/verify", alice)).RootElement;
        Assert.True(untouched.GetProperty("verified").GetBoolean(), untouched.ToString());
        Assert.True(untouched.GetProperty("rows").GetInt64() >= 10);
        Assert.Empty(untouched.GetProperty("breaks").EnumerateArray());
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsAsync("/audit/verify", carol)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsAsync("/audit/verify", bob)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsAsync("/audit/verify", null)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsAsync("/audit/verify?chain=nope", alice)).StatusCode);
        Assert.Contains("Integrity: verified", (await client.PdfPagesAsync("/audit/reports/requests.pdf", alice))[0]);
        Assert.Contains("class=\"verified\"", await client.GetTextAsAsync("/audit", alice));

        var changed = Database.Scalar<string>($"SELECT {Database.AsText("id")} FROM {Database.Requests} WHERE query_string = 'n=3'");
        Database.ExecuteInMaintenance($"UPDATE {Database.Requests} SET status_code = 500 WHERE query_string = 'n=3'");

        var broken = JsonDocument.Parse(await client.GetTextAsAsync("/audit/verify", alice)).RootElement;
        Assert.False(broken.GetProperty("verified").GetBoolean());
        var found = Assert.Single(broken.GetProperty("breaks").EnumerateArray());
        Assert.Equal(("row_changed", "request_audit_event", changed), (found.GetProperty("kind").GetString(), found.GetProperty("table").GetString(), found.GetProperty("id").GetString()));
        Assert.Contains("Integrity: NOT verified: 1 breaks", (await client.PdfPagesAsync("/audit/reports/requests.pdf", alice))[0]);
        Assert.Contains("class=\"broken\"", await client.GetTextAsAsync("/audit", alice));
    }
}
