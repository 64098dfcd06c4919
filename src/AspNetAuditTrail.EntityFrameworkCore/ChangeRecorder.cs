using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace AspNetAuditTrail.EntityFrameworkCore;

/// <summary>
/// Hands what a context did to the audit log of the request that did it: the current request's services when there
/// is one (a pooled context holds the root provider), else the provider the context was configured with, else a
/// scope of its own.
/// </summary>
internal sealed class ChangeRecorder(IServiceProvider services)
{
    public void Record(IReadOnlyCollection<AuditEntityChange> changes, string transactionId)
    {
        if (changes.Count > 0)
        {
            With(log => log.RecordChanges(changes, transactionId));
        }
    }

    public void With(Action<IAuditLog> record)
    {
        if (services.GetService<IHttpContextAccessor>()?.HttpContext?.RequestServices.GetService<IAuditLog>() is { } inRequest)
        {
            record(inRequest);
            return;
        }

        IAuditLog? log;
        try
        {
            log = services.GetService<IAuditLog>();
        }
        catch (InvalidOperationException)
        {
            // A scoped service asked of the root provider (scope validation on): record from a scope of its own.
            log = null;
        }

        if (log is not null)
        {
            record(log);
            return;
        }

        using var scope = services.CreateScope();
        if (scope.ServiceProvider.GetService<IAuditLog>() is { } scoped)
        {
            record(scoped);
        }
    }
}
