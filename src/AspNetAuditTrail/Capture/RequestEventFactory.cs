using System.Diagnostics;
using AspNetAuditTrail.Events;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace AspNetAuditTrail.Capture;

/// <summary>
/// Maps a finished request to its <c>request_audit_event</c> row: bodies rendered and masked, query string masked,
/// single-line fields neutralised, the handler's details from the filters, the error if there was one.
/// </summary>
internal sealed class RequestEventFactory(AuditTenants tenants, ILogger<RequestEventFactory> logger)
{
    public RequestAuditEvent Create(in AuditedRequest audited, TimeSpan duration)
    {
        var (context, current, auditContext, bodies) = (audited.Context, audited.Settings, audited.Collector, audited.Bodies);
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
        var (tenant, subtenant) = tenants.Of(auditContext, context);
        var query = request.QueryString.HasValue ? current.Masker.MaskUrlEncoded(request.QueryString.Value![1..]) : null;
        return new RequestAuditEvent
        {
            Id = auditContext.RequestEventId,
            OccurredAt = audited.OccurredAt,
            ServiceName = current.Options.ServiceName,
            TenantId = tenant,
            SubtenantId = subtenant,
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
            UserId = SingleLineText.Neutralize(auditContext.UserId ?? UserIdReader.Read(context, current.Options.UserIdClaim)),
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
