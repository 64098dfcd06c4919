using System.Security.Claims;

namespace AspNetAuditTrail.Capture;

/// <summary>Reads the id of the authenticated user from the configured claim, else the usual ones.</summary>
internal static class UserIdReader
{
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
