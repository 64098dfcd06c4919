namespace AspNetAuditTrail.Storage;

/// <summary>One schema change: its version and name (for example <c>3</c>, <c>security_events</c>) and its statements.</summary>
public sealed record AuditSchemaChange(int Version, string Name, IReadOnlyList<string> Statements);
