using AspNetAuditTrail.Collector;
using AspNetAuditTrail.IntegrationTests.Databases;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AspNetAuditTrail.IntegrationTests;

/// <summary>A collector on Kestrel (loopback, a free port) storing into the test's database, accepting the given senders.</summary>
internal sealed class CollectorHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string _keys;

    private CollectorHost(WebApplication app, HttpClient client, string keys) => (_app, Client, _keys) = (app, client, keys);

    public HttpClient Client { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<CollectorHost> StartAsync(
        AuditDatabase database,
        IEnumerable<M2mSender> senders,
        Action<AuditTrailCollectorOptions>? configure = null,
        Action<IServiceCollection>? services = null,
        string url = "http://127.0.0.1:0",
        Action<Configuration.AuditTrailOptions>? trail = null)
    {
        var keys = Directory.CreateTempSubdirectory("collector-keys-").FullName;
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(url);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var journal = Directory.CreateTempSubdirectory("audit-journal-").FullName;
        builder.Services.AddAuditTrail(o =>
            {
                o.ServiceName = "audit-collector";
                o.FlushInterval = TimeSpan.FromMilliseconds(50);
                o.JournalFolder = journal;
                trail?.Invoke(o);
            })
            .UseStore(_ => database.CreateStore(), database.ConnectionString);
        builder.Services.AddAuthentication(TestRoleHandler.SchemeName)
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, TestRoleHandler>(TestRoleHandler.SchemeName, null);
        builder.Services.AddAuthorization(o =>
        {
            o.AddPolicy(Reports.AuditTrailAdminPolicy.Name, p => p.RequireRole("audit-admin"));
            o.AddPolicy(Reports.AuditTrailTenantViewerPolicy.Name, p => p.RequireRole("audit-viewer"));
        });
        builder.Services.AddAuditTrailCollector(o =>
        {
            foreach (var sender in senders)
            {
                var path = Path.Combine(keys, sender.Service + ".public.pem");
                File.WriteAllText(path, sender.PublicKeyPem);
                o.Services[sender.Service] = new CollectorServiceOptions { PublicKeyPath = path };
            }

            configure?.Invoke(o);
        });
        services?.Invoke(builder.Services);
        var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapAuditTrailCollector("/events");
        await app.StartAsync(TestContext.Current.CancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new CollectorHost(app, new HttpClient { BaseAddress = new Uri(address) }, keys);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        Directory.Delete(_keys, recursive: true);
    }
}
