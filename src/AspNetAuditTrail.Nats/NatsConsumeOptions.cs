namespace AspNetAuditTrail.Nats;

/// <summary>How a collector takes the audit trail from JetStream, bound from <c>AuditTrailCollector:Nats</c>.</summary>
public sealed class NatsConsumeOptions : NatsStreamOptions
{
    /// <summary>The durable consumer that every collector instance shares (created when missing). Default <c>audit-collectors</c>.</summary>
    public string Consumer { get; set; } = "audit-collectors";

    /// <summary>The most messages (units) one fetch takes, written to the store in one transaction. Default 500.</summary>
    public int BatchSize { get; set; } = 500;

    /// <summary>
    /// How long the servers wait for a fetched message's acknowledgement before they deliver it again (to any
    /// collector), when the consumer is created here. Default 30 seconds.
    /// </summary>
    public TimeSpan AckWait { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The backlog (messages not yet written) above which the collector's health is degraded. Default 100,000.</summary>
    public long MaxHealthyLag { get; set; } = 100_000;
}
