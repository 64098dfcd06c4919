namespace AspNetAuditTrail.Collector;

/// <summary>Settings of the collector, bound from the <c>AuditTrailCollector</c> configuration section.</summary>
public sealed class AuditTrailCollectorOptions
{
    /// <summary>The configuration section the options are usually bound from.</summary>
    public const string SectionName = "AuditTrailCollector";

    /// <summary>The services that may send, by name (the tokens' <c>iss</c> and the <c>X-M2M-Service</c> header).</summary>
    public Dictionary<string, CollectorServiceOptions> Services { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The audience the tokens must name (<c>aud</c>). Default <c>audit-collector</c>.</summary>
    public string Audience { get; set; } = "audit-collector";

    /// <summary>The longest a token may live (<c>exp</c> minus <c>iat</c>). Default 5 minutes, at most 15.</summary>
    public TimeSpan MaxTokenLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How far the senders' clocks may differ from the collector's. Default 30 seconds, at most 5 minutes.</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The most items one batch may hold (more: 400). Default 1,000.</summary>
    public int MaxBatchItems { get; set; } = 1000;

    /// <summary>The most bytes a call's body may have, compressed or not (more: 413). Default 4 MiB.</summary>
    public int MaxBodyBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>The scope (in the token's <c>scope</c> claim) that lets a service use the reading endpoints. Default <c>audit.read</c>.</summary>
    public string ReadScope { get; set; } = "audit.read";

    /// <summary>The policy that lets a person use the reading endpoints. Default the admin policy, <c>AuditTrailAdmin</c>.</summary>
    public string ReadPolicy { get; set; } = AspNetAuditTrail.Reports.AuditTrailAdminPolicy.Name;

    /// <summary>
    /// The policy that lets a person read their own tenant's events only (when the app defines it). Default
    /// <c>AuditTrailTenantViewer</c>.
    /// </summary>
    public string ViewerPolicy { get; set; } = AspNetAuditTrail.Reports.AuditTrailTenantViewerPolicy.Name;

    /// <summary>
    /// Where the checkpoints that services send (<c>POST /checkpoints</c>) are kept: a folder per service, one
    /// write-once file per checkpoint; <c>audit-trail verify --checkpoints</c> reads a service's folder. A relative
    /// path is under the content root; null (the default) for none.
    /// </summary>
    public string? CheckpointFolder { get; set; }
}
