using AspNetAuditTrail.Events;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace AspNetAuditTrail.Capture;

/// <summary>
/// Assembles what one request recorded into one unit: its row (unless the endpoint turned out to be skipped), the
/// login row of a sign-in or sign-out URL, the login, security, business and change events, and the rows of every process that ran.
/// </summary>
internal sealed class AuditUnitBuilder(RequestEventFactory events, SecurityRecorder securityRecorder, ILogger<AuditUnitBuilder> logger)
{
    /// <summary>The request's unit; null when the request turned out to be skipped and nothing else was recorded.</summary>
    public AuditUnit? Build(in AuditedRequest audited, TimeSpan duration)
    {
        var (context, auditContext) = (audited.Context, audited.Collector);
        var skipped = context.GetEndpoint()?.Metadata.GetMetadata<SkipAuditAttribute>() is not null;
        var request = skipped ? null : events.Create(audited, duration);
        if (request is not null)
        {
            securityRecorder.LoginByUrl(context, audited.Settings, auditContext, request);
        }

        var processRows = TakeProcessRows(auditContext, requestRowWritten: request is not null);
        var (logins, securityEvents, businessEvents, changes) = auditContext.Events();
        if (request is null)
        {
            // No request row: what else was recorded stands on its own.
            logins = logins.Select(l => l with { RequestEventId = null }).ToArray();
            securityEvents = securityEvents.Select(e => e with { RequestEventId = null }).ToArray();
            businessEvents = businessEvents.Select(e => e with { RequestEventId = null }).ToArray();
            changes = changes.Select(e => e with { RequestEventId = null }).ToArray();
            if (logins.Length + securityEvents.Length + businessEvents.Length + changes.Length + processRows.Sum(u => u.Processes.Count + u.Registrations.Count) == 0)
            {
                return null;
            }
        }

        return new AuditUnit
        {
            Request = request,
            Logins = logins,
            SecurityEvents = securityEvents,
            Processes = processRows.Count == 0 ? [] : processRows.SelectMany(u => u.Processes).ToArray(),
            Steps = processRows.Count == 0 ? [] : processRows.SelectMany(u => u.Steps).ToArray(),
            Registrations = processRows.Count == 0 ? [] : processRows.SelectMany(u => u.Registrations).ToArray(),
            BusinessEvents = businessEvents,
            EntityChanges = changes,
        };
    }

    /// <summary>Ends the request's recording and takes the rows of every process that ran in it.</summary>
    private IReadOnlyList<AuditUnit> TakeProcessRows(RequestAuditCollector auditContext, bool requestRowWritten)
    {
        var processes = auditContext.End();
        if (processes.Length == 0)
        {
            return [];
        }

        var rows = new List<AuditUnit>(processes.Length);
        foreach (var process in processes)
        {
            try
            {
                if (process.TakeNewRows(requestRowWritten) is { } unit)
                {
                    rows.Add(unit);
                }
            }
            catch (Exception ex)
            {
                Log.ProcessFailed(logger, ex, process.GetType().Name);
            }
        }

        return rows;
    }
}
