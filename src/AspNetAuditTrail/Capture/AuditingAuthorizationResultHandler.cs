using AspNetAuditTrail.Events;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;

namespace AspNetAuditTrail.Capture;

/// <summary>
/// Wraps the authorization middleware's result handler (the app's, or the default one): a 401 or 403 from authorization becomes an
/// <c>AccessDenied</c> security event naming the user, the endpoint, and the policies, roles and requirements that
/// failed; a success becomes <c>AccessGranted</c> when <c>AuditAccessGranted</c> is on. The response is the default one.
/// </summary>
internal sealed class AuditingAuthorizationResultHandler(
    IAuthorizationMiddlewareResultHandler inner, SecurityRecorder recorder, AuditSettingsProvider settings) : IAuthorizationMiddlewareResultHandler
{
    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Challenged || authorizeResult.Forbidden)
        {
            var authorizeData = context.GetEndpoint()?.Metadata.GetOrderedMetadata<IAuthorizeData>() ?? [];
            recorder.Security(
                context,
                SecurityEventType.AccessDenied,
                authorizeResult.Forbidden ? SecuritySeverity.Warning : SecuritySeverity.Info,
                null,
                null,
                [
                    new("outcome", authorizeResult.Forbidden ? "Forbidden" : "Challenged"),
                    new("policies", authorizeData.Select(a => a.Policy).OfType<string>().Distinct().ToArray()),
                    new("roles", policy.Requirements.OfType<RolesAuthorizationRequirement>().SelectMany(r => r.AllowedRoles).Distinct().ToArray()),
                    new("failedRequirements", (authorizeResult.AuthorizationFailure?.FailedRequirements ?? policy.Requirements)
                        .Select(r => r.ToString()).ToArray()),
                ]);
        }
        else if (authorizeResult.Succeeded && settings.Current.Options.AuditAccessGranted)
        {
            recorder.Security(context, SecurityEventType.AccessGranted, SecuritySeverity.Info, null, null,
                [new("requirements", policy.Requirements.Select(r => r.ToString()).ToArray())]);
        }

        return inner.HandleAsync(next, context, policy, authorizeResult);
    }
}
