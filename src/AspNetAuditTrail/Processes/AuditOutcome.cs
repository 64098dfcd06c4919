namespace AspNetAuditTrail;

/// <summary>How a step or a process turned out, derived from its registrations.</summary>
public enum AuditOutcome
{
    /// <summary>Registrations are missing and none failed: not finished, not a success.</summary>
    Incomplete,

    /// <summary>Every expected registration succeeded (for a process: every step succeeded).</summary>
    Succeeded,

    /// <summary>A registration failed before the step reached its expected count (for a process: a step failed).</summary>
    Failed,
}
