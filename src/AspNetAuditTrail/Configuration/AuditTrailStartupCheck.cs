using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AspNetAuditTrail.Configuration;

/// <summary>Once the app has started, warns when audit filters are in use but the middleware that writes the rows is not.</summary>
internal sealed class AuditTrailStartupCheck(
    AuditTrailMarker marker,
    IServiceProvider services,
    IHostApplicationLifetime lifetime,
    ILogger<AuditTrailStartupCheck> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(Check);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private void Check()
    {
        if (marker.MiddlewareAdded)
        {
            return;
        }

        var globalFilter = services.GetService<IOptions<MvcOptions>>()?.Value.Filters.OfType<AuditAttribute>().Any() == true;
        var auditedEndpoints = services.GetService<EndpointDataSource>()?.Endpoints
            .Count(e => e.Metadata.GetMetadata<AuditAttribute>() is not null) ?? 0;
        if (globalFilter || auditedEndpoints > 0)
        {
            Log.FiltersWithoutMiddleware(logger, globalFilter, auditedEndpoints);
        }
    }
}
