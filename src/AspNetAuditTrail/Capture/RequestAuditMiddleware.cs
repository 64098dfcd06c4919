using AspNetAuditTrail.Configuration;
using AspNetAuditTrail.Events;
using AspNetAuditTrail.Writing;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace AspNetAuditTrail.Capture;

/// <summary>
/// Records each request whose path is audited: bodies are kept as they stream past, the event is built
/// after the response and handed to the queue; the request never waits for the audit store.
/// </summary>
internal sealed class RequestAuditMiddleware(
    RequestDelegate next,
    AuditSettingsProvider settings,
    AuditQueue queue,
    AuditUnitBuilder units,
    SynchronousAuditWriter synchronousWriter,
    FrameworkServices frameworkServices,
    AuditedRoutes auditedRoutes,
    TimeProvider time)
{
    public Task InvokeAsync(HttpContext context)
    {
        frameworkServices.Apply(context);
        var current = settings.Current;
        var endpoint = context.GetEndpoint();
        var metadata = endpoint?.Metadata;
        if (metadata?.GetMetadata<SkipAuditAttribute>() is not null)
        {
            return next(context);
        }

        // Without a route endpoint, routing rejected the request (405, 415, a failed route constraint) or found nothing.
        var endpointSettings = metadata?.GetMetadata<AuditAttribute>() ?? (endpoint is RouteEndpoint ? null : auditedRoutes.Find(context.Request.Path));
        if (endpointSettings is null && !current.Urls.IsAudited(context.Request.Path.Value ?? ""))
        {
            return next(context);
        }

        return AuditAsync(context, current, endpointSettings);
    }

    private async Task AuditAsync(HttpContext context, AuditSettings current, AuditAttribute? endpointSettings)
    {
        using var audited = Begin(context, current, endpointSettings);
        try
        {
            await next(context);
            await audited.Bodies.FlushResponseAsync();
        }
        catch (Exception ex) when (Remember(audited.Collector, ex))
        {
            // Unreachable: Remember returns false, so the exception goes on without unwinding here.
        }
        finally
        {
            audited.Bodies.Restore();
            AuditUnit? unit = null;
            try
            {
                unit = units.Build(audited, time.GetElapsedTime(audited.StartedAt));
            }
            catch (Exception ex)
            {
                // The audit layer never changes the application's response.
                queue.CountLost(ex, audited.Method, audited.Path);
            }

            if (current.Options.WriteMode == AuditWriteMode.Synchronous && audited.Collector.Exception is null)
            {
                await synchronousWriter.WriteAsync(audited, unit);
            }
            else if (unit is not null)
            {
                await queue.EnqueueAsync(unit, context.RequestAborted);
            }
        }
    }

    /// <summary>Starts recording: the request's id and time, its collector as a feature, body capture.</summary>
    private AuditedRequest Begin(HttpContext context, AuditSettings current, AuditAttribute? endpointSettings)
    {
        var startedAt = time.GetTimestamp();
        var occurredAt = time.GetUtcNow();
        var (method, path) = (context.Request.Method, context.Request.Path.Value ?? "");
        var maxBodySize = endpointSettings is { MaxBodySize: >= 0 } ? endpointSettings.MaxBodySize : current.Options.MaxBodySize;
        var collector = context.RequestServices.GetRequiredService<RequestAuditCollector>();
        collector.MaxBodySize = maxBodySize;
        collector.RequestEventId = Guid.CreateVersion7(occurredAt);
        collector.HttpContext = context;
        context.Features.Set(collector);
        var bodies = new BodyCaptureSession(
            context,
            maxBodySize,
            skipRequestBody: Skips(endpointSettings?.RequestBody, current.SkipRequestBody, method, path),
            skipResponseBody: Skips(endpointSettings?.ResponseBody, current.SkipResponseBody, method, path),
            holdResponse: current.Options.WriteMode == AuditWriteMode.Synchronous);
        return new AuditedRequest(context, current, collector, occurredAt, startedAt, bodies);
    }

    private static bool Remember(RequestAuditCollector auditContext, Exception exception)
    {
        auditContext.Exception ??= exception;
        return false;
    }

    private static bool Skips(AuditBodyMode? endpointMode, UrlMethodRules rules, string method, string path) => endpointMode switch
    {
        AuditBodyMode.Capture => false,
        AuditBodyMode.Skip => true,
        _ => rules.Matches(method, path),
    };
}
