namespace AspNetAuditTrail.Retention;

/// <summary>
/// Retention (<c>AuditTrail:Retention</c>): how long each kind of record is kept, overridable per tenant, and how the
/// hosted job applies it. Off by default: with no period set, every row is kept forever.
/// </summary>
public sealed class AuditRetentionOptions : AuditPeriods
{
    /// <summary>Periods of a tenant (by its id) that replace the ones above for its rows; a kind it does not set follows the ones above.</summary>
    public Dictionary<string, AuditPeriods> Tenants { get; set; } = [];

    /// <summary>How often the job runs (the first run is a minute after start, or one interval when that is shorter). Default 1 hour.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How many rows of one kind are removed per transaction. Default 1,000 (at most 2,000).</summary>
    public int BatchSize { get; set; } = 1_000;

    /// <summary>
    /// How long the job waits after each batch, so that it takes a small share of the database and of the app's CPU
    /// while the app serves requests (the benchmark's figures are with the default). Default 250 ms; zero for none.
    /// </summary>
    public TimeSpan PauseBetweenBatches { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Whether any period is set, globally or for a tenant.</summary>
    public bool IsEnabled => SetsAny || Tenants.Values.Any(t => t.SetsAny);
}
