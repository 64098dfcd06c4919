using System.Diagnostics.Metrics;

namespace AspNetAuditTrail.Nats;

/// <summary>What the collector's JetStream consumer last saw, for its health check and its metrics (meter <c>AspNetAuditTrail</c>).</summary>
internal sealed class NatsConsumerState
{
    public NatsConsumerState(IMeterFactory meters)
    {
        var meter = meters.Create("AspNetAuditTrail");
        meter.CreateObservableGauge("audit.nats.consumer.lag", () => Lag ?? 0, "{message}", "Audit messages in the stream not yet written by the collectors.");
        meter.CreateObservableCounter("audit.nats.consumer.written", () => Written, "{message}", "Audit messages this collector wrote and acknowledged.");
        meter.CreateObservableCounter("audit.nats.consumer.refused", () => Refused, "{message}", "Audit messages that can never be written, terminated.");
        meter.CreateObservableCounter("audit.nats.consumer.redelivered", () => Redelivered, "{message}", "Audit messages delivered more than once.");
    }

    private long _written;
    private long _refused;
    private long _redelivered;

    /// <summary>Messages in the stream that the consumer has not had yet, plus those fetched and not acknowledged; null before the first look.</summary>
    public long? Lag { get; set; }

    /// <summary>When the consumer last heard from the servers.</summary>
    public DateTimeOffset? LastContact { get; set; }

    /// <summary>The last failure (fetching or writing) since the last success; null when the last attempt succeeded.</summary>
    public string? LastError { get; set; }

    public long Written => Interlocked.Read(ref _written);

    public long Refused => Interlocked.Read(ref _refused);

    public long Redelivered => Interlocked.Read(ref _redelivered);

    public void AddWritten(int messages) => Interlocked.Add(ref _written, messages);

    public void AddRefused() => Interlocked.Increment(ref _refused);

    public void AddRedelivered() => Interlocked.Increment(ref _redelivered);
}
