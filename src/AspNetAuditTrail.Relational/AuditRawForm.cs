namespace AspNetAuditTrail.Relational;

/// <summary>
/// How the bytes a data reader holds for a column (<see cref="System.Data.Common.DbDataReader.GetBytes"/>) stand for its
/// value, so that verification can put them in canonical form without reading them as values first.
/// </summary>
public enum AuditRawForm
{
    /// <summary>Not known: the column is read as a value.</summary>
    None,

    /// <summary>
    /// The value's own bytes, as the canonical form writes them: an id's 16 bytes in RFC 4122 order, an integer or a
    /// double big-endian, a boolean as one byte 0 or 1.
    /// </summary>
    BigEndian,

    /// <summary>Text (or JSON text) in UTF-8.</summary>
    Utf8,

    /// <summary>One version byte (1), then UTF-8 text: PostgreSQL's binary jsonb.</summary>
    VersionedUtf8,

    /// <summary>A time as microseconds since 2000-01-01 UTC, 8 bytes big-endian: PostgreSQL's binary timestamptz.</summary>
    MicrosecondsSince2000,
}
