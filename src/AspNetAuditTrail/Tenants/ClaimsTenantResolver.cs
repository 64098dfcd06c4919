using AspNetAuditTrail.Capture;
using Microsoft.AspNetCore.Http;

namespace AspNetAuditTrail;

/// <summary>The default <see cref="IAuditTenantResolver"/>: the tenant and second-level claims of the signed-in user.</summary>
internal sealed class ClaimsTenantResolver(AuditSettingsProvider settings) : IAuditTenantResolver
{
    public AuditTenant? Resolve(HttpContext context)
    {
        var options = settings.Current.Options;
        var user = UserIdReader.Principal(context);
        return user?.FindFirst(options.TenantClaim)?.Value is { Length: > 0 } tenant
            ? new AuditTenant(tenant, user.FindFirst(options.SubtenantClaim)?.Value)
            : null;
    }
}
