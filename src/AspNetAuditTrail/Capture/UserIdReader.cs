using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features.Authentication;

namespace AspNetAuditTrail.Capture;

/// <summary>Reads the id of the authenticated user from the configured claim, else the usual ones.</summary>
internal static class UserIdReader
{
    /// <summary>
    /// The request's user, or null when nothing set one; unlike <see cref="HttpContext.User"/>, which makes an empty
    /// principal (and its feature) on first read, it allocates nothing.
    /// </summary>
    public static ClaimsPrincipal? Principal(HttpContext? context) => context?.Features.Get<IHttpAuthenticationFeature>()?.User;

    /// <summary>The authenticated user's id in the request, if any.</summary>
    public static string? Read(HttpContext? context, string? configuredClaim) => Read(Principal(context), configuredClaim);

    public static string? Read(ClaimsPrincipal? user, string? configuredClaim)
    {
        if (user?.Identity?.IsAuthenticated != true)
        {
            return null;
        }

        if (!string.IsNullOrEmpty(configuredClaim))
        {
            return user.FindFirst(configuredClaim)?.Value;
        }

        return user.FindFirst(ClaimTypes.NameIdentifier)?.Value
            ?? user.FindFirst("sub")?.Value
            ?? user.Identity.Name;
    }
}
