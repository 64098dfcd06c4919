namespace AspNetAuditTrail.Sample;

/// <summary>The body of <c>PUT /api/products/{id}</c>.</summary>
public sealed record UpdateProductRequest(string? Name, decimal Price)
{
    /// <summary>What is wrong, by field; empty when it is valid.</summary>
    public Dictionary<string, string[]> Errors() => new CreateProductRequest("code", Name, Price).DataErrors();
}
