namespace AspNetAuditTrail;

/// <summary>A step's registrations counted against what it expects.</summary>
/// <param name="Name">The step's name.</param>
/// <param name="Order">Its place in the process.</param>
/// <param name="ExpectedRegistrations">How many successful registrations it expects.</param>
/// <param name="Succeeded">Successful registrations.</param>
/// <param name="Failed">Failed registrations.</param>
public sealed record StepOutcome(string Name, int Order, int ExpectedRegistrations, int Succeeded, int Failed)
{
    /// <summary>Succeeded when the successful registrations reach the expected count; else Failed when one failed; else Incomplete.</summary>
    public AuditOutcome Outcome =>
        Succeeded >= ExpectedRegistrations ? AuditOutcome.Succeeded
        : Failed > 0 ? AuditOutcome.Failed
        : AuditOutcome.Incomplete;

    /// <summary>Expected registrations not made yet (0 when the step succeeded).</summary>
    public int Missing => Math.Max(0, ExpectedRegistrations - Succeeded - Failed);
}
