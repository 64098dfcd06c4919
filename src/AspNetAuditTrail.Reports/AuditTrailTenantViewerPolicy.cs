namespace AspNetAuditTrail.Reports;

/// <summary>
/// The authorization policy that lets a user read their own tenant's trail on the admin endpoints (and nothing of
/// other tenants). Define it in the app, for example <c>o.AddPolicy(AuditTrailTenantViewerPolicy.Name, p => p.RequireRole("audit-viewer"))</c>.
/// </summary>
public static class AuditTrailTenantViewerPolicy
{
    /// <summary>The policy's name: <c>AuditTrailTenantViewer</c>.</summary>
    public const string Name = "AuditTrailTenantViewer";
}
