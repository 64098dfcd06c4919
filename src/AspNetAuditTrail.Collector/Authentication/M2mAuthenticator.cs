using System.Security.Cryptography;
using AspNetAuditTrail.Events;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace AspNetAuditTrail.Collector.Authentication;

/// <summary>
/// Checks a call signed by a service: <c>X-M2M-Service</c> names a known service; the bearer token is a JWT signed
/// (ES256 or RS256) with that service's key, issued by it (<c>iss</c>) for this collector (<c>aud</c>), alive and
/// short-lived (<c>iat</c>, <c>exp</c>), used once (<c>jti</c>), and bound to the exact body (<c>body_sha256</c>).
/// </summary>
internal sealed class M2mAuthenticator(ServiceKeys keys, ReplayGuard replays, IOptions<AuditTrailCollectorOptions> options)
{
    public const string ServiceHeader = "X-M2M-Service";

    private static readonly JsonWebTokenHandler Handler = new() { MaximumTokenSizeInBytes = 16 * 1024 };

    public async Task<M2mVerdict> CheckAsync(HttpContext context, ReadOnlyMemory<byte> body)
    {
        var settings = options.Value;
        var service = context.Request.Headers[ServiceHeader].ToString();
        if (service.Length == 0)
        {
            return M2mVerdict.Refused($"No {ServiceHeader} header: a call must name the service that sends it.");
        }

        if (keys.Find(service) is not { } key)
        {
            return M2mVerdict.Refused("Unknown service: the collector has no key for it.", SecurityEventType.AccessDenied);
        }

        var authorization = context.Request.Headers.Authorization.ToString();
        if (!authorization.StartsWith("Bearer ", StringComparison.Ordinal))
        {
            return M2mVerdict.Refused("No bearer token.");
        }

        var result = await Handler.ValidateTokenAsync(authorization["Bearer ".Length..].Trim(), new TokenValidationParameters
        {
            ValidIssuer = service,
            ValidAudience = settings.Audience,
            IssuerSigningKey = key,
            ValidAlgorithms = [SecurityAlgorithms.EcdsaSha256, SecurityAlgorithms.RsaSha256],
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            ClockSkew = settings.ClockSkew,
            TryAllIssuerSigningKeys = true,
        });
        if (!result.IsValid)
        {
            return result.Exception switch
            {
                SecurityTokenExpiredException => M2mVerdict.Refused("Expired token.", SecurityEventType.TokenExpired),
                SecurityTokenInvalidIssuerException => M2mVerdict.Refused($"The token's issuer is not the service the {ServiceHeader} header names."),
                SecurityTokenInvalidAudienceException => M2mVerdict.Refused($"The token is not for this collector (aud must be {settings.Audience})."),
                SecurityTokenInvalidSignatureException or SecurityTokenSignatureKeyNotFoundException => M2mVerdict.Refused("Bad signature: the token is not signed with the service's key."),
                SecurityTokenInvalidAlgorithmException => M2mVerdict.Refused("The token must be signed with ES256 or RS256."),
                _ => M2mVerdict.Refused("Invalid token."),
            };
        }

        var token = (JsonWebToken)result.SecurityToken;
        if (!token.TryGetPayloadValue<long>("iat", out var issuedAt) || token.ValidTo - DateTimeOffset.FromUnixTimeSeconds(issuedAt).UtcDateTime > settings.MaxTokenLifetime)
        {
            return M2mVerdict.Refused($"The token must say when it was issued (iat) and live at most {settings.MaxTokenLifetime.TotalMinutes:0} minutes.");
        }

        if (string.IsNullOrEmpty(token.Id))
        {
            return M2mVerdict.Refused("The token has no id (jti).");
        }

        if (!token.TryGetPayloadValue<string>("body_sha256", out var hash) || !HashMatches(hash, body))
        {
            return M2mVerdict.Refused("The body does not match the token's body_sha256.");
        }

        if (!replays.TryUse(service, token.Id, token.ValidTo))
        {
            return M2mVerdict.Refused("Replayed token: its jti was used before.");
        }

        var scopes = token.TryGetPayloadValue<string>("scope", out var scope)
            ? scope.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal)
            : new HashSet<string>(StringComparer.Ordinal);
        return new M2mVerdict(service, scopes, null);
    }

    /// <summary>base64url (no padding) of the body's SHA-256, compared in fixed time.</summary>
    private static bool HashMatches(string claimed, ReadOnlyMemory<byte> body)
    {
        var expected = Base64UrlEncoder.Encode(SHA256.HashData(body.Span));
        return CryptographicOperations.FixedTimeEquals(System.Text.Encoding.ASCII.GetBytes(expected), System.Text.Encoding.ASCII.GetBytes(claimed));
    }
}
