using AspNetAuditTrail.Capture;
using AspNetAuditTrail.Events;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace AspNetAuditTrail;

/// <summary>
/// Audits a business operation step by step, as drf-audit-trail's <c>ProcessAudit</c> does: subclass it, name the
/// process, declare its steps (each expecting a number of registrations) and add registrations (success or
/// failure) from the subclass's own helpers. Register the subclass as a scoped service
/// (<c>AddProcessAudit&lt;T&gt;()</c>) and inject it, or create it with the current <see cref="HttpContext"/>.
/// </summary>
/// <remarks>
/// Inside an audited request every process is linked to the request's row and written with it, even when the
/// request fails. Outside one (a background job), dispose the process (or call <see cref="Complete"/>) to hand its
/// rows to the writer. Rows are only ever added: a registration made after a hand-over goes in the next one.
/// </remarks>
public abstract class ProcessAudit : IDisposable, IAsyncDisposable
{
    private readonly ProcessAuditContext _context;
    private readonly Lock _gate = new();
    private readonly List<StepAuditEvent> _steps = [];
    private readonly List<RegistrationAuditEvent> _registrations = [];
    private readonly Guid? _requestEventId;
    private Dictionary<string, object?>? _extra;
    private ProcessAuditEvent? _process;
    private bool _processHandedOver;
    private int _registrationsHandedOver;

    /// <summary>For subclasses resolved from DI: take <see cref="ProcessAuditContext"/> in the constructor.</summary>
    protected ProcessAudit(ProcessAuditContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        _context = context;
        if (context.Request.IsLive)
        {
            _requestEventId = context.Request.RequestEventId;
            context.Request.Attach(this);
        }
    }

    /// <summary>For subclasses created by hand inside a request.</summary>
    protected ProcessAudit(HttpContext httpContext)
        : this(httpContext.RequestServices.GetService<ProcessAuditContext>() ?? throw new InvalidOperationException(
            "ProcessAudit needs the audit trail services: call builder.Services.AddAuditTrail(...)."))
    {
    }

    /// <summary>The process's name (<c>process_audit_event.name</c>).</summary>
    protected abstract string Name { get; }

    /// <summary>What the process does.</summary>
    protected virtual string? Description => null;

    /// <summary>The steps of the process; called once, when the process starts.</summary>
    protected abstract IEnumerable<ProcessStep> DefineSteps();

    /// <summary>The id of the process's row.</summary>
    public Guid ProcessId
    {
        get { lock (_gate) { return Start().Id; } }
    }

    /// <summary>The process's success, derived from its steps and registrations so far.</summary>
    public ProcessOutcome Outcome
    {
        get { lock (_gate) { Start(); return ProcessOutcome.Evaluate(_steps, _registrations); } }
    }

    /// <summary>Adds a registration to a step.</summary>
    /// <exception cref="ArgumentException">The process declares no step of that name.</exception>
    protected void Register(string step, bool success, string? name = null, string? description = null)
    {
        lock (_gate)
        {
            Start();
            var stepId = _steps.FirstOrDefault(s => s.Name == step)?.Id
                ?? throw new ArgumentException($"The process '{Name}' declares no step named '{step}'.", nameof(step));
            var now = _context.Time.GetUtcNow();
            var (tenant, subtenant) = _context.Tenants.Of(_context.Request, _context.Request.HttpContext);
            _registrations.Add(new RegistrationAuditEvent
            {
                Id = Guid.CreateVersion7(now),
                OccurredAt = now,
                ServiceName = _context.Settings.Current.Options.ServiceName,
                TenantId = tenant,
                SubtenantId = subtenant,
                StepId = stepId,
                Success = success,
                Name = name,
                Description = description,
                CreatedBy = _context.CurrentUserId(),
            });
        }
    }

    /// <summary>Adds (or replaces) a value of the process's extra information; stored when the process row is written.</summary>
    protected void Set(string name, object? value)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        lock (_gate)
        {
            (_extra ??= new Dictionary<string, object?>(StringComparer.Ordinal))[name] = value;
        }
    }

    /// <summary>
    /// Hands what was recorded to the writer when there is no audited request to carry it. Inside an audited
    /// request it does nothing: the rows are written with the request's. Called by <see cref="Dispose"/>.
    /// </summary>
    public void Complete()
    {
        if (_context.Request.IsLive && _requestEventId is not null)
        {
            return;
        }

        if (TakeNewRows(requestRowWritten: false) is { } unit)
        {
            _context.Queue.Enqueue(unit);
        }
    }

    /// <summary>Rows not handed over yet, as a unit; null when there are none.</summary>
    internal AuditUnit? TakeNewRows(bool requestRowWritten)
    {
        lock (_gate)
        {
            var process = Start();
            var newRegistrations = _registrations.Skip(_registrationsHandedOver).ToArray();
            if (_processHandedOver && newRegistrations.Length == 0)
            {
                return null;
            }

            var unit = new AuditUnit
            {
                Processes = _processHandedOver ? [] : [process with
                {
                    RequestEventId = requestRowWritten ? _requestEventId : null,
                    ExtraInformation = _extra is null ? null : AuditJson.SerializeObject(_extra, _context.Settings.Current.Masker, _context.Logger),
                }],
                Steps = _processHandedOver ? [] : _steps.ToArray(),
                Registrations = newRegistrations,
            };
            _processHandedOver = true;
            _registrationsHandedOver = _registrations.Count;
            return unit;
        }
    }

    private ProcessAuditEvent Start()
    {
        if (_process is not null)
        {
            return _process;
        }

        var now = _context.Time.GetUtcNow();
        var createdBy = _context.CurrentUserId();
        var (tenant, subtenant) = _context.Tenants.Of(_context.Request, _context.Request.HttpContext);
        var process = new ProcessAuditEvent
        {
            Id = Guid.CreateVersion7(now),
            OccurredAt = now,
            ServiceName = _context.Settings.Current.Options.ServiceName,
            TenantId = tenant,
            SubtenantId = subtenant,
            RequestEventId = _requestEventId,
            Name = Name,
            Description = Description,
            CreatedBy = createdBy,
        };
        var steps = new List<StepAuditEvent>();
        foreach (var step in DefineSteps().OrderBy(s => s.Order))
        {
            if (steps.Any(s => s.Name == step.Name))
            {
                throw new InvalidOperationException($"The process '{Name}' declares the step '{step.Name}' twice.");
            }

            ArgumentOutOfRangeException.ThrowIfNegative(step.ExpectedRegistrations, nameof(step.ExpectedRegistrations));
            steps.Add(new StepAuditEvent
            {
                Id = Guid.CreateVersion7(now),
                OccurredAt = now,
                ServiceName = _context.Settings.Current.Options.ServiceName,
                TenantId = tenant,
                SubtenantId = subtenant,
                ProcessId = process.Id,
                Name = step.Name,
                Description = step.Description,
                Order = step.Order,
                ExpectedRegistrations = step.ExpectedRegistrations,
                CreatedBy = createdBy,
            });
        }

        _steps.AddRange(steps);
        _process = process;
        return process;
    }

    /// <summary>Hands over what was recorded (see <see cref="Complete"/>).</summary>
    public void Dispose()
    {
        Complete();
        GC.SuppressFinalize(this);
    }

    /// <summary>Hands over what was recorded (see <see cref="Complete"/>).</summary>
    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }
}
