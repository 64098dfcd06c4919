namespace AspNetAuditTrail.Retention;

/// <summary>
/// One line of a plan: the rows of a kind older than <see cref="Before"/>, within a tenant (or every tenant
/// but the excepted ones) and, for business events, within a category (or every category but the excepted ones).
/// The cuts of one kind never overlap.
/// </summary>
/// <param name="Kind">The kind of record.</param>
/// <param name="Before">The plan applies to rows that happened before this time.</param>
public sealed record AuditPeriodCut(AuditRecordKind Kind, DateTimeOffset Before)
{
    /// <summary>Only this tenant's rows; null for rows of every tenant not in <see cref="ExceptTenants"/> (and rows without a tenant).</summary>
    public string? TenantId { get; init; }

    /// <summary>With no <see cref="TenantId"/>: the tenants whose rows have cuts of their own.</summary>
    public IReadOnlyList<string> ExceptTenants { get; init; } = [];

    /// <summary>Business events only: only this category; null for every category not in <see cref="ExceptCategories"/>.</summary>
    public string? Category { get; init; }

    /// <summary>With no <see cref="Category"/>: the categories that have cuts of their own.</summary>
    public IReadOnlyList<string> ExceptCategories { get; init; } = [];
}
