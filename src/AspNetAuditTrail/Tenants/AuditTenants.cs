using AspNetAuditTrail.Capture;
using Microsoft.AspNetCore.Http;

namespace AspNetAuditTrail;

/// <summary>The tenant a row is stamped with: what the handler set on the request's context, else what the resolver finds, else none.</summary>
internal sealed class AuditTenants(IAuditTenantResolver resolver)
{
    public (string? TenantId, string? SubtenantId) Of(RequestAuditCollector? request, HttpContext? context)
    {
        if (request?.TenantId is { } tenant)
        {
            return (SingleLineText.Neutralize(tenant), SingleLineText.Neutralize(request.SubtenantId));
        }

        var found = context is null ? null : resolver.Resolve(context);
        return (SingleLineText.Neutralize(found?.TenantId), SingleLineText.Neutralize(request?.SubtenantId ?? found?.SubtenantId));
    }
}
