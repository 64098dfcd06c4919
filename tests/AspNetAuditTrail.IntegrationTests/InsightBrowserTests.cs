using AspNetAuditTrail.IntegrationTests.Databases;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using OpenQA.Selenium;

namespace AspNetAuditTrail.IntegrationTests;

/// <summary>
/// The overview and the suspicious-activity view in headless Chromium over the seeded day of <see cref="InsightData"/>:
/// the charts hold the seeded numbers, every other view lists its rows, the browser reports no Content-Security-Policy
/// violation, and a screenshot of each view is kept (in <c>AUDIT_TEST_ARTIFACTS</c>, or <c>artifacts/</c> beside the suite).
/// </summary>
public sealed class InsightBrowserTests() : DatabaseTest(new SqliteAuditDatabase())
{
    [Fact]
    public async Task TheChartsDrawTheSeededNumbersUnderTheStrictPolicy()
    {
        using var chromium = HeadlessChromium.Start();
        await InsightData.SeedAsync(Database);
        await using var app = new SampleApp(Database, new() { ["urls"] = "http://127.0.0.1:0" });
        app.UseKestrel(0);
        app.StartServer();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        using var client = new HttpClient { BaseAddress = new Uri(address) };
        var token = await DemoUsers.TokenAsync(client, "alice");
        var artifacts = Environment.GetEnvironmentVariable("AUDIT_TEST_ARTIFACTS") is { Length: > 0 } folder ? folder : Path.Combine(AppContext.BaseDirectory, "artifacts");
        Directory.CreateDirectory(artifacts);
        var browser = chromium.Driver;
        chromium.SignIn(address, token);
        browser.Navigate().GoToUrl($"{address}/audit/overview?{InsightData.Period}");
        Assert.Equal("Audit trail overview", browser.Title);
        Assert.Equal($"{InsightData.Requests}", browser.FindElement(By.CssSelector("#figure-requests b")).Text);
        var columns = browser.FindElements(By.CssSelector("#chart-requests svg.chart rect"));
        Assert.Equal(InsightData.Requests, columns.Sum(r => int.Parse(r.GetAttribute("data-value")!, System.Globalization.CultureInfo.InvariantCulture)));
        var serverErrors = Assert.Single(columns, r => r.GetAttribute("data-series") == "5xx");
        Assert.Equal("4", serverErrors.GetAttribute("data-value"));
        Assert.True(serverErrors.Size.Height > 0, "the 5xx column is drawn");
        Assert.Equal(4, browser.FindElements(By.CssSelector("#chart-failed-sign-ins svg.chart rect")).Count);
        Assert.Equal(["orders", "billing"], browser.FindElements(By.CssSelector("#chart-business svg.chart rect")).Select(r => r.GetAttribute("data-label")));
        var first = browser.FindElements(By.CssSelector("#chart-failing-users svg.chart rect"))[0];
        Assert.Equal(("mallory", "25"), (first.GetAttribute("data-label"), first.GetAttribute("data-value")));
        Assert.True(first.Size.Width > browser.FindElements(By.CssSelector("#chart-failing-users svg.chart rect"))[1].Size.Width, "bars are drawn to scale");
        ((ITakesScreenshot)browser).GetScreenshot().SaveAsFile(Path.Combine(artifacts, "overview.png"));

        browser.Navigate().GoToUrl($"{address}/audit/suspicious?{InsightData.Period}");
        Assert.Equal(6, browser.FindElements(By.CssSelector("#findings tbody tr")).Count);
        Assert.Equal(6, browser.FindElements(By.CssSelector("#chart-suspicious svg.chart rect")).Count);
        ((ITakesScreenshot)browser).GetScreenshot().SaveAsFile(Path.Combine(artifacts, "suspicious.png"));

        // Every other view over the same day: its rows are there, and a screenshot of it is kept.
        foreach (var (view, rows, expected) in new[]
        {
            ("logins", "#rows tbody tr", 11), ("security", "#rows tbody tr", 3), ("processes", "#rows tbody tr", 3),
            ("", "#events tbody tr", 50), ("?kind=event", "#events tbody tr", 4),
        })
        {
            var separator = view.Contains('?', StringComparison.Ordinal) ? "&" : "?";
            browser.Navigate().GoToUrl($"{address}/audit/{view}{separator}{InsightData.Period}");
            Assert.True(browser.FindElements(By.CssSelector(rows)).Count == expected, $"{view}: {browser.FindElements(By.CssSelector(rows)).Count} rows");
            ((ITakesScreenshot)browser).GetScreenshot().SaveAsFile(Path.Combine(artifacts, $"{(view.Length == 0 ? "requests" : view.Trim('?').Replace('=', '-'))}.png"));
        }

        var console = browser.Manage().Logs.GetLog(LogType.Browser).Select(e => e.Message).ToList();
        Assert.DoesNotContain(console, m => m.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase) || m.Contains("Refused to", StringComparison.Ordinal));
    }
}
