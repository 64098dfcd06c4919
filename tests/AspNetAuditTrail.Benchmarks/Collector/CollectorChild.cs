using System.Diagnostics;

namespace AspNetAuditTrail.Benchmarks.Collector;

/// <summary>The collector's process and address; disposing stops it.</summary>
internal sealed record CollectorChild(Process Process, string Url) : IDisposable
{
    public void Dispose()
    {
        Process.Kill();
        Process.WaitForExit();
        Process.Dispose();
    }
}
