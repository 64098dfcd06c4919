using System.Collections.ObjectModel;

namespace AspNetAuditTrail.Reading;

/// <summary>
/// A row read back from an audit table, by column name, with the same values on every dialect: ids as
/// <see cref="Guid"/>, times as UTC <see cref="DateTimeOffset"/>, integers as <see cref="long"/>, JSON as text.
/// </summary>
public sealed class AuditRecord(IDictionary<string, object?> values) : ReadOnlyDictionary<string, object?>(values)
{
    /// <summary>The row's id.</summary>
    public Guid Id => (Guid)this["id"]!;

    /// <summary>When the row's event happened.</summary>
    public DateTimeOffset OccurredAt => (DateTimeOffset)this["occurred_at"]!;

    /// <summary>A column's value as text (null for SQL NULL).</summary>
    public string? Text(string column) => TryGetValue(column, out var value) ? value?.ToString() : null;
}
