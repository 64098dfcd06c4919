namespace AspNetAuditTrail.Reading;

/// <summary>One request with the rows linked to it.</summary>
/// <param name="Request">The request row.</param>
/// <param name="Logins">Its login rows.</param>
/// <param name="SecurityEvents">Its security events.</param>
/// <param name="Processes">Its processes.</param>
/// <param name="Steps">The steps of those processes.</param>
/// <param name="Registrations">The registrations of those steps.</param>
public sealed record AuditEventDetails(
    AuditRecord Request,
    IReadOnlyList<AuditRecord> Logins,
    IReadOnlyList<AuditRecord> SecurityEvents,
    IReadOnlyList<AuditRecord> Processes,
    IReadOnlyList<AuditRecord> Steps,
    IReadOnlyList<AuditRecord> Registrations);
