namespace AspNetAuditTrail.Reading;

/// <summary>Filters of the audited requests, newest first. Every value is sent as a parameter, never as SQL text.</summary>
public sealed record AuditQuery
{
    /// <summary>Requests at or after this time.</summary>
    public DateTimeOffset? From { get; init; }

    /// <summary>Requests before this time.</summary>
    public DateTimeOffset? To { get; init; }

    /// <summary>The user id, exactly.</summary>
    public string? UserId { get; init; }

    /// <summary>The HTTP method, exactly (upper case).</summary>
    public string? Method { get; init; }

    /// <summary>A status code, exactly.</summary>
    public int? StatusCode { get; init; }

    /// <summary>A status class: 1 to 5 for 1xx to 5xx.</summary>
    public int? StatusClass { get; init; }

    /// <summary>A path pattern where <c>*</c> stands for any characters (for example <c>/api/orders/*</c>); other characters match themselves.</summary>
    public string? PathPattern { get; init; }

    /// <summary>Only requests with linked rows of this kind.</summary>
    public EventKind Kind { get; init; } = EventKind.Request;

    /// <summary>
    /// Only rows of this tenant, and of its second level when it names one; null for every tenant. A reading path
    /// scoped to a caller's tenant sets it from the caller, never from the request's filters.
    /// </summary>
    public AuditTenant? Tenant { get; init; }

    /// <summary>Rows per page (1 to 1,000).</summary>
    public int PageSize { get; init; } = 100;

    /// <summary>Where the previous page ended (from <see cref="AuditPage{TEvent}.ContinuationToken"/>).</summary>
    public AuditPosition? After { get; init; }
}
