using AspNetAuditTrail.Configuration;
using AspNetAuditTrail.Writing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace AspNetAuditTrail.Tests.Configuration;

public class AuditTrailSetupTests
{
    private static string[] Failures(AuditTrailOptions options) =>
        new AuditTrailOptionsValidator().Validate(null, options).Failures?.ToArray() ?? [];

    [Fact]
    public void ValidOptionsPass()
    {
        Assert.Empty(Failures(new AuditTrailOptions { ConnectionString = "Data Source=audit.db" }));
    }

    [Fact]
    public void ARegexThatDoesNotCompileIsNamedWithItsSetting()
    {
        var failures = Failures(new AuditTrailOptions
        {
            ConnectionString = "Data Source=audit.db",
            RequestAuditUrls = ["^/api/", "^/orders/(unclosed"],
            SkipResponseBodyUrls = [new UrlRule { Pattern = "[z-a]" }],
        });

        Assert.Equal(2, failures.Length);
        Assert.StartsWith("AuditTrail:RequestAuditUrls:1 '^/orders/(unclosed' is not a valid regular expression", failures[0]);
        Assert.StartsWith("AuditTrail:SkipResponseBodyUrls:0:Pattern '[z-a]'", failures[1]);
    }

    [Fact]
    public void AMissingConnectionStringIsNamed()
    {
        var failure = Assert.Single(Failures(new AuditTrailOptions()));

        Assert.StartsWith("AuditTrail:ConnectionString is required", failure);
    }

    [Theory]
    [InlineData("QueueCapacity")]
    [InlineData("BatchSize")]
    [InlineData("FlushInterval")]
    [InlineData("MaxBodySize")]
    public void OutOfRangeNumbersAreNamed(string setting)
    {
        var options = new AuditTrailOptions { ConnectionString = "x" };
        switch (setting)
        {
            case "QueueCapacity": options.QueueCapacity = 0; break;
            case "BatchSize": options.BatchSize = 0; break;
            case "FlushInterval": options.FlushInterval = TimeSpan.Zero; break;
            case "MaxBodySize": options.MaxBodySize = -1; break;
        }

        Assert.StartsWith($"AuditTrail:{setting} ", Assert.Single(Failures(options)));
    }

    [Fact]
    public void SettingsBindFromTheAuditTrailSection()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AuditTrail:ConnectionString"] = "Data Source=x.db",
            ["AuditTrail:RequestAuditUrls:0"] = "^/orders/",
            ["AuditTrail:MaxBodySize"] = "100",
            ["AuditTrail:FlushInterval"] = "00:00:05",
            ["AuditTrail:SkipRequestBodyUrls:0:Pattern"] = "^/api/token$",
            ["AuditTrail:SkipRequestBodyUrls:0:Method"] = "POST",
        }).Build();
        using var services = new ServiceCollection().AddAuditTrail(configuration.GetSection("AuditTrail")).Services.BuildServiceProvider();

        var options = services.GetRequiredService<IOptions<AuditTrailOptions>>().Value;

        Assert.Equal(["^/orders/"], options.RequestAuditUrls);
        Assert.Equal(100, options.MaxBodySize);
        Assert.Equal(TimeSpan.FromSeconds(5), options.FlushInterval);
        Assert.Equal("POST", Assert.Single(options.SkipRequestBodyUrls).Method);
    }

    [Fact]
    public async Task StartupStopsOnABadRegexWithTheSettingInTheMessage()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddAuditTrail(o =>
        {
            o.ConnectionString = "Data Source=unused.db";
            o.ExcludedUrls = ["(("];
        }).UseStore(_ => new Tests.Writing.RecordingStore());
        await using var app = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync(TestContext.Current.CancellationToken));

        Assert.Contains("AuditTrail:ExcludedUrls:0", error.Message);
    }

    [Fact]
    public async Task StartupStopsWhenNoStoreWasChosen()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddAuditTrail(o => o.ConnectionString = "Data Source=unused.db");
        await using var app = builder.Build();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => app.StartAsync(TestContext.Current.CancellationToken));

        Assert.Contains(".UseSqlite(...)", error.Message);
    }

    [Fact]
    public void UseRequestAuditWithoutAddAuditTrailSaysWhatToCall()
    {
        var app = WebApplication.CreateSlimBuilder().Build();

        var error = Assert.Throws<InvalidOperationException>(() => app.UseRequestAudit());

        Assert.Contains("AddAuditTrail", error.Message);
    }

    [Fact]
    public void AddingTwiceRegistersOneWriter()
    {
        var services = new ServiceCollection();
        services.AddAuditTrail(o => o.ConnectionString = "x");
        services.AddAuditTrail(o => o.MaxBodySize = 10);

        Assert.Single(services, d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(AuditWriter));
    }
}
