using AspNetAuditTrail.Events;
using AspNetAuditTrail.Writing;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace AspNetAuditTrail.Capture;

/// <summary>
/// Records login and security events wherever they are seen (auth URLs, the authentication service, the
/// authorization result): on the audited request's unit when there is one, else as a unit of their own.
/// Failed sign-ins feed the brute-force detector, whose alarms go to the <see cref="IAuditAlertSink"/>s.
/// </summary>
internal sealed class SecurityRecorder(
    AuditSettingsProvider settings,
    AuditQueue queue,
    BruteForceDetector bruteForce,
    IEnumerable<IAuditAlertSink> alertSinks,
    AuditTenants tenants,
    TimeProvider time,
    ILogger<SecurityRecorder> logger)
{
    private readonly IAuditAlertSink[] _alertSinks = alertSinks.ToArray();

    public void Login(
        HttpContext context, LoginStatus status, string? userName, string? userId, IReadOnlyCollection<KeyValuePair<string, object?>>? details = null)
    {
        var audit = context.Features.Get<RequestAuditCollector>();
        var now = time.GetUtcNow();
        var ipAddress = context.Connection.RemoteIpAddress?.ToString();
        var (tenant, subtenant) = tenants.Of(audit, context);
        var login = new LoginAuditEvent
        {
            Id = Guid.CreateVersion7(now),
            OccurredAt = now,
            ServiceName = settings.Current.Options.ServiceName,
            TenantId = tenant,
            SubtenantId = subtenant,
            RequestEventId = audit?.RequestEventId,
            Status = status,
            UserName = SingleLineText.Neutralize(userName),
            UserId = SingleLineText.Neutralize(userId),
            IpAddress = ipAddress,
            ExtraInformation = details is null ? null : AuditJson.SerializeObject(details, settings.Current.Masker, logger),
        };
        Keep(audit, login);

        if (status == LoginStatus.Failed)
        {
            var options = settings.Current.Options;
            foreach (var (kind, key, failures) in bruteForce.RecordFailure(
                userName, ipAddress, now, options.BruteForceThreshold, options.BruteForceWindow, options.BruteForceMaxTracked))
            {
                var alarm = Security(context, SecurityEventType.SuspiciousActivity, SecuritySeverity.Critical, userName, userId,
                [
                    new("reason", kind == "user" ? "repeated failed sign-ins for one user name" : "repeated failed sign-ins from one address"),
                    new(kind == "user" ? "userName" : "ipAddress", key),
                    new("failures", failures),
                    new("window", options.BruteForceWindow.ToString()),
                ]);
                Alert(alarm);
            }
        }
    }

    /// <summary>A sign-in or sign-out URL makes a login row, unless the authentication service already recorded one: the user name as the app binds it, several candidates marked.</summary>
    public void LoginByUrl(HttpContext context, AuditSettings current, RequestAuditCollector auditContext, RequestAuditEvent request)
    {
        if (auditContext.HasLogin)
        {
            return;
        }

        var options = current.Options;
        var succeeded = request.StatusCode is >= 200 and < 300;
        if (current.AuthUrls.Matches(request.Method, context.Request.Path.Value ?? ""))
        {
            var failed = auditContext.Exception is not null || request.StatusCode == options.AuthFailedStatusCode;
            if (failed || succeeded)
            {
                var (userName, candidates) = LoginFields.ReadUserName(request.RequestBody, request.RequestContentType, options.UsernameField);
                Login(
                    context,
                    failed ? LoginStatus.Failed : LoginStatus.SignIn,
                    userName,
                    failed ? null : request.UserId,
                    candidates.Count > 1 ? [new("userNameCandidates", candidates)] : null);
            }
        }
        else if (succeeded && current.LogoutUrls.Matches(request.Method, context.Request.Path.Value ?? ""))
        {
            var user = UserIdReader.Principal(context);
            Login(context, LoginStatus.SignOut, user?.Identity?.IsAuthenticated == true ? user.Identity.Name : null, request.UserId);
        }
    }

    public SecurityAuditEvent Security(
        HttpContext context,
        SecurityEventType type,
        SecuritySeverity severity,
        string? userName,
        string? userId,
        IReadOnlyCollection<KeyValuePair<string, object?>> details)
    {
        var audit = context.Features.Get<RequestAuditCollector>();
        var now = time.GetUtcNow();
        var user = UserIdReader.Principal(context);
        var (tenant, subtenant) = tenants.Of(audit, context);
        var securityEvent = new SecurityAuditEvent
        {
            Id = Guid.CreateVersion7(now),
            OccurredAt = now,
            ServiceName = settings.Current.Options.ServiceName,
            TenantId = tenant,
            SubtenantId = subtenant,
            RequestEventId = audit?.RequestEventId,
            EventType = type,
            Severity = severity,
            UserId = SingleLineText.Neutralize(userId ?? audit?.UserId ?? UserIdReader.Read(user, settings.Current.Options.UserIdClaim)),
            UserName = SingleLineText.Neutralize(userName ?? (user?.Identity?.IsAuthenticated == true ? user.Identity.Name : null)),
            IpAddress = context.Connection.RemoteIpAddress?.ToString(),
            Endpoint = Endpoint(context),
            Details = AuditJson.SerializeObject(details, settings.Current.Masker, logger),
        };
        Keep(audit, securityEvent);
        return securityEvent;
    }

    private static string Endpoint(HttpContext context)
    {
        var route = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText;
        return SingleLineText.Neutralize($"{context.Request.Method} {route ?? context.Request.Path.Value}")!;
    }

    private void Keep(RequestAuditCollector? audit, LoginAuditEvent login)
    {
        if (audit is not null)
        {
            audit.Add(login);
        }
        else
        {
            queue.Enqueue(new AuditUnit { Logins = [login] });
        }
    }

    private void Keep(RequestAuditCollector? audit, SecurityAuditEvent securityEvent)
    {
        if (audit is not null)
        {
            audit.Add(securityEvent);
        }
        else
        {
            queue.Enqueue(new AuditUnit { SecurityEvents = [securityEvent] });
        }
    }

    private void Alert(SecurityAuditEvent alarm)
    {
        foreach (var sink in _alertSinks)
        {
            _ = Task.Run(async () =>
            {
                try
                {
                    await sink.AlertAsync(alarm, CancellationToken.None);
                }
                catch (Exception ex)
                {
                    Log.AlertSinkFailed(logger, ex, sink.GetType().Name, alarm.EventType.ToString());
                }
            });
        }
    }
}
