using AspNetAuditTrail.Events;

namespace AspNetAuditTrail.Reading;

/// <summary>One request with the rows linked to it, each list in the order the rows happened.</summary>
/// <param name="Request">The request.</param>
/// <param name="Logins">Its sign-ins, sign-outs and failed sign-ins.</param>
/// <param name="SecurityEvents">Its security events.</param>
/// <param name="Processes">Its processes.</param>
/// <param name="Steps">The steps of those processes, by process, then step order.</param>
/// <param name="Registrations">The registrations of those steps, by step, then time.</param>
/// <param name="BusinessEvents">The business events recorded during it.</param>
/// <param name="EntityChanges">The changes of records saved during it.</param>
public sealed record AuditEventDetails(
    RequestAuditEvent Request,
    IReadOnlyList<LoginAuditEvent> Logins,
    IReadOnlyList<SecurityAuditEvent> SecurityEvents,
    IReadOnlyList<ProcessAuditEvent> Processes,
    IReadOnlyList<StepAuditEvent> Steps,
    IReadOnlyList<RegistrationAuditEvent> Registrations,
    IReadOnlyList<BusinessAuditEvent> BusinessEvents,
    IReadOnlyList<EntityChangeAuditEvent> EntityChanges);
