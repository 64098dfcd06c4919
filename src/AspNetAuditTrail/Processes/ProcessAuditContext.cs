using AspNetAuditTrail.Capture;
using AspNetAuditTrail.Writing;
using Microsoft.Extensions.Logging;

namespace AspNetAuditTrail;

/// <summary>
/// What a <see cref="ProcessAudit"/> needs from the audit trail: the current request (when there is an audited
/// one), the writer's queue, the clock and the settings. A scoped service: take it in the subclass's constructor.
/// </summary>
public sealed class ProcessAuditContext
{
    internal ProcessAuditContext(
        RequestAuditCollector request, AuditQueue queue, AuditSettingsProvider settings, AuditTenants tenants, TimeProvider time, ILogger<ProcessAudit> logger)
    {
        Tenants = tenants;
        Request = request;
        Queue = queue;
        Settings = settings;
        Time = time;
        Logger = logger;
    }

    internal RequestAuditCollector Request { get; }

    internal AuditQueue Queue { get; }

    internal AuditSettingsProvider Settings { get; }

    internal TimeProvider Time { get; }

    internal AuditTenants Tenants { get; }

    internal ILogger<ProcessAudit> Logger { get; }

    /// <summary>The current user's id: the one the handler set, else the signed-in user's; null outside a request.</summary>
    internal string? CurrentUserId() =>
        Request.UserId ?? UserIdReader.Read(Request.HttpContext, Settings.Current.Options.UserIdClaim);
}
