using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;

namespace AspNetAuditTrail.IntegrationTests;

/// <summary>Debian's chromium driven through chromium-driver, headless, in a throwaway profile; a test is skipped, with the reason, where they are not installed.</summary>
internal sealed class HeadlessChromium : IDisposable
{
    private const string Chromium = "/usr/bin/chromium";
    private const string ChromeDriver = "/usr/bin/chromedriver";
    private readonly string _profile;
    private readonly ChromeDriverService _service;

    private HeadlessChromium(string? downloads)
    {
        _profile = Directory.CreateTempSubdirectory("audit-chromium-").FullName;
        var options = new ChromeOptions { BinaryLocation = Chromium };
        options.AddArguments(
            "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run", "--window-size=1366,900",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", $"--user-data-dir={_profile}");
        options.SetLoggingPreference(LogType.Browser, LogLevel.All);
        if (downloads is not null)
        {
            options.AddUserProfilePreference("download.default_directory", downloads);
            options.AddUserProfilePreference("download.prompt_for_download", false);
            options.AddUserProfilePreference("plugins.always_open_pdf_externally", true);
        }

        _service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(ChromeDriver)!, Path.GetFileName(ChromeDriver));
        _service.HideCommandPromptWindow = true;
        Driver = new ChromeDriver(_service, options, TimeSpan.FromSeconds(60));
    }

    public ChromeDriver Driver { get; }

    /// <summary>Starts the browser (downloads going to <paramref name="downloads"/> when given), or skips the test.</summary>
    public static HeadlessChromium Start(string? downloads = null)
    {
        if (!File.Exists(Chromium) || !File.Exists(ChromeDriver))
        {
            Assert.Skip("Chromium is not installed (Debian packages chromium and chromium-driver).");
        }

        return new HeadlessChromium(downloads);
    }

    /// <summary>Signs in to the app at <paramref name="address"/> with a bearer token in the <c>access_token</c> cookie, as the sample reads it.</summary>
    public void SignIn(string address, string token)
    {
        Driver.Navigate().GoToUrl($"{address}/health");
        Driver.Manage().Cookies.AddCookie(new Cookie("access_token", token, "/"));
    }

    public void Dispose()
    {
        Driver.Quit();
        Driver.Dispose();
        _service.Dispose();
        Directory.Delete(_profile, recursive: true);
    }
}
