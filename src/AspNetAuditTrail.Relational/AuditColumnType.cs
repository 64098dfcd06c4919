namespace AspNetAuditTrail.Relational;

/// <summary>The logical type of an audit column; each dialect maps it to its own database type.</summary>
public enum AuditColumnType
{
    /// <summary>A time-ordered UUID made by the application.</summary>
    Id,

    /// <summary>A UTC point in time (<see cref="DateTimeOffset"/>).</summary>
    Timestamp,

    /// <summary>Text of any length.</summary>
    Text,

    /// <summary>A JSON object held as text, or null.</summary>
    Json,

    /// <summary>A 32-bit integer.</summary>
    Int32,

    /// <summary>A 64-bit integer.</summary>
    Int64,

    /// <summary>A double-precision number.</summary>
    Double,

    /// <summary>True or false.</summary>
    Boolean,
}
