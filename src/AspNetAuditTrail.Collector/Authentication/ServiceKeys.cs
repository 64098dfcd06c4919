using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace AspNetAuditTrail.Collector.Authentication;

/// <summary>Each configured service's public key, read once from its PEM file.</summary>
internal sealed class ServiceKeys(IOptions<AuditTrailCollectorOptions> options)
{
    private readonly Dictionary<string, SecurityKey> _keys = options.Value.Services.ToDictionary(
        s => s.Key, s => Load(s.Key, s.Value.PublicKeyPath), StringComparer.Ordinal);

    public SecurityKey? Find(string service) => _keys.GetValueOrDefault(service);

    /// <summary>Reads a public key (EC or RSA) from PEM; the message of a failure names the service and the file.</summary>
    public static SecurityKey Load(string service, string? path)
    {
        if (string.IsNullOrWhiteSpace(path) || !File.Exists(path))
        {
            throw new InvalidOperationException($"AuditTrailCollector:Services:{service}:PublicKeyPath must name a PEM file; '{path}' does not exist.");
        }

        var pem = File.ReadAllText(path);
        if (TryRsa(pem) is { } rsa)
        {
            return new RsaSecurityKey(rsa) { KeyId = service };
        }

        try
        {
            var ec = ECDsa.Create();
            ec.ImportFromPem(pem);
            return new ECDsaSecurityKey(ec) { KeyId = service };
        }
        catch (Exception ex) when (ex is ArgumentException or CryptographicException)
        {
            throw new InvalidOperationException($"AuditTrailCollector:Services:{service}:PublicKeyPath '{path}' holds no EC or RSA public key: {ex.Message}", ex);
        }
    }

    private static RSA? TryRsa(string pem)
    {
        var rsa = RSA.Create();
        try
        {
            rsa.ImportFromPem(pem);
            return rsa;
        }
        catch (Exception ex) when (ex is ArgumentException or CryptographicException)
        {
            rsa.Dispose();
            return null;
        }
    }
}
