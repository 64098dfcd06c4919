namespace AspNetAuditTrail;

/// <summary>
/// Keeps an endpoint (controller, action or minimal API) out of the audit trail, whatever the URL settings say.
/// For minimal APIs, <c>.SkipAudit()</c> adds it.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = false, Inherited = true)]
public sealed class SkipAuditAttribute : Attribute
{
}
