using System.Net.Http.Headers;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace AspNetAuditTrail.Http;

/// <summary>
/// Signs every attempt of a call (a retry gets a fresh token, as a token is accepted once): a short-lived JWT naming
/// the service (<c>iss</c>, and <c>X-M2M-Service</c>), the collector (<c>aud</c>), a unique <c>jti</c> and the
/// SHA-256 of the body (<c>body_sha256</c>).
/// </summary>
internal sealed class CallSigner(IOptions<CollectorClientOptions> options, TimeProvider time) : DelegatingHandler
{
    private static readonly JsonWebTokenHandler Tokens = new() { SetDefaultTimesOnTokenCreation = false };
    private readonly Lazy<SigningCredentials> _credentials = new(() => Load(options.Value.PrivateKeyPath!));

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        var now = time.GetUtcNow();
        var token = Tokens.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = settings.ServiceName,
            Audience = settings.Audience,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = now.AddMinutes(2).UtcDateTime,
            Claims = new Dictionary<string, object>
            {
                ["jti"] = Guid.NewGuid().ToString(),
                ["body_sha256"] = Base64UrlEncoder.Encode(SHA256.HashData(body)),
            },
            SigningCredentials = _credentials.Value,
        });
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Headers.Remove("X-M2M-Service");
        request.Headers.Add("X-M2M-Service", settings.ServiceName);
        return await base.SendAsync(request, cancellationToken);
    }

    /// <summary>The private key from PEM: RSA signs RS256, EC signs ES256.</summary>
    public static SigningCredentials Load(string path)
    {
        var pem = File.ReadAllText(path);
        var rsa = RSA.Create();
        try
        {
            rsa.ImportFromPem(pem);
            return new SigningCredentials(new RsaSecurityKey(rsa), SecurityAlgorithms.RsaSha256);
        }
        catch (Exception ex) when (ex is ArgumentException or CryptographicException)
        {
            rsa.Dispose();
        }

        var ec = ECDsa.Create();
        ec.ImportFromPem(pem);
        return new SigningCredentials(new ECDsaSecurityKey(ec), SecurityAlgorithms.EcdsaSha256);
    }
}
