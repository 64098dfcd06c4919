namespace AspNetAuditTrail.Relational;

/// <summary>A row to anonymise: its id, its tenant, and its values of <see cref="PersonalTable.Replaced"/>, in that order.</summary>
internal sealed record PersonalRow(Guid Id, string? TenantId, IReadOnlyList<string?> Values);
