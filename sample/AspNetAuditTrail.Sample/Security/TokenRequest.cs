namespace AspNetAuditTrail.Sample.Security;

/// <summary>The body of <c>POST /api/token</c>.</summary>
public sealed record TokenRequest(string? Username, string? Password);
