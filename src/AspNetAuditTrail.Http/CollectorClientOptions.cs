namespace AspNetAuditTrail.Http;

/// <summary>Where and as whom an app forwards its audit trail, bound from <c>AuditTrail:Collector</c>.</summary>
public sealed class CollectorClientOptions
{
    /// <summary>The collector's address, for example <c>http://localhost:5090</c> (its endpoints are under <c>/events</c>). Required.</summary>
    public string? Url { get; set; }

    /// <summary>The name the app signs as (the collector must know it). Default: <c>AuditTrail:ServiceName</c>.</summary>
    public string? ServiceName { get; set; }

    /// <summary>The path of the app's private key (PEM: EC P-256 for ES256, or RSA for RS256), relative to the content root or absolute. Required.</summary>
    public string? PrivateKeyPath { get; set; }

    /// <summary>The audience the collector expects (<c>aud</c>). Default <c>audit-collector</c>.</summary>
    public string Audience { get; set; } = "audit-collector";

    /// <summary>How long one attempt to send a batch may take. Default 10 seconds.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The most rows one call carries (a batch is split into calls). Default 500; keep it within the collector's <c>MaxBatchItems</c>.</summary>
    public int MaxItemsPerCall { get; set; } = 500;

    /// <summary>The most bytes of JSON one call carries before compression. Default 3 MiB; keep it within the collector's <c>MaxBodyBytes</c>.</summary>
    public int MaxBytesPerCall { get; set; } = 3 * 1024 * 1024;

    /// <summary>How many calls of one batch may be in flight at once. Default 4.</summary>
    public int ConcurrentCalls { get; set; } = 4;
}
