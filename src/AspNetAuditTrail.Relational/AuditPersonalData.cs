namespace AspNetAuditTrail.Relational;

/// <summary>What a column holds of a person, which decides what anonymisation does to it and how a person's rows are found.</summary>
public enum AuditPersonalData
{
    /// <summary>Nothing personal: kept as it is.</summary>
    None,

    /// <summary>Who the row is about (a user id or name): a person's rows are found by it; replaced by its pseudonym.</summary>
    Subject,

    /// <summary>Something that identifies a person without naming them (an address, a session): replaced by its pseudonym.</summary>
    Identifier,

    /// <summary>Free content that may hold anything about a person (bodies, arguments, input and output, details): removed.</summary>
    Content,

    /// <summary>Text that may name a person in one of its segments (a path, an endpoint): the segment equal to a user's id is replaced when that user is anonymised.</summary>
    Segments,
}
