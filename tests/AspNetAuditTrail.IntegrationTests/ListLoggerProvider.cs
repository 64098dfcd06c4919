using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace AspNetAuditTrail.IntegrationTests;

/// <summary>Keeps every log message, for tests that check what the app tells its operators.</summary>
public sealed class ListLoggerProvider : ILoggerProvider
{
    public ConcurrentQueue<(LogLevel Level, string Category, string Message)> Messages { get; } = new();

    public ILogger CreateLogger(string categoryName) => new ListLogger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class ListLogger(ListLoggerProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            provider.Messages.Enqueue((logLevel, category, formatter(state, exception) + (exception is null ? "" : " " + exception.Message)));
    }
}
