namespace AspNetAuditTrail.Relational;

/// <summary>A column of an audit table and how to read its value from an event.</summary>
/// <typeparam name="TEvent">The event type the table stores.</typeparam>
/// <param name="Name">The snake_case column name, the same on every dialect.</param>
/// <param name="Type">The logical type.</param>
/// <param name="Read">Reads the column's value (null for SQL NULL) from an event.</param>
/// <param name="MaxLength">For text: the most characters stored, the same on every dialect; 0 for no limit.</param>
/// <param name="Personal">What the column holds of a person: what anonymisation does to it.</param>
public sealed record AuditColumn<TEvent>(string Name, AuditColumnType Type, Func<TEvent, object?> Read, int MaxLength = 0, AuditPersonalData Personal = AuditPersonalData.None)
{
    /// <summary>Ends a value cut to <see cref="MaxLength"/>.</summary>
    public const string TruncationMarker = "\u2026";

    /// <summary>
    /// The value to store: text longer than <see cref="MaxLength"/> is cut and ends with <see cref="TruncationMarker"/>;
    /// a NUL character (which PostgreSQL text and jsonb refuse, and SQLite cuts at) becomes U+FFFD, so one odd
    /// body can never make a batch fail.
    /// </summary>
    public object? ValueOf(TEvent row)
    {
        var value = Read(row);
        if (value is not string text)
        {
            return value;
        }

        if (text.Contains('\0', StringComparison.Ordinal))
        {
            text = text.Replace('\0', '\uFFFD');
        }

        if (Type == AuditColumnType.Json && text.Contains("\\u0000", StringComparison.OrdinalIgnoreCase))
        {
            text = text.Replace("\\u0000", "\\uFFFD", StringComparison.OrdinalIgnoreCase);
        }

        return MaxLength > 0 && text.Length > MaxLength
            ? string.Concat(text.AsSpan(0, MaxLength - TruncationMarker.Length), TruncationMarker)
            : text;
    }
}
