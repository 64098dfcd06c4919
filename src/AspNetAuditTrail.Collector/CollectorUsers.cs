using AspNetAuditTrail.Events;

namespace AspNetAuditTrail.Collector;

/// <summary>The business events' user keys, resolved to users by the collector's <see cref="IAuditUserResolver"/>, whatever way the rows came.</summary>
internal static class CollectorUsers
{
    public static async Task<IReadOnlyList<AuditUnit>> ResolveAsync(IAuditUserResolver users, string service, IReadOnlyList<AuditUnit> units, CancellationToken cancellationToken)
    {
        var resolved = new List<AuditUnit>(units.Count);
        foreach (var unit in units)
        {
            if (unit.BusinessEvents.All(e => e.UserKey is null))
            {
                resolved.Add(unit);
                continue;
            }

            var events = new List<BusinessAuditEvent>(unit.BusinessEvents.Count);
            foreach (var e in unit.BusinessEvents)
            {
                events.Add(e.UserKey is { } key ? e with { UserId = await users.ResolveAsync(service, key, cancellationToken) } : e);
            }

            resolved.Add(new AuditUnit
            {
                Request = unit.Request, Logins = unit.Logins, SecurityEvents = unit.SecurityEvents, Processes = unit.Processes,
                Steps = unit.Steps, Registrations = unit.Registrations, BusinessEvents = events, EntityChanges = unit.EntityChanges,
            });
        }

        return resolved;
    }
}
