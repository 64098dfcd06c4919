using System.Text.Json;
using AspNetAuditTrail.Collector.Authentication;
using AspNetAuditTrail.Configuration;
using AspNetAuditTrail.Events;
using AspNetAuditTrail.Wire;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AspNetAuditTrail.Collector.Endpoints;

/// <summary>A refused call: a problem document saying why, a log line, and a security event in the collector's own trail.</summary>
internal sealed class CollectorRefusals(IAuditIngest ingest, IOptions<AuditTrailOptions> trailOptions, TimeProvider time, ILogger<CollectorRefusals> logger)
{
    public async Task<IResult> RefuseAsync(HttpContext context, M2mVerdict verdict, int status = StatusCodes.Status401Unauthorized)
    {
        var claimed = context.Request.Headers[M2mAuthenticator.ServiceHeader].ToString();
        claimed = claimed.Length > 128 ? claimed[..128] : claimed;
        Log.CallRefused(logger, verdict.Failure!, JsonSerializer.Serialize(claimed));
        var now = time.GetUtcNow();
        await ingest.EnqueueAsync(
            new AuditUnit
            {
                SecurityEvents =
                [
                    new SecurityAuditEvent
                    {
                        Id = Guid.CreateVersion7(now),
                        OccurredAt = now,
                        ServiceName = trailOptions.Value.ServiceName,
                        EventType = verdict.FailureType,
                        Severity = SecuritySeverity.Warning,
                        IpAddress = context.Connection.RemoteIpAddress?.ToString(),
                        Endpoint = $"{context.Request.Method} {context.Request.Path}",
                        Details = JsonSerializer.Serialize(new { reason = verdict.Failure, service = claimed }),
                    },
                ],
            },
            context.RequestAborted);
        return TypedResults.Problem(verdict.Failure, statusCode: status, title: status == StatusCodes.Status403Forbidden ? "Not allowed." : "The call is not authenticated.");
    }
}
