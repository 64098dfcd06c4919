using System.ComponentModel.DataAnnotations;

namespace AspNetAuditTrail.Sample;

/// <summary>The body of <c>POST /api/orders</c>, validated by data annotations.</summary>
public sealed class CreateOrderRequest
{
    /// <summary>Who orders.</summary>
    [Required]
    public string? Customer { get; set; }

    /// <summary>The product's code.</summary>
    [Required]
    public string? ProductCode { get; set; }

    /// <summary>How many, 1 to 100.</summary>
    [Range(1, 100)]
    public int Quantity { get; set; }

    /// <summary>The payment card: masked in the audit trail (see <c>AuditTrail:MaskedFields</c>).</summary>
    public string? CardNumber { get; set; }
}
