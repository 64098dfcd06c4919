namespace AspNetAuditTrail.Sample.Security;

/// <summary>A demo account.</summary>
public sealed record DemoUser(string Id, string UserName, string Password, string[] Roles, string? TenantId = null);
