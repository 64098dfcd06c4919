namespace AspNetAuditTrail.Relational;

/// <summary>An audit table: its name, its columns (how each is read from an event) and how a row read back becomes an event again.</summary>
/// <typeparam name="TEvent">The event type the table stores.</typeparam>
public sealed class AuditTable<TEvent>
{
    internal AuditTable(string name, IReadOnlyList<AuditColumn<TEvent>> columns, Func<AuditRow, TEvent> fromRow)
    {
        Name = name;
        Columns = columns;
        ColumnTypes = columns.ToDictionary(c => c.Name, c => c.Type);
        FromRow = fromRow;
    }

    /// <summary>The table name.</summary>
    public string Name { get; }

    /// <summary>The columns in insert order.</summary>
    public IReadOnlyList<AuditColumn<TEvent>> Columns { get; }

    /// <summary>Each column's type, by name.</summary>
    internal IReadOnlyDictionary<string, AuditColumnType> ColumnTypes { get; }

    /// <summary>Builds the event from a row read back.</summary>
    internal Func<AuditRow, TEvent> FromRow { get; }
}
