namespace AspNetAuditTrail.Configuration;

/// <summary>Shows that AddAuditTrail was called, and records whether UseRequestAudit was.</summary>
internal sealed class AuditTrailMarker
{
    public bool MiddlewareAdded { get; set; }
}
