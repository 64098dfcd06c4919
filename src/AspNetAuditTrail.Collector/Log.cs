using Microsoft.Extensions.Logging;

namespace AspNetAuditTrail.Collector;

/// <summary>The collector's log messages (ids 100–109).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 100, EventName = "CallRefused", Level = LogLevel.Warning, Message = "A call to the audit collector was refused: {Reason} (service header: {Service}).")]
    public static partial void CallRefused(ILogger logger, string reason, string service);

    [LoggerMessage(EventId = 101, EventName = "StrictWriteFailed", Level = LogLevel.Error, Message = "Strict mode: {Units} unit(s) could not be written at once; they go to the background writer.")]
    public static partial void StrictWriteFailed(ILogger logger, Exception exception, int units);
}
