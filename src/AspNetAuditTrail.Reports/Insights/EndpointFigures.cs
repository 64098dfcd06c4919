namespace AspNetAuditTrail.Reports.Insights;

/// <summary>One endpoint's requests in a period: how many, how fast (average and 95th percentile) and how many failed (5xx).</summary>
internal sealed record EndpointFigures(string Endpoint, long Requests, double AverageMs, double P95Ms, long ServerErrors);
