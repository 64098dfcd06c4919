namespace AspNetAuditTrail.Sample;

/// <summary>The body of <c>POST /api/products</c>.</summary>
public sealed record CreateProductRequest(string? Code, string? Name, decimal Price)
{
    /// <summary>What is wrong with the code; empty when it is valid.</summary>
    public string[] CodeErrors() => string.IsNullOrWhiteSpace(Code) ? ["The code is required."] : [];

    /// <summary>What is wrong with the name and price, by field; empty when they are valid.</summary>
    public Dictionary<string, string[]> DataErrors()
    {
        var errors = new Dictionary<string, string[]>();
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
