using System.Buffers;
using AspNetAuditTrail.Events;

namespace AspNetAuditTrail.Relational;

/// <summary>
/// An audit table: its name, its columns (how each is read from an event) and how a row read back becomes an event
/// again. Every table ends with the columns of the row's seal (<c>chain_id</c>, <c>chain_seq</c>, <c>row_mac</c>,
/// <c>personal_digest</c>).
/// </summary>
/// <typeparam name="TEvent">The event type the table stores.</typeparam>
public sealed class AuditTable<TEvent> : ISealedTable
{
    internal AuditTable(string name, IReadOnlyList<AuditColumn<TEvent>> columns, Func<AuditRow, TEvent> fromRow)
    {
        Name = name;
        Columns =
        [
            .. columns,
            new("chain_id", AuditColumnType.Id, e => SealOf(e)?.ChainId),
            new("chain_seq", AuditColumnType.Int64, e => SealOf(e)?.Sequence),
            new("row_mac", AuditColumnType.Text, e => SealOf(e)?.Mac, 64),
            new("personal_digest", AuditColumnType.Text, e => SealOf(e)?.PersonalDigest, 64),
        ];
        ColumnTypes = Columns.ToDictionary(c => c.Name, c => c.Type);
        Layout = new CanonicalLayout(name, [.. Columns.Select(c => (c.Name, c.Type, c.Personal))]);
        FromRow = row =>
        {
            var read = fromRow(row);
            AuditSeal.Set((IAuditEvent)read!, row.Seal());
            return read;
        };
    }

    /// <summary>The table name.</summary>
    public string Name { get; }

    /// <summary>The columns in insert order.</summary>
    public IReadOnlyList<AuditColumn<TEvent>> Columns { get; }

    /// <summary>Each column's type, by name.</summary>
    internal IReadOnlyDictionary<string, AuditColumnType> ColumnTypes { get; }

    /// <summary>Which columns make the canonical form, and how.</summary>
    public CanonicalLayout Layout { get; }

    /// <summary>Builds the event from a row read back.</summary>
    internal Func<AuditRow, TEvent> FromRow { get; }

    void ISealedTable.WriteCanonical(IAuditEvent row, CanonicalEncoder encoder, IBufferWriter<byte> output, Span<byte> personalDigest)
    {
        var typed = (TEvent)row;
        encoder.Write(Layout, i => Columns[i].ValueOf(typed), output, personalDigest, storedDigest: null);
    }

    private static AuditSeal? SealOf(TEvent row) => (row as IAuditEvent)?.Seal;
}
