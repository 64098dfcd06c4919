namespace AspNetAuditTrail.Integrity;

/// <summary>A row named by its table and id.</summary>
/// <param name="Table">Its table.</param>
/// <param name="Id">Its id.</param>
/// <param name="OccurredAt">When it says it happened.</param>
public sealed record AuditRowReference(string Table, Guid Id, DateTimeOffset OccurredAt);
