using Microsoft.AspNetCore.Http;

namespace AspNetAuditTrail;

/// <summary>
/// Finds the tenant of a request, for every row it records (unless a handler set one on <see cref="IAuditContext"/>).
/// The default reads the claims named by <c>AuditTrail:TenantClaim</c> and <c>AuditTrail:SubtenantClaim</c>.
/// </summary>
public interface IAuditTenantResolver
{
    /// <summary>The request's tenant; null when it has none.</summary>
    AuditTenant? Resolve(HttpContext context);
}
