namespace AspNetAuditTrail.Relational;

/// <summary>An audit table: its name and its columns, defined once for every dialect.</summary>
/// <typeparam name="TEvent">The event type the table stores.</typeparam>
/// <param name="Name">The table name.</param>
/// <param name="Columns">The columns in insert order.</param>
public sealed record AuditTable<TEvent>(string Name, IReadOnlyList<AuditColumn<TEvent>> Columns);
