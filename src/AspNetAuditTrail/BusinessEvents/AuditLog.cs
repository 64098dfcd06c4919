using System.Diagnostics;
using AspNetAuditTrail.Capture;
using AspNetAuditTrail.Changes;
using AspNetAuditTrail.Events;
using AspNetAuditTrail.Writing;
using Microsoft.Extensions.Logging;

namespace AspNetAuditTrail;

/// <summary>
/// <see cref="IAuditLog"/> for one DI scope: an event recorded while the scope's request is audited joins the
/// request's unit; otherwise (a background job, or after the request's unit was built) it is a unit of its own.
/// </summary>
internal sealed class AuditLog(
    RequestAuditCollector request,
    AuditQueue queue,
    AuditSettingsProvider settings,
    AuditTenants tenants,
    SecurityRecorder security,
    TimeProvider time,
    ILogger<AuditLog> logger)
    : IAuditLog
{
    public AuditEventBuilder Event(string action, string? message = null) => new(action, message, Record);

    public void AccessDenied(AccessDenialReason reason, string? resource = null, SecuritySeverity severity = SecuritySeverity.Warning)
    {
        try
        {
            var (tenant, subtenant) = tenants.Of(request, request.HttpContext);
            KeyValuePair<string, object?>[] details = [new("reason", reason.ToString()), new("resource", resource), new("tenantId", tenant), new("subtenantId", subtenant)];
            if (request.HttpContext is { } http)
            {
                security.Security(http, SecurityEventType.AccessDenied, severity, null, null, details);
                return;
            }

            var now = time.GetUtcNow();
            queue.Enqueue(new AuditUnit
            {
                SecurityEvents =
                [
                    new SecurityAuditEvent
                    {
                        Id = Guid.CreateVersion7(now), OccurredAt = now, ServiceName = settings.Current.Options.ServiceName, TenantId = tenant, SubtenantId = subtenant,
                        EventType = SecurityEventType.AccessDenied, Severity = severity, Endpoint = SingleLineText.Neutralize(resource),
                        Details = AuditJson.SerializeObject(details, settings.Current.Masker, logger),
                    },
                ],
            });
        }
        catch (Exception ex)
        {
            Log.BusinessEventFailed(logger, ex, "AccessDenied");
        }
    }

    public void RecordChange(string entityType, object id, object? before, object? after)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(entityType);
        ArgumentNullException.ThrowIfNull(id);
        if (before is null && after is null)
        {
            throw new ArgumentException("A change needs the record's values before it, after it, or both.", nameof(after));
        }

        RecordChanges([new AuditEntityChange(entityType, id, EntityChangeJson.Fields(before, logger), EntityChangeJson.Fields(after, logger))]);
    }

    public void RecordChanges(IReadOnlyCollection<AuditEntityChange> changes, string? transactionId = null)
    {
        ArgumentNullException.ThrowIfNull(changes);
        try
        {
            var now = time.GetUtcNow();
            var current = settings.Current;
            var http = request.HttpContext;
            var (tenant, subtenant) = tenants.Of(request, http);
            var live = request.IsLive;
            var (processId, userId) = (live ? request.CurrentProcessId() : null, SingleLineText.Neutralize(request.UserId ?? UserIdReader.Read(http, current.Options.UserIdClaim)));
            var rows = new List<EntityChangeAuditEvent>(changes.Count);
            foreach (var change in changes)
            {
                var (before, after, changed) = EntityChangeJson.Describe(change.Before, change.After, current.Masker, logger, current.Options.MaxBodySize);
                if (changed is null && change.Action == EntityChangeAction.Updated)
                {
                    continue;
                }

                rows.Add(new EntityChangeAuditEvent
                {
                    Id = Guid.CreateVersion7(now), OccurredAt = now, ServiceName = current.Options.ServiceName,
                    TenantId = SingleLineText.Neutralize(tenant), SubtenantId = SingleLineText.Neutralize(subtenant),
                    RequestEventId = live ? request.RequestEventId : null, ProcessId = processId, UserId = userId,
                    EntityType = SingleLineText.Neutralize(change.EntityType)!, TableName = SingleLineText.Neutralize(change.TableName),
                    EntityId = SingleLineText.Neutralize(EntityChangeJson.Key(change.EntityId, logger))!, Action = change.Action,
                    Before = before, After = after, ChangedFields = changed, Source = EntityChangeSource.Application, TransactionId = SingleLineText.Neutralize(transactionId),
                });
            }

            if (rows.Count > 0 && !(live && request.TryAdd(rows)))
            {
                // The request ended meanwhile: the rows stand on their own.
                queue.Enqueue(new AuditUnit { EntityChanges = live ? [.. rows.Select(r => r with { RequestEventId = null, ProcessId = null })] : rows });
            }
        }
        catch (Exception ex)
        {
            Log.EntityChangeFailed(logger, ex, changes.Count, string.Join(", ", changes.Select(c => c.EntityType).Distinct()));
        }
    }

    private Guid Record(AuditEventBuilder e, AuditEventOutcome? outcome)
    {
        var now = time.GetUtcNow();
        var id = Guid.CreateVersion7(now);
        try
        {
            var current = settings.Current;
            var (masker, maxBytes) = (current.Masker, current.Options.MaxBodySize);
            var http = request.HttpContext;
            var (tenant, subtenant) = e.TenantValue is { } chosen ? (chosen.TenantId, chosen.SubtenantId) : tenants.Of(request, http);
            var businessEvent = new BusinessAuditEvent
            {
                Id = id,
                OccurredAt = now,
                ReceivedAt = now,
                ServiceName = current.Options.ServiceName,
                TenantId = SingleLineText.Neutralize(tenant),
                SubtenantId = SingleLineText.Neutralize(subtenant),
                Level = e.LevelValue ?? (outcome == AuditEventOutcome.Failure ? AuditLevel.Error : AuditLevel.Info),
                Category = SingleLineText.Neutralize(e.CategoryValue)!,
                Action = SingleLineText.Neutralize(e.Action)!,
                Message = SingleLineText.Neutralize(e.Message),
                Outcome = outcome,
                UserKey = SingleLineText.Neutralize(e.UserKey),
                UserId = SingleLineText.Neutralize(e.UserKey ?? request.UserId ?? UserIdReader.Read(http, current.Options.UserIdClaim)),
                SessionId = SingleLineText.Neutralize(e.SessionId),
                ResourceType = SingleLineText.Neutralize(e.ResourceType),
                ResourceId = SingleLineText.Neutralize(e.ResourceId),
                Input = AuditJson.SerializeAsObject(e.InputValue, masker, logger, maxBytes),
                Output = AuditJson.SerializeAsObject(e.OutputValue, masker, logger, maxBytes),
                Metadata = AuditJson.SerializeObject(e.MetadataValues, masker, logger, maxBytes),
                ErrorCode = SingleLineText.Neutralize(e.ErrorCode),
                ErrorMessage = e.ErrorMessage,
                StackTrace = e.Exception?.ToString(),
                DurationMs = e.DurationValue?.TotalMilliseconds,
                RequestEventId = request.IsLive ? request.RequestEventId : null,
                TraceId = Activity.Current?.TraceId.ToHexString(),
                IpAddress = http?.Connection.RemoteIpAddress?.ToString(),
            };
            if (!request.TryAdd(businessEvent))
            {
                queue.Enqueue(new AuditUnit { BusinessEvents = [businessEvent with { RequestEventId = null }] });
            }
        }
        catch (Exception ex)
        {
            Log.BusinessEventFailed(logger, ex, e.Action);
        }

        return id;
    }
}
