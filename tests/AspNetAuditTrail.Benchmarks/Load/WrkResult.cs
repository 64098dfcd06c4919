namespace AspNetAuditTrail.Benchmarks.Load;

/// <summary>What one wrk run measured.</summary>
internal sealed record WrkResult(long Requests, double Seconds, long SocketErrors, long StatusErrors, double P50Ms, double P99Ms)
{
    public double RequestsPerSecond => Requests / Seconds;
}
