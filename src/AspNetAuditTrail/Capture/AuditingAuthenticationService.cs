using System.Security.Claims;
using AspNetAuditTrail.Events;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;

namespace AspNetAuditTrail.Capture;

/// <summary>
/// Wraps ASP.NET Core's authentication service, so sign-ins and sign-outs through any scheme (cookies, for
/// example) become login rows, and failed authentications (an expired or invalid bearer token, for example)
/// become security events, without any URL setting.
/// </summary>
internal sealed class AuditingAuthenticationService(
    IAuthenticationService inner, SecurityRecorder recorder, AuditSettingsProvider settings) : IAuthenticationService
{
    private const string ReportedFailuresKey = "AspNetAuditTrail.ReportedAuthenticationFailures";

    public async Task<AuthenticateResult> AuthenticateAsync(HttpContext context, string? scheme)
    {
        var result = await inner.AuthenticateAsync(context, scheme);
        if (result.Failure is { } failure && FirstReport(context, failure))
        {
            var expired = IsExpired(failure);
            recorder.Security(
                context,
                expired ? SecurityEventType.TokenExpired : SecurityEventType.TokenInvalid,
                expired ? SecuritySeverity.Info : SecuritySeverity.Warning,
                null,
                null,
                [new("scheme", scheme), new("reason", failure.GetType().Name)]);
        }

        return result;
    }

    public Task ChallengeAsync(HttpContext context, string? scheme, AuthenticationProperties? properties) =>
        inner.ChallengeAsync(context, scheme, properties);

    public Task ForbidAsync(HttpContext context, string? scheme, AuthenticationProperties? properties) =>
        inner.ForbidAsync(context, scheme, properties);

    public async Task SignInAsync(HttpContext context, string? scheme, ClaimsPrincipal principal, AuthenticationProperties? properties)
    {
        await inner.SignInAsync(context, scheme, principal, properties);
        recorder.Login(context, LoginStatus.SignIn, principal.Identity?.Name,
            UserIdReader.Read(principal, settings.Current.Options.UserIdClaim), [new("scheme", scheme)]);
    }

    public async Task SignOutAsync(HttpContext context, string? scheme, AuthenticationProperties? properties)
    {
        var user = context.User;
        await inner.SignOutAsync(context, scheme, properties);
        recorder.Login(context, LoginStatus.SignOut, user.Identity?.IsAuthenticated == true ? user.Identity.Name : null,
            UserIdReader.Read(user, settings.Current.Options.UserIdClaim), [new("scheme", scheme)]);
    }

    /// <summary>
    /// A failure is reported once per request, however often its scheme is authenticated (handlers cache their
    /// result) and through however many forwarding schemes it comes back.
    /// </summary>
    private static bool FirstReport(HttpContext context, Exception failure)
    {
        if (context.Items[ReportedFailuresKey] is not HashSet<Exception> reported)
        {
            context.Items[ReportedFailuresKey] = reported = new HashSet<Exception>(ReferenceEqualityComparer.Instance);
        }

        return reported.Add(failure);
    }

    /// <summary>Expiry is told by the exception's type name (for example SecurityTokenExpiredException), so no token library is needed here.</summary>
    private static bool IsExpired(Exception failure)
    {
        for (var type = failure.GetType(); type is not null; type = type.BaseType)
        {
            if (type.Name.Contains("Expired", StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
