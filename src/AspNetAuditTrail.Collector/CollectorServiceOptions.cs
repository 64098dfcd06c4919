namespace AspNetAuditTrail.Collector;

/// <summary>A service that may send to the collector.</summary>
public sealed class CollectorServiceOptions
{
    /// <summary>The path of the service's public key (PEM: an EC P-256 key for ES256, or an RSA key for RS256).</summary>
    public string? PublicKeyPath { get; set; }
}
