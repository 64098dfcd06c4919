namespace AspNetAuditTrail.Benchmarks.Load;

/// <summary>One column of the side-by-side run: the store the API audits to, and whether bodies are captured.</summary>
internal sealed record LoadSetup(AuditedStore Store, bool Bodies)
{
    public string Name => Store switch
    {
        AuditedStore.None => "bare (no audit)",
        AuditedStore.Sqlite => Bodies ? "SQLite, bodies" : "SQLite",
        _ => Bodies ? "PostgreSQL, bodies" : "PostgreSQL",
    };
}
