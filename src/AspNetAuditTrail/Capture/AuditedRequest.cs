using Microsoft.AspNetCore.Http;

namespace AspNetAuditTrail.Capture;

/// <summary>
/// One audited request while it runs: its context, the settings it started with, the collector the filters, hooks
/// and processes write to, when it began, and its body capture. A struct: it lives in the middleware's own state and
/// costs the request no allocation.
/// </summary>
internal readonly struct AuditedRequest(
    HttpContext context, AuditSettings settings, RequestAuditCollector collector, DateTimeOffset occurredAt, long startedAt, BodyCaptureSession bodies)
    : IDisposable
{
    public HttpContext Context { get; } = context;

    public AuditSettings Settings { get; } = settings;

    public RequestAuditCollector Collector { get; } = collector;

    public DateTimeOffset OccurredAt { get; } = occurredAt;

    /// <summary>The <see cref="TimeProvider"/> timestamp at the start, for the duration.</summary>
    public long StartedAt { get; } = startedAt;

    public BodyCaptureSession Bodies { get; } = bodies;

    public string Method => Context.Request.Method;

    public string Path => Context.Request.Path.Value ?? "";

    public void Dispose() => Bodies.Dispose();
}
