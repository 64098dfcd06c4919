namespace AspNetAuditTrail.Benchmarks.Load;

/// <summary>Where the benchmark API writes its audit trail; <see cref="None"/> runs it without auditing.</summary>
internal enum AuditedStore
{
    None,
    Sqlite,
    PostgreSql,
}
