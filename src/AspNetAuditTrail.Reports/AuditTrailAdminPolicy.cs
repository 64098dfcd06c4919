namespace AspNetAuditTrail.Reports;

/// <summary>The authorization policy that guards the admin endpoints, unless another is named.</summary>
public static class AuditTrailAdminPolicy
{
    /// <summary>The default policy name: <c>AuditTrailAdmin</c>.</summary>
    public const string Name = "AuditTrailAdmin";
}
