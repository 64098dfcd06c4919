using System.Net;
using System.Text.RegularExpressions;
using AspNetAuditTrail.IntegrationTests.Databases;

namespace AspNetAuditTrail.IntegrationTests;

/// <summary>The overview and the suspicious-activity view over a seeded day (<see cref="InsightData"/>) in a real database.</summary>
public abstract partial class InsightTests(AuditDatabase database) : DatabaseTest(database)
{
    [Fact]
    public async Task TheOverviewsFiguresAndChartsHoldTheSeededNumbers()
    {
        await using var app = await StartAsync();
        var client = app.CreateClient();
        var html = await client.GetTextAsAsync($"/audit/overview?{InsightData.Period}", await DemoUsers.TokenAsync(client, "alice"));

        Assert.Equal($"{InsightData.Requests}", Figure(html, "figure-requests"));
        Assert.Equal("1.2 %", Figure(html, "figure-error-rate"));
        Assert.Equal("31", Figure(html, "figure-client-errors"));
        Assert.Equal("9", Figure(html, "figure-failed-sign-ins"));
        Assert.Equal("18.2 %", Figure(html, "figure-sign-in-success"));

        // Requests by status class: one column per hour; the 5xx all at 11:00, the 4xx at 10:00 and 14:00.
        var requests = Marks(html, "chart-requests");
        Assert.Equal(InsightData.Requests, requests.Sum(m => m.Value));
        Assert.Equal([("11:00", 4)], requests.Where(m => m.Series == "5xx").Select(m => (m.Bucket, m.Value)));
        Assert.Equal([("10:00", 6), ("14:00", 25)], requests.Where(m => m.Series == "4xx").Select(m => (m.Bucket, m.Value)));
        Assert.Equal([("03:00", 6), ("04:00", 1), ("07:00", 1), ("10:00", 1)], Marks(html, "chart-failed-sign-ins").Select(m => (m.Bucket, m.Value)));

        Assert.Equal(("POST /api/orders", "100.0"), Bars(html, "chart-slowest")[0]);
        Assert.Contains(("GET /api/orders", "29.0"), Bars(html, "chart-slowest"));
        Assert.Equal([("AccessDenied (Warning)", "2"), ("SuspiciousActivity (Critical)", "1")], Bars(html, "chart-security"));
        Assert.Equal([("mallory", "25"), ("victim", "6"), ("oops", "3")], Bars(html, "chart-failing-users"));
        Assert.Equal(("198.51.100.20", "25"), Bars(html, "chart-failing-addresses")[0]);
        Assert.Equal([("orders", "3"), ("billing", "1")], Bars(html, "chart-business"));
    }

    [Fact]
    public async Task TheSuspiciousViewNamesEachIncidentOnce()
    {
        await using var app = await StartAsync();
        var client = app.CreateClient();
        var html = await client.GetTextAsAsync($"/audit/suspicious?{InsightData.Period}", await DemoUsers.TokenAsync(client, "alice"));

        var rows = FindingRow().Matches(html).Select(m => (Kind: m.Groups[1].Value, Text: m.Groups[2].Value)).ToList();
        Assert.Equal(
            ["BruteForceAddress", "BruteForceUser", "CrossTenant", "ManyForbidden", "OutsideWorkingHours", "UnusualVolume"],
            rows.Select(r => r.Kind).Order(StringComparer.Ordinal));
        Assert.Contains(">victim<", rows.Single(r => r.Kind == "BruteForceUser").Text);
        Assert.Contains("<td>6</td>", rows.Single(r => r.Kind == "BruteForceAddress").Text);
        Assert.Contains("203.0.113.5", rows.Single(r => r.Kind == "BruteForceAddress").Text);
        Assert.Contains("<td>2</td>", rows.Single(r => r.Kind == "CrossTenant").Text);
        Assert.Contains("<td>25</td>", rows.Single(r => r.Kind == "ManyForbidden").Text);
        Assert.Contains("2026-11-18 22:30:00", rows.Single(r => r.Kind == "OutsideWorkingHours").Text);
        var unusual = rows.Single(r => r.Kind == "UnusualVolume").Text;
        Assert.Contains(">erin<", unusual);
        Assert.Contains("their usual day over the 14 days before: 10", unusual);
        Assert.DoesNotContain("frank", html);
        Assert.DoesNotContain(">oops<", html);
    }

    [Fact]
    public async Task ATenantViewerSeesOnlyTheirTenantAndBadPeriodsAreRefused()
    {
        await using var app = await StartAsync();
        var client = app.CreateClient();
        var carol = await DemoUsers.TokenAsync(client, "carol");
        var html = await client.GetTextAsAsync($"/audit/overview?{InsightData.Period}", carol);
        Assert.Equal("10", Figure(html, "figure-requests"));
        Assert.DoesNotContain("period-tenant", html);
        Assert.Contains("Nothing suspicious", await client.GetTextAsAsync($"/audit/suspicious?{InsightData.Period}", carol));

        var alice = await DemoUsers.TokenAsync(client, "alice");
        Assert.Equal("10", Figure(await client.GetTextAsAsync($"/audit/overview?{InsightData.Period}&tenant=acme", alice), "figure-requests"));
        var bad = await client.GetAsAsync("/audit/overview?days=0", alice);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("&#x27;days&#x27; must be a number of days from 1 to 366.", await bad.Content.ReadAsStringAsync(Token));
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsAsync("/audit/suspicious?from=2026-11-19&to=2026-11-18", alice)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsAsync("/audit/overview", null)).StatusCode);
    }

    [Fact]
    public async Task TheStatisticsSuspiciousAndSecurityReportsOpenWithTheirChartsAndHoldTheSeededNumbers()
    {
        await using var app = await StartAsync();
        var client = app.CreateClient();
        var alice = await DemoUsers.TokenAsync(client, "alice");

        var statistics = await client.PdfPagesAsync($"/audit/reports/statistics.pdf?{InsightData.Period}", alice);
        var text = string.Join("\n", statistics);
        Assert.Contains("Statistics report", statistics[0]);
        Assert.Contains("Pulled by alice", statistics[0]);
        Assert.Contains($"Requests: {InsightData.Requests}", text);
        Assert.Contains("Error rate (5xx): 1.2 %", text);
        Assert.Contains("Sign-in success rate: 18.2 %", text);
        Assert.Contains("2xx 302", text); // the chart's legend: 30 + 2 + 150 + 120
        Assert.Contains("5xx 4", text);
        Assert.Contains("GET /api/reports", text);
        Assert.Contains("mallory", text);
        NumberedPages(statistics, 2);

        var suspicious = await client.PdfPagesAsync($"/audit/reports/suspicious.pdf?{InsightData.Period}", alice);
        NumberedPages(suspicious, 1);
        text = string.Join("\n", suspicious);
        Assert.Contains("Suspicious-activity report", text);
        Assert.Contains("Incidents: 6", text);
        Assert.Contains("Brute force on a user", text);
        Assert.Contains("203.0.113.5", text);
        Assert.Contains("erin", text);
        Assert.DoesNotContain("frank", text);

        var security = await client.PdfPagesAsync($"/audit/reports/security.pdf?{InsightData.Period}", alice);
        NumberedPages(security, 1);
        text = string.Join("\n", security);
        Assert.Contains("Security report", text);
        Assert.Contains("Security events: 3; failed sign-ins: 9; sign-ins: 2", text);
        Assert.Contains("AccessDenied (Warning)", text);
        Assert.Contains("WrongTenant", text);

        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsAsync("/audit/reports/statistics.pdf?days=x", alice)).StatusCode);
    }

    [Fact]
    public async Task TheSignInSecurityAndProcessViewsListTheirRowsNewestFirst()
    {
        await using var app = await StartAsync();
        var client = app.CreateClient();
        var alice = await DemoUsers.TokenAsync(client, "alice");

        var logins = await client.GetTextAsAsync($"/audit/logins?{InsightData.Period}", alice);
        Assert.Contains("<p id=\"count\">11 in this period.</p>", logins);
        Assert.Equal(9, Regex.Count(logins, "<td class=\"s5\">Failed</td>"));
        Assert.True(logins.IndexOf("10.0.0.1", StringComparison.Ordinal) < logins.IndexOf("203.0.113.5", StringComparison.Ordinal), "newest first");
        Assert.Contains("reports/logins.pdf?from=", logins);

        var security = await client.GetTextAsAsync($"/audit/security?{InsightData.Period}&user=mallory", alice);
        Assert.Contains("<p id=\"count\">2 in this period.</p>", security);
        Assert.Contains("WrongTenant", security);

        var processes = await client.GetTextAsAsync($"/audit/processes?{InsightData.Period}", alice);
        Assert.Contains("<td><b>Checkout</b></td>", processes);
        Assert.Contains("<td class=\"s4\">Incomplete</td>", processes);
        Assert.Contains("1 of 1: ✔ stock: 2 reserved", WebUtility.HtmlDecode(processes));
        Assert.Contains("0 of 1: ", processes);
        Assert.Contains("None in this period.", await client.GetTextAsAsync("/audit/processes?from=2026-01-01T00:00:00Z&to=2026-01-02T00:00:00Z", alice));
    }

    /// <summary>The report has the pages expected for the seeded day, and every page says "Page i of n".</summary>
    private static void NumberedPages(string[] pages, int expected)
    {
        Assert.Equal(expected, pages.Length);
        for (var i = 0; i < pages.Length; i++)
        {
            Assert.Contains($"Page {i + 1} of {pages.Length}", pages[i]);
        }
    }

    private async Task<SampleApp> StartAsync()
    {
        await InsightData.SeedAsync(Database);
        return new SampleApp(Database);
    }

    internal static string Figure(string html, string id) => Regex.Match(html, $"<div id=\"{id}\"><b>([^<]*)</b>").Groups[1].Value;

    internal static List<(string Series, string Bucket, int Value)> Marks(string html, string chart) =>
        [.. ColumnMark().Matches(Chart(html, chart)).Select(m => (m.Groups[1].Value, m.Groups[2].Value, int.Parse(m.Groups[3].Value, System.Globalization.CultureInfo.InvariantCulture)))];

    internal static List<(string Label, string Value)> Bars(string html, string chart) =>
        [.. BarMark().Matches(Chart(html, chart)).Select(m => (WebUtility.HtmlDecode(m.Groups[1].Value), m.Groups[2].Value))];

    private static string Chart(string html, string id)
    {
        var start = html.IndexOf($"<figure class=\"card\" id=\"{id}\">", StringComparison.Ordinal);
        Assert.True(start >= 0, $"No chart {id}");
        return html[start..html.IndexOf("</figure>", start, StringComparison.Ordinal)];
    }

    [GeneratedRegex("data-series=\"([^\"]*)\" data-bucket=\"([^\"]*)\" data-value=\"(\\d+)\"")]
    private static partial Regex ColumnMark();

    [GeneratedRegex("<rect [^>]*data-label=\"([^\"]*)\" data-value=\"([^\"]*)\"")]
    private static partial Regex BarMark();

    [GeneratedRegex("<tr data-kind=\"(\\w+)\">(.*?)</tr>")]
    private static partial Regex FindingRow();
}
