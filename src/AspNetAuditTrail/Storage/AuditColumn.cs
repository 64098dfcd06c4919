namespace AspNetAuditTrail.Storage;

/// <summary>A column of an audit table and how to read its value from an event.</summary>
/// <typeparam name="TEvent">The event type the table stores.</typeparam>
/// <param name="Name">The snake_case column name, the same on every dialect.</param>
/// <param name="Type">The logical type.</param>
/// <param name="Read">Reads the column's value (null for SQL NULL) from an event.</param>
public sealed record AuditColumn<TEvent>(string Name, AuditColumnType Type, Func<TEvent, object?> Read);
