using AspNetAuditTrail.Events;

namespace AspNetAuditTrail;

/// <summary>
/// A process's success, derived from its steps and registrations (never stored): it succeeded when every step
/// succeeded, failed when a step failed, and is otherwise incomplete. A process with registrations missing is
/// therefore not a success (drf-audit-trail counts it as one).
/// </summary>
/// <param name="Steps">Each step's outcome, in order.</param>
public sealed record ProcessOutcome(IReadOnlyList<StepOutcome> Steps)
{
    /// <summary>The process's outcome.</summary>
    public AuditOutcome Outcome =>
        Steps.Any(s => s.Outcome == AuditOutcome.Failed) ? AuditOutcome.Failed
        : Steps.All(s => s.Outcome == AuditOutcome.Succeeded) ? AuditOutcome.Succeeded
        : AuditOutcome.Incomplete;

    /// <summary>True only when every step succeeded.</summary>
    public bool Succeeded => Outcome == AuditOutcome.Succeeded;

    /// <summary>Derives the outcome of one process from its steps and their registrations (others are ignored).</summary>
    public static ProcessOutcome Evaluate(IEnumerable<StepAuditEvent> steps, IEnumerable<RegistrationAuditEvent> registrations)
    {
        var byStep = registrations.ToLookup(r => r.StepId);
        return new ProcessOutcome(steps
            .OrderBy(s => s.Order)
            .Select(s => new StepOutcome(
                s.Name, s.Order, s.ExpectedRegistrations, byStep[s.Id].Count(r => r.Success), byStep[s.Id].Count(r => !r.Success)))
            .ToArray());
    }
}
