namespace AspNetAuditTrail.Benchmarks.Load;

/// <summary>
/// Where the benchmark API writes its audit trail; <see cref="None"/> runs it without auditing, and the peers run it
/// with what teams use instead of this package: a log line per request in a file.
/// </summary>
internal enum AuditedStore
{
    None,
    Sqlite,
    PostgreSql,

    /// <summary>ASP.NET Core's W3C logger (HttpLogging), every field, to a file.</summary>
    W3cFile,

    /// <summary>Serilog's request logging to a JSON file (Serilog.AspNetCore, Serilog.Sinks.File, compact JSON).</summary>
    SerilogFile,

    /// <summary>Audited by this package into a store that keeps nothing (<see cref="DiscardingStore"/>).</summary>
    Discard,
}
