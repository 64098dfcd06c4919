using AspNetAuditTrail.Events;
using Microsoft.AspNetCore.Http;

namespace AspNetAuditTrail.Capture;

/// <summary>The per-request <see cref="IAuditContext"/>: one per DI scope, exposed as an HttpContext feature.</summary>
internal sealed class RequestAuditContext : IAuditContext
{
    private readonly Lock _gate = new();
    private Dictionary<string, object?>? _values;
    private string? _userId;
    private List<LoginAuditEvent>? _logins;
    private List<SecurityAuditEvent>? _securityEvents;
    private List<ProcessAudit>? _processes;
    private bool _ended;

    /// <summary>The id of this request's row, made when the request arrives so that other rows can refer to it.</summary>
    public Guid RequestEventId { get; set; }

    public string? UserId
    {
        get { lock (_gate) { return _userId; } }
        set { lock (_gate) { _userId = value; } }
    }

    /// <summary>The request, while the middleware audits it; null outside an audited request.</summary>
    public HttpContext? HttpContext { get; set; }

    /// <summary>True while an audited request runs: what is recorded now goes into its unit.</summary>
    public bool IsLive
    {
        get { lock (_gate) { return RequestEventId != Guid.Empty && !_ended; } }
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

    public void Add(LoginAuditEvent login)
    {
        lock (_gate)
        {
            (_logins ??= []).Add(login);
        }
    }

    public void Add(SecurityAuditEvent securityEvent)
    {
        lock (_gate)
        {
            (_securityEvents ??= []).Add(securityEvent);
        }
    }

    public void Attach(ProcessAudit process)
    {
        lock (_gate)
        {
            (_processes ??= []).Add(process);
        }
    }

    /// <summary>Ends the request's recording and returns the processes attached to it.</summary>
    public ProcessAudit[] End()
    {
        lock (_gate)
        {
            _ended = true;
            return _processes?.ToArray() ?? [];
        }
    }

    /// <summary>True once a sign-in, sign-out or failed sign-in was recorded for the request.</summary>
    public bool HasLogin
    {
        get { lock (_gate) { return _logins is { Count: > 0 }; } }
    }

    /// <summary>The login and security events recorded during the request.</summary>
    public (LoginAuditEvent[] Logins, SecurityAuditEvent[] SecurityEvents) Events()
    {
        lock (_gate)
        {
            return (_logins?.ToArray() ?? [], _securityEvents?.ToArray() ?? []);
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
