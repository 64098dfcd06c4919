using AspNetAuditTrail.Benchmarks.Load;

namespace AspNetAuditTrail.Benchmarks.Ingest;

/// <summary>Events per second into one store: through the pipeline, and by the raw bulk path.</summary>
internal sealed record IngestResult(AuditedStore Store, int Events, double PipelineSeconds, double RawSeconds)
{
    public double PipelineEventsPerSecond => Events / PipelineSeconds;

    public double RawEventsPerSecond => Events / RawSeconds;

    public double Ratio => RawSeconds / PipelineSeconds;
}
