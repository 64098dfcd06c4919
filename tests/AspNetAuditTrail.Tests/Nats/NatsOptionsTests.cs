using AspNetAuditTrail.Nats;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Options;

namespace AspNetAuditTrail.Tests.Nats;

/// <summary>The NATS settings: defaults that work, each bad one named by its key, servers shown without credentials.</summary>
public sealed class NatsOptionsTests
{
    private static readonly NatsOptionsValidator Validator = new("AuditTrail:Nats");

    [Fact]
    public void DefaultsWithAUrlAndASubjectAreValid()
    {
        var result = Validator.Validate(null, new NatsPublishOptions { Url = "nats://a:4222, nats://b:4222", Subject = "audit.orders-api" });
        Assert.True(result.Succeeded, result.FailureMessage);
        Assert.True(Validator.Validate(null, new NatsConsumeOptions { Url = "nats://a:4222" }).Succeeded);
    }

    [Theory]
    [InlineData(null, "audit.x", "AuditTrail:Nats:Url")]
    [InlineData("http://a:4222", "audit.x", "AuditTrail:Nats:Url")]
    [InlineData("nats://a", "audit.x y", "AuditTrail:Nats:Subject must be")]
    [InlineData("nats://a", "audit.*", "AuditTrail:Nats:Subject must be")]
    [InlineData("nats://a", "other.orders", "is not one of the stream's subjects")]
    public void ABadPublishSettingIsNamed(string? url, string subject, string expected)
    {
        var result = Validator.Validate(null, new NatsPublishOptions { Url = url, Subject = subject });
        Assert.False(result.Succeeded);
        Assert.Contains(expected, result.FailureMessage);
    }

    [Fact]
    public void BadConsumerSettingsAreEachNamed()
    {
        var result = Validator.Validate(null, new NatsConsumeOptions
        {
            Url = "nats://a", Consumer = "a.b", BatchSize = 0, AckWait = TimeSpan.FromSeconds(5), Timeout = TimeSpan.FromSeconds(10),
            Replicas = 7, StreamSubjects = "audit.>.x", MaxBytes = 0, MaxHealthyLag = 0,
        });
        Assert.False(result.Succeeded);
        foreach (var key in new[] { "Consumer", "BatchSize", "AckWait", "Replicas", "StreamSubjects", "MaxBytes", "MaxHealthyLag" })
        {
            Assert.Contains($"AuditTrail:Nats:{key} must", result.FailureMessage);
        }
    }

    [Theory]
    [InlineData("audit.>", "audit.orders", true)]
    [InlineData("audit.>", "audit.orders.eu", true)]
    [InlineData("audit.>", "audit", false)]
    [InlineData("audit.*", "audit.orders", true)]
    [InlineData("audit.*", "audit.orders.eu", false)]
    [InlineData("audit.orders", "audit.billing", false)]
    public void SubjectsMatchFiltersAsNatsDoes(string filter, string subject, bool matches) =>
        Assert.Equal(matches, NatsStreamSetup.Matches(filter, subject));

    [Fact]
    public void ServersAreShownWithoutCredentials() =>
        Assert.Equal("nats://a:4222,tls://b:4333", NatsStreamSetup.Servers(" nats://user:secret@a , tls://token@b:4333"));

    [Fact]
    public async Task TheSubjectDefaultsToTheServiceNameAndTheConnectionStringToTheServers()
    {
        await using var services = new ServiceCollection()
            .AddSingleton<IHostEnvironment>(new HostingEnvironment { ApplicationName = "nats-tests" })
            .AddAuditTrail(o => o.ServiceName = "Orders API/eu")
            .UseNatsJetStream(o => o.Url = "nats://svc:pw@n1:4222,nats://n2")
            .Services.BuildServiceProvider();
        Assert.Equal("nats:nats://n1:4222,nats://n2:4222/AUDIT/audit.Orders-API-eu", services.GetRequiredService<AspNetAuditTrail.Storage.IAuditStore>().Identity);
        var connection = services.GetRequiredService<IOptions<AspNetAuditTrail.Configuration.AuditTrailOptions>>().Value.ConnectionString;
        Assert.Equal("nats://n1:4222,nats://n2:4222", connection);
        Assert.DoesNotContain("pw", connection);
    }

    [Fact]
    public void ADefaultSubjectOutsideTheStreamIsRefusedWhenTheStoreIsMade()
    {
        using var services = new ServiceCollection()
            .AddSingleton<IHostEnvironment>(new HostingEnvironment { ApplicationName = "nats-tests" })
            .AddAuditTrail(o => o.ServiceName = "orders")
            .UseNatsJetStream(o => { o.Url = "nats://n1"; o.StreamSubjects = "events.>"; })
            .Services.BuildServiceProvider();
        var error = Assert.Throws<InvalidOperationException>(() => services.GetRequiredService<AspNetAuditTrail.Storage.IAuditStore>());
        Assert.Contains("'audit.orders' is not one of the stream's subjects", error.Message);
    }
}
