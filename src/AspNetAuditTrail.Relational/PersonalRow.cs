namespace AspNetAuditTrail.Relational;

/// <summary>A row to anonymise: its id (as the database gave it, to update the row it came from), its tenant, and its values of <see cref="PersonalTable.Replaced"/>, in that order.</summary>
internal sealed record PersonalRow(object Id, string? TenantId, IReadOnlyList<string?> Values);
