using System.IO.Compression;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace AspNetAuditTrail.IntegrationTests;

/// <summary>A service that signs its calls to the collector, as any sender would with a standard JWT library; each part of the token can be spoiled.</summary>
internal sealed class M2mSender(string service, ECDsa key)
{
    public string Service { get; } = service;

    /// <summary>The public key as PEM, for the collector's settings.</summary>
    public string PublicKeyPem => key.ExportSubjectPublicKeyInfoPem();

    /// <summary>The private key as PEM, for a forwarding app's settings.</summary>
    public string PrivateKeyPem => key.ExportPkcs8PrivateKeyPem();

    public static M2mSender Create(string service) => new(service, ECDsa.Create(ECCurve.NamedCurves.nistP256));

    public string Token(
        byte[] body,
        string? issuer = null,
        string audience = "audit-collector",
        TimeSpan? lifetime = null,
        DateTimeOffset? issuedAt = null,
        string? jti = null,
        bool withJti = true,
        string? bodyHash = null,
        string? scope = null,
        ECDsa? signWith = null)
    {
        var iat = issuedAt ?? DateTimeOffset.UtcNow;
        var claims = new Dictionary<string, object>
        {
            ["body_sha256"] = bodyHash ?? Base64UrlEncoder.Encode(SHA256.HashData(body)),
            ["iat"] = iat.ToUnixTimeSeconds(),
        };
        if (withJti)
        {
            claims["jti"] = jti ?? Guid.NewGuid().ToString();
        }

        if (scope is not null)
        {
            claims["scope"] = scope;
        }

        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer ?? Service,
            Audience = audience,
            IssuedAt = iat.UtcDateTime,
            NotBefore = iat.UtcDateTime,
            Expires = (iat + (lifetime ?? TimeSpan.FromMinutes(2))).UtcDateTime,
            Claims = claims,
            SigningCredentials = new SigningCredentials(new ECDsaSecurityKey(signWith ?? key), SecurityAlgorithms.EcdsaSha256),
        });
    }

    /// <summary>A signed POST (or GET when <paramref name="body"/> is null) with the given token, or a fresh one.</summary>
    public HttpRequestMessage Request(HttpMethod method, string path, string? json, string? token = null, bool gzip = false, string? header = null, string? scope = null)
    {
        var bytes = json is null ? [] : Encoding.UTF8.GetBytes(json);
        if (gzip)
        {
            using var buffer = new MemoryStream();
            using (var zip = new GZipStream(buffer, CompressionLevel.Fastest))
            {
                zip.Write(bytes);
            }

            bytes = buffer.ToArray();
        }

        var request = new HttpRequestMessage(method, path);
        if (json is not null)
        {
            request.Content = new ByteArrayContent(bytes);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            if (gzip)
            {
                request.Content.Headers.ContentEncoding.Add("gzip");
            }
        }

        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token ?? Token(bytes, scope: scope));
        request.Headers.Add("X-M2M-Service", header ?? Service);
        return request;
    }
}
