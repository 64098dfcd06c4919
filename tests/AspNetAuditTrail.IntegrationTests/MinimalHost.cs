using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

using AspNetAuditTrail.IntegrationTests.Databases;

namespace AspNetAuditTrail.IntegrationTests;

/// <summary>A minimal app on a test server, auditing into the given database, with the pipeline the test builds.</summary>
internal static class MinimalHost
{
    public static async Task<WebApplication> StartAsync(
        AuditDatabase database, Action<WebApplication> pipeline, Action<WebApplicationBuilder>? configure = null, Action<WebApplicationBuilder>? before = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        before?.Invoke(builder);
        var journal = Directory.CreateTempSubdirectory("audit-journal-").FullName;
        builder.Services.AddAuditTrail(o =>
            {
                o.FlushInterval = TimeSpan.FromMilliseconds(50);
                o.JournalFolder = journal;
            })
            .UseStore(_ => database.CreateStore(), database.ConnectionString);
        configure?.Invoke(builder);
        var app = builder.Build();
        pipeline(app);
        await app.StartAsync(TestContext.Current.CancellationToken);
        return app;
    }
}
