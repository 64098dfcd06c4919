using AspNetAuditTrail.Events;
using Microsoft.Extensions.Logging;

namespace AspNetAuditTrail;

/// <summary>The package's log messages, with fixed event ids.</summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Warning, "Audit queue is full ({Capacity} events): the events of {Unit} were dropped. Raise AuditTrail:QueueCapacity or check the audit store.")]
    public static partial void QueueFull(ILogger logger, int capacity, AuditUnit unit);

    [LoggerMessage(2, LogLevel.Warning, "Writing a batch of {Count} audit events failed (attempt {Attempt}); retrying in {Delay}.")]
    public static partial void WriteRetry(ILogger logger, Exception exception, int count, int attempt, TimeSpan delay);

    [LoggerMessage(3, LogLevel.Error, "A batch of {Count} audit events could not be written after {Attempts} attempts.")]
    public static partial void BatchFailed(ILogger logger, Exception exception, int count, int attempts);

    [LoggerMessage(23, LogLevel.Error, "A batch of {Count} audit events failed {Attempts} attempts: it goes to the journal until the store is back.")]
    public static partial void BatchSpilled(ILogger logger, int count, int attempts);

    [LoggerMessage(24, LogLevel.Critical, "A batch of {Count} audit events cannot be written and the journal is not used: it is kept in memory and tried again in {Delay}.")]
    public static partial void BatchHeld(ILogger logger, int count, TimeSpan delay);

    [LoggerMessage(25, LogLevel.Critical, "The audit writer loop failed (attempt {Attempt}); it starts again.")]
    public static partial void WriterLoopFailed(ILogger logger, Exception exception, int attempt);

    [LoggerMessage(4, LogLevel.Error, "Reading the bodies or extra information of {Method} {Path} failed; the row is written without them.")]
    public static partial void EventDetailsFailed(ILogger logger, Exception exception, string method, string path);

    [LoggerMessage(9, LogLevel.Error, "Building the audit event of {Method} {Path} failed: the event was dropped.")]
    public static partial void EventLost(ILogger logger, Exception exception, string method, string path);

    [LoggerMessage(10, LogLevel.Warning, "The audit writer has stopped: the events of {Unit} were dropped.")]
    public static partial void EnqueuedAfterStop(ILogger logger, AuditUnit unit);

    [LoggerMessage(5, LogLevel.Error, "The audit writer was stopped before it could write {Count} queued events, and the journal could not take them: they were dropped.")]
    public static partial void ShutdownDropped(ILogger logger, int count);

    [LoggerMessage(6, LogLevel.Error, "Applying the audit schema failed; it is tried again before the next batch.")]
    public static partial void SchemaFailed(ILogger logger, Exception exception);

    [LoggerMessage(7, LogLevel.Error, "The changed AuditTrail options were not applied: {Message}")]
    public static partial void OptionsChangeRejected(ILogger logger, string message);

    [LoggerMessage(8, LogLevel.Warning, "An audited value named {Name} of type {Type} could not be serialized: {Message}")]
    public static partial void ValueUnserializable(ILogger logger, string name, string type, string message);

    [LoggerMessage(11, LogLevel.Warning, "Audit filters are in use (global MVC filter: {GlobalFilter}, endpoints with [Audit] or .WithAudit(): {Endpoints}) but app.UseRequestAudit() was never called: no audit row will be written. Add app.UseRequestAudit() to the pipeline.")]
    public static partial void FiltersWithoutMiddleware(ILogger logger, bool globalFilter, int endpoints);

    [LoggerMessage(12, LogLevel.Error, "The audit alert sink {Sink} failed to handle a {EventType} event.")]
    public static partial void AlertSinkFailed(ILogger logger, Exception exception, string sink, string eventType);

    [LoggerMessage(13, LogLevel.Error, "The process audit {Process} could not be recorded: its definition is wrong.")]
    public static partial void ProcessFailed(ILogger logger, Exception exception, string process);

    [LoggerMessage(14, LogLevel.Error, "The audit journal {Path} is full ({MaxSize} bytes): {Count} events were dropped.")]
    public static partial void JournalFull(ILogger logger, int count, string path, long maxSize);

    [LoggerMessage(15, LogLevel.Error, "Writing {Count} events to the audit journal {Path} failed: they were dropped.")]
    public static partial void JournalFailed(ILogger logger, Exception exception, int count, string path);

    [LoggerMessage(16, LogLevel.Warning, "Line {Line} of the audit journal {Path} was rejected and is not replayed: {Reason} (cut short by a crash, or not written by this application).")]
    public static partial void JournalLineRejected(ILogger logger, int line, string path, string reason);

    [LoggerMessage(21, LogLevel.Critical, "The audit journal is not used: {Reason}. Events that cannot reach the store wait in memory as far as the queue allows, then are dropped. Give AuditTrail:JournalFolder a folder only this user can write.")]
    public static partial void JournalRefused(ILogger logger, string reason);

    [LoggerMessage(22, LogLevel.Error, "{Count} audit events could not go to the journal, which is not used ({Reason}): they were dropped.")]
    public static partial void JournalRefusedDrop(ILogger logger, int count, string reason);

    [LoggerMessage(17, LogLevel.Information, "Replaying {Bytes} bytes of audit events from the journal.")]
    public static partial void Replaying(ILogger logger, long bytes);

    [LoggerMessage(18, LogLevel.Warning, "Replaying the journal failed after {Count} audit events were written; the journal stays for the next try, which skips what is already stored.")]
    public static partial void ReplayFailed(ILogger logger, Exception exception, int count);

    [LoggerMessage(19, LogLevel.Warning, "The audit store keeps failing: batches go straight to the journal for {BreakDuration} before the store is tried again.")]
    public static partial void CircuitOpened(ILogger logger, TimeSpan breakDuration);

    [LoggerMessage(20, LogLevel.Error, "Synchronous audit: the row of {Method} {Path} could not be written, so the request was answered 503; the row goes to the background writer.")]
    public static partial void SynchronousWriteFailed(ILogger logger, Exception exception, string method, string path);
}
