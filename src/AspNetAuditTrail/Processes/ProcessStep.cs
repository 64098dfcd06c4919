namespace AspNetAuditTrail;

/// <summary>A step that a <see cref="ProcessAudit"/> declares.</summary>
/// <param name="Name">The step's name, unique within its process; registrations name it.</param>
/// <param name="Order">Its place in the process.</param>
/// <param name="ExpectedRegistrations">How many successful registrations make the step a success (default 1).</param>
/// <param name="Description">What the step checks or does.</param>
public sealed record ProcessStep(string Name, int Order, int ExpectedRegistrations = 1, string? Description = null);
