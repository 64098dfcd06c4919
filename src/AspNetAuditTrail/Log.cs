using AspNetAuditTrail.Events;
using Microsoft.Extensions.Logging;

namespace AspNetAuditTrail;

/// <summary>The package's log messages: fixed event ids, in ranges per area, and event names.</summary>
internal static partial class Log
{
    // Configuration: 1–9.
    [LoggerMessage(EventId = 1, EventName = "OptionsChangeRejected", Level = LogLevel.Error, Message = "The changed AuditTrail options were not applied: {Message}")]
    public static partial void OptionsChangeRejected(ILogger logger, string message);

    [LoggerMessage(EventId = 2, EventName = "FiltersWithoutMiddleware", Level = LogLevel.Warning, Message = "Audit filters are in use (global MVC filter: {GlobalFilter}, endpoints with [Audit] or .WithAudit(): {Endpoints}) but app.UseRequestAudit() was never called: no audit row will be written. Add app.UseRequestAudit() to the pipeline.")]
    public static partial void FiltersWithoutMiddleware(ILogger logger, bool globalFilter, int endpoints);

    // Capture: 10–19.
    [LoggerMessage(EventId = 10, EventName = "EventDetailsFailed", Level = LogLevel.Error, Message = "Reading the bodies or extra information of {Method} {Path} failed; the row is written without them.")]
    public static partial void EventDetailsFailed(ILogger logger, Exception exception, string method, string path);

    [LoggerMessage(EventId = 11, EventName = "EventLost", Level = LogLevel.Error, Message = "Building the audit event of {Method} {Path} failed: the event was dropped.")]
    public static partial void EventLost(ILogger logger, Exception exception, string method, string path);

    [LoggerMessage(EventId = 12, EventName = "ValueUnserializable", Level = LogLevel.Warning, Message = "An audited value named {Name} of type {Type} could not be serialized: {Message}")]
    public static partial void ValueUnserializable(ILogger logger, string name, string type, string message);

    [LoggerMessage(EventId = 13, EventName = "AlertSinkFailed", Level = LogLevel.Error, Message = "The audit alert sink {Sink} failed to handle a {EventType} event.")]
    public static partial void AlertSinkFailed(ILogger logger, Exception exception, string sink, string eventType);

    [LoggerMessage(EventId = 14, EventName = "ProcessFailed", Level = LogLevel.Error, Message = "The process audit {Process} could not be recorded: its definition is wrong.")]
    public static partial void ProcessFailed(ILogger logger, Exception exception, string process);

    [LoggerMessage(EventId = 15, EventName = "SynchronousWriteFailed", Level = LogLevel.Error, Message = "Synchronous audit: the row of {Method} {Path} could not be written, so the request was answered 503; the row goes to the background writer.")]
    public static partial void SynchronousWriteFailed(ILogger logger, Exception exception, string method, string path);

    [LoggerMessage(EventId = 16, EventName = "BusinessEventFailed", Level = LogLevel.Error, Message = "The business event {Action} could not be recorded.")]
    public static partial void BusinessEventFailed(ILogger logger, Exception exception, string action);

    [LoggerMessage(EventId = 17, EventName = "EntityChangeFailed", Level = LogLevel.Error, Message = "{Count} changes of records ({EntityTypes}) could not be recorded.")]
    public static partial void EntityChangeFailed(ILogger logger, Exception exception, int count, string entityTypes);

    // Queue: 20–29.
    [LoggerMessage(EventId = 20, EventName = "QueueFull", Level = LogLevel.Warning, Message = "Audit queue is full ({Capacity} events): the events of {Unit} were dropped. Raise AuditTrail:QueueCapacity or check the audit store.")]
    public static partial void QueueFull(ILogger logger, int capacity, AuditUnit unit);

    [LoggerMessage(EventId = 21, EventName = "EnqueuedAfterStop", Level = LogLevel.Warning, Message = "The audit writer has stopped: the events of {Unit} were dropped.")]
    public static partial void EnqueuedAfterStop(ILogger logger, AuditUnit unit);

    // Writer: 30–39.
    [LoggerMessage(EventId = 30, EventName = "WriteRetry", Level = LogLevel.Warning, Message = "Writing a batch of {Count} audit events failed (attempt {Attempt}); retrying in {Delay}.")]
    public static partial void WriteRetry(ILogger logger, Exception exception, int count, int attempt, TimeSpan delay);

    [LoggerMessage(EventId = 31, EventName = "BatchFailed", Level = LogLevel.Error, Message = "A batch of {Count} audit events could not be written after {Attempts} attempts.")]
    public static partial void BatchFailed(ILogger logger, Exception exception, int count, int attempts);

    [LoggerMessage(EventId = 32, EventName = "BatchSpilled", Level = LogLevel.Error, Message = "A batch of {Count} audit events failed {Attempts} attempts: it goes to the journal until the store is back.")]
    public static partial void BatchSpilled(ILogger logger, int count, int attempts);

    [LoggerMessage(EventId = 33, EventName = "BatchHeld", Level = LogLevel.Critical, Message = "A batch of {Count} audit events cannot be written and the journal is not used: it is kept in memory and tried again in {Delay}.")]
    public static partial void BatchHeld(ILogger logger, int count, TimeSpan delay);

    [LoggerMessage(EventId = 34, EventName = "CircuitOpened", Level = LogLevel.Warning, Message = "The audit store keeps failing: batches go straight to the journal for {BreakDuration} before the store is tried again.")]
    public static partial void CircuitOpened(ILogger logger, TimeSpan breakDuration);

    [LoggerMessage(EventId = 35, EventName = "SchemaFailed", Level = LogLevel.Error, Message = "Applying the audit schema failed; it is tried again before the next batch.")]
    public static partial void SchemaFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 36, EventName = "ShutdownDropped", Level = LogLevel.Error, Message = "The audit writer was stopped before it could write {Count} queued events, and the journal could not take them: they were dropped.")]
    public static partial void ShutdownDropped(ILogger logger, int count);

    [LoggerMessage(EventId = 38, EventName = "BatchRejected", Level = LogLevel.Error, Message = "The audit store rejected a batch of {Count} events for good ({Reason}): it is not retried, and is kept in {Path}.")]
    public static partial void BatchRejected(ILogger logger, string reason, int count, string path);

    [LoggerMessage(EventId = 37, EventName = "WriterLoopFailed", Level = LogLevel.Critical, Message = "The audit writer loop failed (attempt {Attempt}); it starts again.")]
    public static partial void WriterLoopFailed(ILogger logger, Exception exception, int attempt);

    // Journal: 40–49.
    [LoggerMessage(EventId = 40, EventName = "JournalFull", Level = LogLevel.Error, Message = "The audit journal {Path} is full ({MaxSize} bytes): {Count} events were dropped.")]
    public static partial void JournalFull(ILogger logger, int count, string path, long maxSize);

    [LoggerMessage(EventId = 41, EventName = "JournalFailed", Level = LogLevel.Error, Message = "Writing {Count} events to the audit journal {Path} failed: they were dropped.")]
    public static partial void JournalFailed(ILogger logger, Exception exception, int count, string path);

    [LoggerMessage(EventId = 42, EventName = "JournalLineRejected", Level = LogLevel.Warning, Message = "Line {Line} of the audit journal {Path} was rejected and is not replayed: {Reason} (cut short by a crash, or not written by this application).")]
    public static partial void JournalLineRejected(ILogger logger, int line, string path, string reason);

    [LoggerMessage(EventId = 43, EventName = "JournalRefused", Level = LogLevel.Critical, Message = "The audit journal is not used: {Reason}. Events that cannot reach the store wait in memory as far as the queue allows, then are dropped. Give AuditTrail:JournalFolder a folder only this user can write.")]
    public static partial void JournalRefused(ILogger logger, string reason);

    [LoggerMessage(EventId = 44, EventName = "JournalRefusedDrop", Level = LogLevel.Error, Message = "{Count} audit events could not go to the journal, which is not used ({Reason}): they were dropped.")]
    public static partial void JournalRefusedDrop(ILogger logger, int count, string reason);

    [LoggerMessage(EventId = 45, EventName = "Replaying", Level = LogLevel.Information, Message = "Replaying {Bytes} bytes of audit events from the journal.")]
    public static partial void Replaying(ILogger logger, long bytes);

    [LoggerMessage(EventId = 46, EventName = "ReplayFailed", Level = LogLevel.Warning, Message = "Replaying the journal failed after {Count} audit events were written; the journal stays for the next try, which skips what is already stored.")]
    public static partial void ReplayFailed(ILogger logger, Exception exception, int count);

    // Retention: 50–59.
    [LoggerMessage(EventId = 50, EventName = "RetentionStarted", Level = LogLevel.Information, Message = "Audit retention started: {Cuts} cuts.")]
    public static partial void RetentionStarted(ILogger logger, int cuts);

    [LoggerMessage(EventId = 51, EventName = "RetentionProgress", Level = LogLevel.Information, Message = "Audit retention has removed {Rows} rows and anonymised {Anonymized} so far (last in {Table}).")]
    public static partial void RetentionProgress(ILogger logger, long rows, long anonymized, string table);

    [LoggerMessage(EventId = 52, EventName = "RetentionCompleted", Level = LogLevel.Information, Message = "Audit retention removed {Rows} rows and anonymised {Anonymized} in {Seconds:0.0} s.")]
    public static partial void RetentionCompleted(ILogger logger, long rows, long anonymized, double seconds);

    [LoggerMessage(EventId = 53, EventName = "RetentionSkipped", Level = LogLevel.Debug, Message = "Audit retention skipped this run: another instance holds the lease.")]
    public static partial void RetentionSkipped(ILogger logger);

    [LoggerMessage(EventId = 54, EventName = "RetentionFailed", Level = LogLevel.Error, Message = "Audit retention failed after removing {Rows} rows and anonymising {Anonymized}; it runs again at the next interval.")]
    public static partial void RetentionFailed(ILogger logger, Exception exception, long rows, long anonymized);

    [LoggerMessage(EventId = 55, EventName = "RetentionUnsupported", Level = LogLevel.Warning, Message = "AuditTrail:Retention sets periods, but the audit store {Store} cannot apply them (retention runs where the rows are stored, for example in the collector).")]
    public static partial void RetentionUnsupported(ILogger logger, string store);

    [LoggerMessage(EventId = 60, EventName = "ChainStarted", Level = LogLevel.Information, Message = "Audit integrity on: rows written by {Writer} join chain {ChainId}; checkpoints are signed with key {KeyId} and kept in {Sinks} places.")]
    public static partial void ChainStarted(ILogger logger, Guid chainId, string writer, string keyId, int sinks);

    [LoggerMessage(EventId = 61, EventName = "CheckpointFailed", Level = LogLevel.Warning, Message = "Audit checkpoint {Sequence} could not be kept in {Sink}; the next checkpoint covers its rows too.")]
    public static partial void CheckpointFailed(ILogger logger, Exception exception, long sequence, string sink);

    [LoggerMessage(EventId = 62, EventName = "IntegrityUnsupported", Level = LogLevel.Warning, Message = "AuditTrail:Integrity is enabled, but the audit store {Store} keeps no hash chain (rows are sealed where they are stored, for example in the collector).")]
    public static partial void IntegrityUnsupported(ILogger logger, string store);
}
