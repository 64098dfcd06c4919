namespace AspNetAuditTrail.Capture;

/// <summary>The per-request <see cref="IAuditContext"/>: one per DI scope, exposed as an HttpContext feature.</summary>
internal sealed class RequestAuditContext : IAuditContext
{
    private readonly Lock _gate = new();
    private Dictionary<string, object?>? _values;
    private string? _userId;

    public string? UserId
    {
        get { lock (_gate) { return _userId; } }
        set { lock (_gate) { _userId = value; } }
    }

    /// <summary>The unhandled exception seen while the request ran, if any.</summary>
    public Exception? Exception { get; set; }

    /// <summary>What the audit filters recorded; null when no filter ran.</summary>
    public HandlerDetails? Handler { get; set; }

    /// <summary>The body limit in force for this request (settings, or the endpoint's <see cref="AuditAttribute"/>).</summary>
    public int MaxBodySize { get; set; }

    public void Set(string name, object? value)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        lock (_gate)
        {
            (_values ??= new Dictionary<string, object?>(StringComparer.Ordinal))[name] = value;
        }
    }

    /// <summary>A copy of the values set so far, in the order they were first set.</summary>
    public KeyValuePair<string, object?>[] Snapshot()
    {
        lock (_gate)
        {
            return _values is null ? [] : [.. _values];
        }
    }
}
