using System.Diagnostics.Metrics;

namespace AspNetAuditTrail.Writing;

/// <summary>Counters of the audit pipeline, on the meter <c>AspNetAuditTrail</c>.</summary>
internal sealed class AuditMetrics
{
    public const string MeterName = "AspNetAuditTrail";

    private readonly Counter<long> _enqueued;
    private readonly Counter<long> _written;
    private readonly Counter<long> _dropped;
    private readonly Counter<long> _writeFailures;
    private readonly Counter<long> _spilled;
    private readonly Counter<long> _replayed;
    private readonly Counter<long> _journalRejected;
    private readonly Histogram<double> _batchLatency;
    private readonly Counter<long> _retentionRemoved;
    private readonly Counter<long> _retentionRuns;
    private readonly Counter<long> _anonymized;

    public AuditMetrics(IMeterFactory meterFactory, TimeProvider time)
    {
        RecentlyDropped = new RecentCount(time);
        RecentlySpilled = new RecentCount(time);
        var meter = meterFactory.Create(MeterName);
        _enqueued = meter.CreateCounter<long>("audit.events.enqueued", "{event}", "Audit events handed to the queue.");
        _written = meter.CreateCounter<long>("audit.events.written", "{event}", "Audit events written to the store.");
        _dropped = meter.CreateCounter<long>("audit.events.dropped", "{event}", "Audit events lost, by reason.");
        _writeFailures = meter.CreateCounter<long>("audit.write.failures", "{attempt}", "Failed attempts to write a batch.");
        _spilled = meter.CreateCounter<long>("audit.events.spilled", "{event}", "Audit events put in the local journal, by reason.");
        _replayed = meter.CreateCounter<long>("audit.events.replayed", "{event}", "Audit events written to the store from the journal.");
        _journalRejected = meter.CreateCounter<long>("audit.journal.rejected", "{line}", "Journal lines that did not verify and were not replayed.");
        _batchLatency = meter.CreateHistogram<double>("audit.batch.duration", "ms", "Time to write one batch to the store, retries included.");
        _retentionRemoved = meter.CreateCounter<long>("audit.retention.removed", "{row}", "Rows removed by retention, by table.");
        _anonymized = meter.CreateCounter<long>("audit.anonymization.rows", "{row}", "Rows whose personal data the retention job anonymised, by table.");
        _retentionRuns = meter.CreateCounter<long>("audit.retention.runs", "{run}", "Runs of the retention job, by outcome (completed, failed, skipped).");
    }

    /// <summary>Events lost in the last five minutes.</summary>
    public RecentCount RecentlyDropped { get; }

    /// <summary>Events put in the journal in the last five minutes.</summary>
    public RecentCount RecentlySpilled { get; }

    public void Enqueued() => _enqueued.Add(1);

    public void Written(int count, TimeSpan duration)
    {
        _written.Add(count);
        _batchLatency.Record(duration.TotalMilliseconds);
    }

    public void Dropped(int count, string reason)
    {
        _dropped.Add(count, new KeyValuePair<string, object?>("reason", reason));
        RecentlyDropped.Add(count);
    }

    public void WriteFailed() => _writeFailures.Add(1);

    public void Spilled(int count, string reason)
    {
        _spilled.Add(count, new KeyValuePair<string, object?>("reason", reason));
        RecentlySpilled.Add(count);
    }

    public void Replayed(int count) => _replayed.Add(count);

    public void JournalRejected() => _journalRejected.Add(1);

    public void RetentionRemoved(string table, long rows) => _retentionRemoved.Add(rows, new KeyValuePair<string, object?>("table", table));

    public void Anonymized(string table, long rows) => _anonymized.Add(rows, new KeyValuePair<string, object?>("table", table));

    public void RetentionRun(string outcome) => _retentionRuns.Add(1, new KeyValuePair<string, object?>("outcome", outcome));
}
