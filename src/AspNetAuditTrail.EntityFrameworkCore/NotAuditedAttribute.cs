namespace AspNetAuditTrail.EntityFrameworkCore;

/// <summary>Keeps an entity type (no change rows) or a property (never in a change row's values) out of change capture.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Property, Inherited = true)]
public sealed class NotAuditedAttribute : Attribute;
