using AspNetAuditTrail.Events;
using AspNetAuditTrail.Reading;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace AspNetAuditTrail.Reports;

/// <summary>
/// Whose rows an admin call may read: every tenant's (the admin policy), or the caller's own tenant (the tenant-viewer
/// policy, the tenant found by <see cref="IAuditTenantResolver"/>). Every reading path reads through
/// <see cref="Narrow"/>, which puts it into the SQL; a refusal is a 403 and a security event.
/// </summary>
internal sealed class ReadScope(AuditTenant? tenant)
{
    /// <summary>The tenant the caller is limited to; null for every tenant.</summary>
    public AuditTenant? Tenant { get; } = tenant;

    /// <summary>The reader a handler reads through: narrowed to the caller's tenant when the caller is a tenant viewer.</summary>
    public static IAuditReader Narrow(HttpContext context, IAuditReader reader) =>
        context.Features.Get<ReadScope>()?.Tenant is { } tenant ? new TenantScopedReader(reader, tenant) : reader;

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

                return Refuse(http, AccessDenialReason.NoTenant, "A tenant viewer reads their tenant's trail, and this user has no tenant.");
            }

            return Refuse(http, AccessDenialReason.Other, "Reading the audit trail needs the admin or the tenant-viewer policy.");
        };

    /// <summary>A 403 saying why, and the refusal as an <c>AccessDenied</c> security event of the (audited) admin request.</summary>
    public static IResult Refuse(HttpContext http, AccessDenialReason reason, string message)
    {
        http.RequestServices.GetRequiredService<IAuditLog>().AccessDenied(reason, $"{http.Request.Method} {http.Request.Path}");
        return TypedResults.Problem(message, statusCode: StatusCodes.Status403Forbidden);
    }
}
