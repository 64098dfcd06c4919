namespace AspNetAuditTrail.Sample;

/// <summary>A product of the demo catalogue.</summary>
public sealed record Product(int Id, string Code, string Name, decimal Price);
