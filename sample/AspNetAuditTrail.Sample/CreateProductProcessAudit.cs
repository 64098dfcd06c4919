namespace AspNetAuditTrail.Sample;

/// <summary>
/// The audit of creating a product, step by step (drf-audit-trail's example, ported): a validation step that
/// expects two registrations (the code, then the other data) and a save step that expects one.
/// </summary>
public sealed class CreateProductProcessAudit(ProcessAuditContext context) : ProcessAudit(context)
{
    private const string Validation = "validation";
    private const string Save = "save";

    /// <inheritdoc />
    protected override string Name => "Create product";

    /// <inheritdoc />
    protected override string? Description => "Validates a new product and saves it in the catalogue.";

    /// <inheritdoc />
    protected override IEnumerable<ProcessStep> DefineSteps() =>
    [
        new(Validation, 1, ExpectedRegistrations: 2, "The code and the other data are valid."),
        new(Save, 2, ExpectedRegistrations: 1, "The product is saved."),
    ];

    /// <summary>Registers the check of the product code.</summary>
    public void CodeChecked(string? code, string[] errors) =>
        Register(Validation, errors.Length == 0, "code", errors.Length == 0 ? $"Code '{code}' is valid." : string.Join(" ", errors));

    /// <summary>Registers the check of the name and price.</summary>
    public void DataChecked(string[] errors) =>
        Register(Validation, errors.Length == 0, "data", errors.Length == 0 ? "Name and price are valid." : string.Join(" ", errors));

    /// <summary>Registers the saved product.</summary>
    public void Saved(Product product)
    {
        Set("productId", product.Id);
        Register(Save, true, "product", $"Product {product.Id} saved.");
    }

    /// <summary>Registers a failed save.</summary>
    public void SaveFailed(Exception exception) => Register(Save, false, "product", $"{exception.GetType().Name}: {exception.Message}");
}
