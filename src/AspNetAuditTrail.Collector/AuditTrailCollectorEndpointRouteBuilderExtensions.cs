using AspNetAuditTrail.Collector.Endpoints;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps the collector's endpoints.</summary>
public static class AuditTrailCollectorEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps <c>POST {pattern}</c> (one item), <c>POST {pattern}/batch</c>, <c>GET {pattern}</c> (business events by
    /// filters), <c>POST {pattern}/query</c> (the same filters as a JSON body), <c>GET {pattern}/{id}</c>, and
    /// <c>POST /flush</c> (writes what the collector holds now), <c>POST /checkpoints</c> (a service's signed checkpoint,
    /// kept in <c>CheckpointFolder</c>) and <c>GET /health</c> beside them (for <c>/events</c>: <c>/flush</c>,
    /// <c>/checkpoints</c>, <c>/health</c>). Writing needs a signed service call; reading and flushing need the read policy
    /// (people) or a signed call with the read scope (services).
    /// </summary>
    public static IEndpointConventionBuilder MapAuditTrailCollector(this IEndpointRouteBuilder endpoints, string pattern = "/events")
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentException.ThrowIfNullOrWhiteSpace(pattern);
        pattern = "/" + pattern.Trim('/');
        var intake = endpoints.ServiceProvider.GetService<CollectorIntake>()
            ?? throw new InvalidOperationException("MapAuditTrailCollector needs the collector's services: call builder.Services.AddAuditTrailCollector(...).");
        var reading = endpoints.ServiceProvider.GetRequiredService<CollectorReading>();
        var group = endpoints.MapGroup(pattern);
        group.MapPost("/", (Func<HttpContext, Task<IResult>>)intake.OneAsync);
        group.MapPost("/batch", (Func<HttpContext, Task<IResult>>)intake.BatchAsync);
        group.MapGet("/", (Func<HttpContext, Task<IResult>>)reading.ListAsync);
        group.MapPost("/query", (Func<HttpContext, Task<IResult>>)reading.QueryAsync);
        group.MapGet("/{id}", (HttpContext context, string id) => reading.GetAsync(context, id));
        var parent = pattern[..pattern.LastIndexOf('/')];
        var checkpoints = endpoints.ServiceProvider.GetRequiredService<CollectorCheckpoints>();
        endpoints.MapPost($"{parent}/checkpoints", (Func<HttpContext, Task<IResult>>)checkpoints.AcceptAsync);
        endpoints.MapPost($"{parent}/flush", (HttpContext context, AspNetAuditTrail.Wire.IAuditIngest ingest) => reading.FlushAsync(context, ingest));
        endpoints.MapHealthChecks($"{parent}/health", new HealthCheckOptions { Predicate = check => check.Tags.Contains("audit-trail") || check.Name == "audit-trail" });
        return group;
    }
}
