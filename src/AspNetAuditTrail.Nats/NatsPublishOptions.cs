namespace AspNetAuditTrail.Nats;

/// <summary>How an app publishes its audit trail to JetStream, bound from <c>AuditTrail:Nats</c>.</summary>
public sealed class NatsPublishOptions : NatsStreamOptions
{
    /// <summary>
    /// The subject the app publishes to; its last token is the service name the collectors record. Default
    /// <c>audit.</c> and <c>AuditTrail:ServiceName</c> (each character other than a letter, a digit, '-' or '_' made
    /// '-'). Give each app publish permission on its own subject only.
    /// </summary>
    public string? Subject { get; set; }

    /// <summary>How many messages of one batch may wait for their acknowledgement at once. Default 256.</summary>
    public int MaxPublishesInFlight { get; set; } = 256;
}
