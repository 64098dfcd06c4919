using AspNetAuditTrail.Events;

namespace AspNetAuditTrail.Reading;

/// <summary>Filters of the changes of records, newest first: the history of one record when both its type and id are set. Every value is sent as a parameter.</summary>
public sealed record EntityChangeQuery
{
    /// <summary>Changes at or after this time.</summary>
    public DateTimeOffset? From { get; init; }

    /// <summary>Changes before this time.</summary>
    public DateTimeOffset? To { get; init; }

    /// <summary>The kind of record, exactly (for example <c>Product</c>).</summary>
    public string? EntityType { get; init; }

    /// <summary>The record's key as stored, exactly (for example <c>123</c>).</summary>
    public string? EntityId { get; init; }

    /// <summary>Who made them, exactly.</summary>
    public string? UserId { get; init; }

    /// <summary>Created, updated or deleted; null for all.</summary>
    public EntityChangeAction? Action { get; init; }

    /// <summary>Only rows of this tenant (and of its second level when it names one); null for every tenant. Set from the caller on a scoped reading path.</summary>
    public AuditTenant? Tenant { get; init; }

    /// <summary>Rows per page (1 to 1,000).</summary>
    public int PageSize { get; init; } = 100;

    /// <summary>Where the previous page ended (from <see cref="AuditPage{TEvent}.ContinuationToken"/>).</summary>
    public AuditPosition? After { get; init; }
}
