namespace AspNetAuditTrail.Sample;

/// <summary>The body of <c>POST /api/products</c>.</summary>
public sealed record CreateProductRequest(string? Code, string? Name, decimal Price)
{
    /// <summary>What is wrong with the request, by field; empty when it is valid.</summary>
    public Dictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(Code))
        {
            errors["code"] = ["The code is required."];
        }

        if (string.IsNullOrWhiteSpace(Name))
        {
            errors["name"] = ["The name is required."];
        }

        if (Price <= 0)
        {
            errors["price"] = ["The price must be greater than zero."];
        }

        return errors;
    }
}
