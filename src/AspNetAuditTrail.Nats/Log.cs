using Microsoft.Extensions.Logging;

namespace AspNetAuditTrail.Nats;

/// <summary>The NATS package's log messages (ids 120–129).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 120, EventName = "ConsumerStarted", Level = LogLevel.Information, Message = "Taking the audit trail from stream {Stream} (consumer {Consumer}) on {Servers}.")]
    public static partial void ConsumerStarted(ILogger logger, string stream, string consumer, string servers);

    [LoggerMessage(EventId = 121, EventName = "ConsumerFailed", Level = LogLevel.Warning, Message = "Taking the audit trail from JetStream failed; trying again in {Delay}. Nothing fetched and not written is lost: the stream delivers it again.")]
    public static partial void ConsumerFailed(ILogger logger, Exception exception, TimeSpan delay);

    [LoggerMessage(EventId = 122, EventName = "BatchNotWritten", Level = LogLevel.Warning, Message = "{Messages} audit message(s) from JetStream could not be written; the stream delivers them again in {Delay}.")]
    public static partial void BatchNotWritten(ILogger logger, Exception exception, int messages, TimeSpan delay);

    [LoggerMessage(EventId = 123, EventName = "MessageRefused", Level = LogLevel.Error, Message = "Audit message {Sequence} of stream {Stream} (subject {Subject}) can never be written and is not delivered again (it stays in the stream until its age limit): {Reason}")]
    public static partial void MessageRefused(ILogger logger, ulong sequence, string stream, string subject, string reason);
}
