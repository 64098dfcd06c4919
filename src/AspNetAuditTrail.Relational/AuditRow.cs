using System.Globalization;
using AspNetAuditTrail.Events;

namespace AspNetAuditTrail.Relational;

/// <summary>
/// A row read back, its values already in the common form (see <see cref="SqlAuditStore.FromDbValue"/>), with typed
/// accessors for building the event record. A value the record cannot hold (a NULL in a required column, a name
/// that is no member of its enum) fails with a message naming the table, the row and the column.
/// </summary>
internal sealed class AuditRow(string table, IReadOnlyDictionary<string, object?> values)
{
    public T Required<T>(string column)
        where T : notnull =>
        Value(column) is T value ? value : throw Invalid(column, typeof(T).Name);

    public T? Optional<T>(string column)
        where T : struct =>
        Value(column) switch
        {
            null => null,
            T value => value,
            _ => throw Invalid(column, typeof(T).Name),
        };

    public string? Text(string column) => Value(column) as string;

    public int Int32(string column) => checked((int)Required<long>(column));

    public int? OptionalInt32(string column) => Optional<long>(column) is { } value ? checked((int)value) : null;

    public TEnum Enum<TEnum>(string column)
        where TEnum : struct, Enum =>
        System.Enum.TryParse<TEnum>(Required<string>(column), ignoreCase: false, out var value) && System.Enum.IsDefined(value)
            ? value
            : throw Invalid(column, typeof(TEnum).Name);

    /// <summary>The row's seal; null when it has none (or only part of one).</summary>
    public AuditSeal? Seal() =>
        Optional<Guid>("chain_id") is { } chain && Optional<long>("chain_seq") is { } sequence && Text("row_mac") is { } mac && Text("personal_digest") is { } digest
            ? new AuditSeal(chain, sequence, mac.Trim(), digest.Trim())
            : null;

    private object? Value(string column) =>
        values.TryGetValue(column, out var value) ? value : throw new InvalidDataException($"Table {table} has no column {column}: its schema is not the one this version writes.");

    private InvalidDataException Invalid(string column, string type) =>
        new($"Row {values.GetValueOrDefault("id")} of {table}: column {column} holds {(values[column] is { } value ? Convert.ToString(value, CultureInfo.InvariantCulture) : "NULL")}, which is not a {type}.");
}
