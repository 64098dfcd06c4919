using AspNetAuditTrail.Events;

namespace AspNetAuditTrail.Reading;

/// <summary>Filters of the business events, newest first. A list filter matches any of its values; every value is sent as a parameter.</summary>
public sealed record BusinessEventQuery
{
    /// <summary>Events at or after this time.</summary>
    public DateTimeOffset? From { get; init; }

    /// <summary>Events before this time.</summary>
    public DateTimeOffset? To { get; init; }

    /// <summary>The services that recorded them.</summary>
    public IReadOnlyList<string> Services { get; init; } = [];

    /// <summary>Their levels.</summary>
    public IReadOnlyList<AuditLevel> Levels { get; init; } = [];

    /// <summary>Their categories.</summary>
    public IReadOnlyList<string> Categories { get; init; } = [];

    /// <summary>Their actions.</summary>
    public IReadOnlyList<string> Actions { get; init; } = [];

    /// <summary>The user id, exactly.</summary>
    public string? UserId { get; init; }

    /// <summary>The kind of record they concern, exactly.</summary>
    public string? ResourceType { get; init; }

    /// <summary>The id of that record, exactly.</summary>
    public string? ResourceId { get; init; }

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
