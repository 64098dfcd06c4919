using AspNetAuditTrail.Events;
using Microsoft.AspNetCore.Http;

namespace AspNetAuditTrail.Capture;

/// <summary>
/// What one request records, written to by the middleware, the filters, the authentication hooks and the processes:
/// one per DI scope, and the request's feature while it is audited. Handlers see only its facade,
/// <see cref="IAuditContext"/> (<see cref="AuditContextFacade"/>).
/// </summary>
internal sealed class RequestAuditCollector
{
    private readonly Lock _gate = new();
    private Dictionary<string, object?>? _values;
    private volatile string? _userId;
    private List<LoginAuditEvent>? _logins;
    private List<SecurityAuditEvent>? _securityEvents;
    private List<ProcessAudit>? _processes;
    private List<BusinessAuditEvent>? _businessEvents;
    private List<EntityChangeAuditEvent>? _changes;
    private volatile bool _ended;

    /// <summary>The id of this request's row, made when the request arrives so that other rows can refer to it.</summary>
    public Guid RequestEventId { get; set; }

    /// <summary>The user id the handler set; null when it set none.</summary>
    public string? UserId
    {
        get => _userId;
        set => _userId = value;
    }

    /// <summary>The tenant the handler set; null when it set none.</summary>
    public string? TenantId { get; set; }

    /// <summary>The second level inside the tenant the handler set; null when it set none.</summary>
    public string? SubtenantId { get; set; }

    /// <summary>The request, while the middleware audits it; null outside an audited request.</summary>
    public HttpContext? HttpContext { get; set; }

    /// <summary>True while an audited request runs: what is recorded now goes into its unit.</summary>
    public bool IsLive => RequestEventId != Guid.Empty && !_ended;

    /// <summary>The unhandled exception seen while the request ran, if any.</summary>
    public Exception? Exception { get; set; }

    /// <summary>What the audit filters recorded; null when no filter ran.</summary>
    public HandlerDetails? Handler { get; set; }

    /// <summary>The body limit in force for this request (settings, or the endpoint's <see cref="AuditAttribute"/>).</summary>
    public int MaxBodySize { get; set; }

    /// <summary>Adds (or replaces) a named value of the row's extra information.</summary>
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

    /// <summary>Adds a business event to the request's unit; false when no audited request is running to carry it.</summary>
    public bool TryAdd(BusinessAuditEvent businessEvent)
    {
        lock (_gate)
        {
            if (!IsLive)
            {
                return false;
            }

            (_businessEvents ??= []).Add(businessEvent);
            return true;
        }
    }

    /// <summary>Adds changes saved during the request to its unit; false when no audited request is running to carry them.</summary>
    public bool TryAdd(IReadOnlyCollection<EntityChangeAuditEvent> changes)
    {
        lock (_gate)
        {
            if (!IsLive)
            {
                return false;
            }

            (_changes ??= []).AddRange(changes);
            return true;
        }
    }

    /// <summary>The id of the process attached last to the request; null when none is.</summary>
    public Guid? CurrentProcessId()
    {
        ProcessAudit? process;
        lock (_gate)
        {
            process = _processes is { Count: > 0 } ? _processes[^1] : null;
        }

        return process?.ProcessId;
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

    /// <summary>The login, security, business and change events recorded during the request.</summary>
    public (LoginAuditEvent[] Logins, SecurityAuditEvent[] SecurityEvents, BusinessAuditEvent[] BusinessEvents, EntityChangeAuditEvent[] Changes) Events()
    {
        lock (_gate)
        {
            return (_logins?.ToArray() ?? [], _securityEvents?.ToArray() ?? [], _businessEvents?.ToArray() ?? [], _changes?.ToArray() ?? []);
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
