namespace AspNetAuditTrail.Sample;

/// <summary>The body of <c>POST /webhooks/payments</c>, sent by a payment provider.</summary>
public sealed record PaymentNotification(string PaymentId, string Status, decimal Amount);
