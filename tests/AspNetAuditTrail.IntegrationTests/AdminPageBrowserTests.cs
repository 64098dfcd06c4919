using System.Net.Http.Json;
using System.Text.Json;
using AspNetAuditTrail.IntegrationTests.Databases;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using OpenQA.Selenium;

namespace AspNetAuditTrail.IntegrationTests;

/// <summary>
/// The admin page in headless Chromium (Debian packages chromium and chromium-driver), against the sample on a
/// real Kestrel port: it renders, its filter form filters, and a PDF report downloads.
/// </summary>
public sealed class AdminPageBrowserTests() : DatabaseTest(new SqliteAuditDatabase())
{
    [Fact]
    public async Task ThePageRendersFiltersAndDownloadsAReport()
    {
        await using var app = new SampleApp(Database, new() { ["urls"] = "http://127.0.0.1:0" });
        app.UseKestrel(0);
        app.StartServer();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        using var client = new HttpClient { BaseAddress = new Uri(address) };
        await client.GetAsync("/api/products", Token);
        await client.PostAsJsonAsync("/api/products", new { code = "BR-1", name = "Browser", price = 3 }, Token);
        var token = (await (await client.PostAsJsonAsync("/api/token", new { username = "alice", password = "alice-password" }, Token))
            .Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("access_token").GetString()!;
        await Task.Delay(300, Token);

        var downloads = Directory.CreateTempSubdirectory("audit-downloads-").FullName;
        try
        {
            using var chromium = HeadlessChromium.Start(downloads);
            var browser = chromium.Driver;
            chromium.SignIn(address, token);
            browser.Navigate().GoToUrl($"{address}/audit");

            Assert.Equal("Audit trail", browser.Title);
            var rows = browser.FindElements(By.CssSelector("#events tbody tr"));
            Assert.True(rows.Count >= 3, $"{rows.Count} rows");
            Assert.Contains(rows, r => r.Text.Contains("GET", StringComparison.Ordinal));

            browser.FindElement(By.Id("filter-method")).SendKeys("POST");
            browser.FindElement(By.Id("filter-path")).SendKeys("/api/products*");
            browser.FindElement(By.Id("apply")).Click();
            for (var i = 0; i < 100 && !browser.Url.Contains("method=POST", StringComparison.Ordinal); i++)
            {
                await Task.Delay(50, Token); // the filtered page may still be loading on a busy machine
            }

            Assert.Contains("method=POST", browser.Url);
            var filtered = browser.FindElements(By.CssSelector("#events tbody tr"));
            var only = Assert.Single(filtered);
            Assert.Contains("POST", only.Text);
            Assert.Contains("/api/products", only.Text);

            browser.FindElement(By.Id("download-requests")).Click();
            var pdf = await WaitForDownloadAsync(downloads);
            Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString((await File.ReadAllBytesAsync(pdf, Token))[..4]));
        }
        finally
        {
            Directory.Delete(downloads, recursive: true);
        }
    }

    private static async Task<string> WaitForDownloadAsync(string folder)
    {
        for (var i = 0; i < 300; i++)
        {
            if (Directory.GetFiles(folder, "*.pdf").FirstOrDefault() is { } file && new FileInfo(file).Length > 0)
            {
                return file;
            }

            await Task.Delay(50, Token);
        }

        Assert.Fail("No PDF arrived in the download folder: " + string.Join(", ", Directory.GetFiles(folder)));
        return "";
    }
}
