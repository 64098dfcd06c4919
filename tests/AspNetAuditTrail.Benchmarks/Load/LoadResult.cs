namespace AspNetAuditTrail.Benchmarks.Load;

/// <summary>One measured run of the API under load, and what reached the audit database.</summary>
internal sealed record LoadResult(
    LoadSetup Setup,
    WrkResult Wrk,
    WrkResult Paced,
    double AllocatedBytesPerRequest,
    double CpuMicrosecondsPerRequest,
    double DatabaseCpuMicrosecondsPerRequest,
    long EventsExpected,
    long EventsWritten,
    long Dropped,
    long Spilled)
{
    /// <summary>Audited requests whose event is not in the database after the API stopped.</summary>
    public long EventsLost => EventsExpected - EventsWritten;
}
