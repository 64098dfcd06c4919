using AspNetAuditTrail.Events;

namespace AspNetAuditTrail.Reading;

/// <summary>One page of requests, newest first.</summary>
/// <param name="Rows">The requests.</param>
/// <param name="ContinuationToken">Pass it as <c>after</c> to get the next page; null on the last page.</param>
public sealed record AuditPage(IReadOnlyList<RequestAuditEvent> Rows, string? ContinuationToken);
