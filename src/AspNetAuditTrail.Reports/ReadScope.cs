using System.Text.Json;
using AspNetAuditTrail.Events;
using AspNetAuditTrail.Wire;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace AspNetAuditTrail.Reports;

/// <summary>
/// Whose rows an admin call may read: every tenant's (the admin policy), or the caller's own tenant (the tenant-viewer
/// policy, the tenant found by <see cref="IAuditTenantResolver"/>). Every reading path passes it into the SQL; a
/// refusal is a 403 and a security event.
/// </summary>
internal sealed class ReadScope(AuditTenant? tenant)
{
    /// <summary>The tenant the caller is limited to; null for every tenant.</summary>
    public AuditTenant? Tenant { get; } = tenant;

    public static AuditTenant? Of(HttpContext context) => context.Features.Get<ReadScope>()?.Tenant;

    /// <summary>The endpoint filter that decides the scope before any handler runs.</summary>
    public static Func<EndpointFilterInvocationContext, EndpointFilterDelegate, ValueTask<object?>> Filter(string adminPolicy, string viewerPolicy) =>
        async (invocation, next) =>
        {
            var http = invocation.HttpContext;
            var services = http.RequestServices;
            var authorization = services.GetRequiredService<IAuthorizationService>();
            if ((await authorization.AuthorizeAsync(http.User, adminPolicy)).Succeeded)
            {
                http.Features.Set(new ReadScope(null));
                return await next(invocation);
            }

            if ((await authorization.AuthorizeAsync(http.User, viewerPolicy)).Succeeded)
            {
                if (services.GetRequiredService<IAuditTenantResolver>().Resolve(http) is { } tenant)
                {
                    http.Features.Set(new ReadScope(tenant));
                    return await next(invocation);
                }

                return await RefuseAsync(http, "NoTenant", "A tenant viewer reads their tenant's trail, and this user has no tenant.");
            }

            return await RefuseAsync(http, "NotAllowed", "Reading the audit trail needs the admin or the tenant-viewer policy.");
        };

    private static async Task<IResult> RefuseAsync(HttpContext http, string reason, string message)
    {
        var now = http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
        await http.RequestServices.GetRequiredService<IAuditIngest>().EnqueueAsync(
            new AuditUnit
            {
                SecurityEvents =
                [
                    new SecurityAuditEvent
                    {
                        Id = Guid.CreateVersion7(now),
                        OccurredAt = now,
                        EventType = SecurityEventType.AccessDenied,
                        Severity = SecuritySeverity.Warning,
                        UserId = http.User.FindFirst("sub")?.Value ?? http.User.Identity?.Name,
                        IpAddress = http.Connection.RemoteIpAddress?.ToString(),
                        Endpoint = $"{http.Request.Method} {http.Request.Path}",
                        Details = JsonSerializer.Serialize(new { reason, message }),
                    },
                ],
            },
            http.RequestAborted);
        return TypedResults.Problem(message, statusCode: StatusCodes.Status403Forbidden);
    }
}
