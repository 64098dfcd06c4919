using AspNetAuditTrail.Events;

namespace AspNetAuditTrail.Reading;

/// <summary>One page of rows, newest first.</summary>
/// <typeparam name="TEvent">The kind of row.</typeparam>
/// <param name="Rows">The rows.</param>
/// <param name="ContinuationToken">Pass it as <c>after</c> to get the next page; null on the last page.</param>
public sealed record AuditPage<TEvent>(IReadOnlyList<TEvent> Rows, string? ContinuationToken)
    where TEvent : IAuditEvent;
