namespace AspNetAuditTrail.Reports.Insights;

/// <summary>One series of a chart over time: its name, the style class that colours it, and a value per bucket.</summary>
internal sealed record ChartSeries(string Name, string Class, long[] Values);
