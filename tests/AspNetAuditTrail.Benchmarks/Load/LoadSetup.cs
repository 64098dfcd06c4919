namespace AspNetAuditTrail.Benchmarks.Load;

/// <summary>
/// One column of the side-by-side run: the store the API audits to (or the peer it logs with), whether bodies are
/// captured, and whether each response waits for its row (strict mode, <c>WriteMode</c> <c>Synchronous</c>).
/// </summary>
internal sealed record LoadSetup(AuditedStore Store, bool Bodies, bool Strict = false)
{
    /// <summary>Whether this package audits the API (its rows are counted).</summary>
    public bool Audited => Store is AuditedStore.Sqlite or AuditedStore.PostgreSql or AuditedStore.Discard;

    private string Kind => Strict ? ", strict" : Bodies ? ", bodies" : "";

    public string Name => Store switch
    {
        AuditedStore.None => "bare (no audit)",
        AuditedStore.W3cFile => "W3C log file (HttpLogging)",
        AuditedStore.SerilogFile => "Serilog request log, JSON file",
        AuditedStore.Sqlite => "SQLite" + Kind,
        AuditedStore.Discard => "audited, store discarding" + Kind,
        _ => "PostgreSQL" + Kind,
    };
}
