namespace AspNetAuditTrail.Sample;

/// <summary>An order of the demo shop.</summary>
public sealed record Order(int Id, string Customer, string ProductCode, int Quantity);
