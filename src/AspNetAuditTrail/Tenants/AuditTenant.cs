namespace AspNetAuditTrail;

/// <summary>Whose trail a row is: a tenant (a company) and, optionally, a second level inside it (a client, a licence).</summary>
/// <param name="TenantId">The tenant.</param>
/// <param name="SubtenantId">The second level inside it, when there is one.</param>
public sealed record AuditTenant(string TenantId, string? SubtenantId = null);
