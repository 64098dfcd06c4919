using System.Diagnostics;
using AspNetAuditTrail.Configuration;
using AspNetAuditTrail.Events;
using AspNetAuditTrail.Writing;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AspNetAuditTrail.Capture;

/// <summary>
/// Records each request whose path is audited: bodies are kept as they stream past, the event is built
/// after the response and handed to the queue; the request never waits for the audit store.
/// </summary>
internal sealed class RequestAuditMiddleware(
    RequestDelegate next,
    AuditSettingsProvider settings,
    AuditQueue queue,
    SecurityRecorder securityRecorder,
    FrameworkServices frameworkServices,
    AuditedRoutes auditedRoutes,
    TimeProvider time,
    ILogger<RequestAuditMiddleware> logger)
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

    private static bool IsSkipped(HttpContext context) =>
        context.GetEndpoint()?.Metadata.GetMetadata<SkipAuditAttribute>() is not null;

    private async Task AuditAsync(HttpContext context, AuditSettings current, AuditAttribute? endpointSettings)
    {
        var startedAt = time.GetTimestamp();
        var occurredAt = time.GetUtcNow();
        var request = context.Request;
        var method = request.Method;
        var path = request.Path.Value ?? "";
        var maxBodySize = endpointSettings is { MaxBodySize: >= 0 } ? endpointSettings.MaxBodySize : current.Options.MaxBodySize;
        var auditContext = context.RequestServices.GetRequiredService<RequestAuditContext>();
        auditContext.MaxBodySize = maxBodySize;
        auditContext.RequestEventId = Guid.CreateVersion7(occurredAt);
        auditContext.HttpContext = context;
        context.Features.Set<IAuditContext>(auditContext);

        using var bodies = new BodyCaptureSession(
            context,
            maxBodySize,
            skipRequestBody: Skips(endpointSettings?.RequestBody, current.SkipRequestBody, method, path),
            skipResponseBody: Skips(endpointSettings?.ResponseBody, current.SkipResponseBody, method, path),
            holdResponse: current.Options.WriteMode == AuditWriteMode.Synchronous);

        try
        {
            await next(context);
            await bodies.FlushResponseAsync();
        }
        catch (Exception ex) when (Remember(auditContext, ex))
        {
            // Unreachable: Remember returns false, so the exception goes on without unwinding here.
        }
        finally
        {
            bodies.Restore();
            AuditUnit? unit = null;
            try
            {
                unit = BuildUnit(context, current, auditContext, occurredAt, time.GetElapsedTime(startedAt), bodies);
            }
            catch (Exception ex)
            {
                // The audit layer never changes the application's response.
                queue.CountLost(ex, method, path);
            }

            if (current.Options.WriteMode == AuditWriteMode.Synchronous && auditContext.Exception is null)
            {
                await WriteBeforeRespondingAsync(context, current, unit, bodies);
            }
            else if (unit is not null)
            {
                await queue.EnqueueAsync(unit, context.RequestAborted);
            }
        }
    }

    /// <summary>
    /// Synchronous mode: the held response goes out only once its row is written; when the row cannot be written in
    /// time, the client gets 503 instead, and the row goes to the background writer (and the journal) so it is not lost.
    /// </summary>
    private async Task WriteBeforeRespondingAsync(HttpContext context, AuditSettings current, AuditUnit? unit, BodyCaptureSession bodies)
    {
        try
        {
            if (unit is not null)
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
                timeout.CancelAfter(current.Options.SynchronousWriteTimeout);
                await context.RequestServices.GetRequiredService<Storage.IAuditStore>().WriteAsync([unit], timeout.Token);
            }
        }
        catch (Exception ex)
        {
            Log.SynchronousWriteFailed(logger, ex, context.Request.Method, context.Request.Path.Value ?? "");
            queue.Enqueue(unit!);
            context.Response.Clear();
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            context.Response.ContentType = "application/problem+json";
            await context.Response.WriteAsync("""{"title":"The audit trail cannot record this request now.","status":503}""");
            return;
        }

        await bodies.ReleaseResponseAsync(context.RequestAborted);
    }

    /// <summary>The request's unit; null when the request turned out to be skipped and nothing else was recorded.</summary>
    private AuditUnit? BuildUnit(
        HttpContext context,
        AuditSettings current,
        RequestAuditContext auditContext,
        DateTimeOffset occurredAt,
        TimeSpan duration,
        BodyCaptureSession bodies)
    {
        var skipped = IsSkipped(context);
        var request = skipped ? null : BuildEvent(context, current, auditContext, occurredAt, duration, bodies);
        if (request is not null)
        {
            securityRecorder.LoginByUrl(context, current, auditContext, request);
        }

        var processRows = TakeProcessRows(auditContext, requestRowWritten: request is not null);
        var (logins, securityEvents) = auditContext.Events();
        if (request is null)
        {
            // No request row: what else was recorded stands on its own.
            logins = logins.Select(l => l with { RequestEventId = null }).ToArray();
            securityEvents = securityEvents.Select(e => e with { RequestEventId = null }).ToArray();
            if (logins.Length + securityEvents.Length + processRows.Sum(u => u.Processes.Count + u.Registrations.Count) == 0)
            {
                return null;
            }
        }

        return new AuditUnit
        {
            Request = request,
            Logins = logins,
            SecurityEvents = securityEvents,
            Processes = processRows.SelectMany(u => u.Processes).ToArray(),
            Steps = processRows.SelectMany(u => u.Steps).ToArray(),
            Registrations = processRows.SelectMany(u => u.Registrations).ToArray(),
        };
    }

    /// <summary>Ends the request's recording and takes the rows of every process that ran in it.</summary>
    private List<AuditUnit> TakeProcessRows(RequestAuditContext auditContext, bool requestRowWritten)
    {
        var processes = auditContext.End();
        var rows = new List<AuditUnit>(processes.Length);
        foreach (var process in processes)
        {
            try
            {
                if (process.TakeNewRows(requestRowWritten) is { } unit)
                {
                    rows.Add(unit);
                }
            }
            catch (Exception ex)
            {
                Log.ProcessFailed(logger, ex, process.GetType().Name);
            }
        }

        return rows;
    }

    private static bool Remember(RequestAuditContext auditContext, Exception exception)
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

    private RequestAuditEvent BuildEvent(
        HttpContext context,
        AuditSettings current,
        RequestAuditContext auditContext,
        DateTimeOffset occurredAt,
        TimeSpan duration,
        BodyCaptureSession bodies)
    {
        var request = context.Request;
        var response = context.Response;
        var exception = auditContext.Exception ?? context.Features.Get<IExceptionHandlerFeature>()?.Error;
        var statusCode = auditContext.Exception is not null && !response.HasStarted
            ? StatusCodes.Status500InternalServerError
            : response.StatusCode;

        string? requestBody = null, responseBody = null, extra = null;
        BodyCaptureStatus requestBodyStatus, responseBodyStatus;
        try
        {
            (requestBody, requestBodyStatus, responseBody, responseBodyStatus) = bodies.Render(current.Masker);
            extra = AuditJson.SerializeObject(auditContext.Snapshot(), current.Masker, logger);
        }
        catch (Exception ex)
        {
            Log.EventDetailsFailed(logger, ex, request.Method, request.Path.Value ?? "");
            (requestBody, responseBody, extra) = (null, null, null);
            requestBodyStatus = responseBodyStatus = BodyCaptureStatus.CaptureFailed;
        }

        var handler = auditContext.Handler;
        var query = request.QueryString.HasValue ? current.Masker.MaskUrlEncoded(request.QueryString.Value![1..]) : null;
        return new RequestAuditEvent
        {
            Id = auditContext.RequestEventId,
            OccurredAt = occurredAt,
            Method = request.Method,
            Scheme = request.Scheme,
            Host = SingleLineText.Neutralize(request.Host.HasValue ? request.Host.Value : null),
            Path = SingleLineText.Neutralize((request.PathBase + request.Path).Value ?? "")!,
            QueryString = SingleLineText.Neutralize(query),
            StatusCode = statusCode,
            DurationMs = duration.TotalMilliseconds,
            ResponseSize = bodies.ResponseSize,
            IpAddress = context.Connection.RemoteIpAddress?.ToString(),
            UserAgent = SingleLineText.Neutralize(request.Headers.UserAgent.Count > 0 ? request.Headers.UserAgent.ToString() : null),
            UserId = SingleLineText.Neutralize(auditContext.UserId ?? UserIdReader.Read(context.User, current.Options.UserIdClaim)),
            RequestContentType = request.ContentType,
            RequestBody = requestBody,
            RequestBodyStatus = requestBodyStatus,
            ResponseContentType = response.ContentType,
            ResponseBody = responseBody,
            ResponseBodyStatus = responseBodyStatus,
            ErrorType = exception?.GetType().FullName,
            ErrorMessage = exception?.Message,
            ErrorStackTrace = exception?.ToString(),
            ExtraInformation = extra,
            TraceId = Activity.Current is { } activity ? activity.TraceId.ToHexString() : null,
            RequestId = context.TraceIdentifier,
            Controller = handler?.Controller,
            Action = handler?.Action,
            RouteTemplate = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText,
            RouteValues = handler?.RouteValues,
            ActionArguments = handler?.ActionArguments,
            ValidationErrors = handler?.ValidationErrors,
            ResultType = handler?.ResultType,
            ResultStatusCode = handler?.ResultStatusCode,
        };
    }

}
