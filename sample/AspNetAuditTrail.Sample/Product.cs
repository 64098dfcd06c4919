namespace AspNetAuditTrail.Sample;

/// <summary>A product of the demo catalogue, kept with Entity Framework Core in the sample's own database.</summary>
public sealed class Product
{
    public int Id { get; set; }

    public required string Code { get; set; }

    public required string Name { get; set; }

    public decimal Price { get; set; }
}
