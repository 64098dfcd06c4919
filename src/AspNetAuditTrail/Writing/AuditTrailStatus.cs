namespace AspNetAuditTrail.Writing;

/// <summary>What the writer has been through, for the health check: its last write, its failures, the circuit, a fault of its loop.</summary>
internal sealed class AuditTrailStatus(TimeProvider time)
{
    private readonly Lock _gate = new();

    public DateTimeOffset? LastWriteAt { get; private set; }

    public int ConsecutiveFailedBatches { get; private set; }

    public string? LastFailure { get; private set; }

    public DateTimeOffset? LastFailureAt { get; private set; }

    public bool CircuitOpen { get; set; }

    /// <summary>Why the writer loop stopped, while it recovers; null when it runs.</summary>
    public string? WriterFault { get; private set; }

    public void Written()
    {
        lock (_gate)
        {
            LastWriteAt = time.GetUtcNow();
            ConsecutiveFailedBatches = 0;
            WriterFault = null;
        }
    }

    public void BatchFailed(Exception exception)
    {
        lock (_gate)
        {
            ConsecutiveFailedBatches++;
            Failed(exception);
        }
    }

    public void Faulted(Exception exception)
    {
        lock (_gate)
        {
            WriterFault = $"{exception.GetType().Name}: {exception.Message}";
            Failed(exception);
        }
    }

    public void Recovered()
    {
        lock (_gate)
        {
            WriterFault = null;
        }
    }

    /// <summary>Notes a failure that loses nothing (a replay that will be tried again).</summary>
    public void Noted(Exception exception)
    {
        lock (_gate)
        {
            Failed(exception);
        }
    }

    private void Failed(Exception exception)
    {
        LastFailure = $"{exception.GetType().Name}: {exception.Message}";
        LastFailureAt = time.GetUtcNow();
    }
}
