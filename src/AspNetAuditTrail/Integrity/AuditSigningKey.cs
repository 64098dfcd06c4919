using System.Security.Cryptography;

namespace AspNetAuditTrail.Integrity;

/// <summary>The private key that signs checkpoints: ECDSA on P-256 with SHA-256. It never goes to the audit database.</summary>
public sealed class AuditSigningKey : IDisposable
{
    private readonly ECDsa _key;

    private AuditSigningKey(ECDsa key)
    {
        _key = key;
        PublicKey = AuditPublicKey.Of(key.ExportSubjectPublicKeyInfo());
    }

    /// <summary>The public key that verifies its signatures.</summary>
    public AuditPublicKey PublicKey { get; }

    /// <summary>The id checkpoints name it by: the public key's id.</summary>
    public string KeyId => PublicKey.KeyId;

    /// <summary>A new random key.</summary>
    public static AuditSigningKey Create() => new(ECDsa.Create(ECCurve.NamedCurves.nistP256));

    /// <summary>Reads a key written as PEM (<c>-----BEGIN PRIVATE KEY-----</c> or <c>EC PRIVATE KEY</c>) or as base64 of PKCS#8.</summary>
    /// <exception cref="FormatException">The text is no P-256 private key.</exception>
    public static AuditSigningKey Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var key = ECDsa.Create();
        try
        {
            if (text.Contains("-----BEGIN", StringComparison.Ordinal))
            {
                key.ImportFromPem(text);
            }
            else
            {
                key.ImportPkcs8PrivateKey(Convert.FromBase64String(text.Trim()), out _);
            }

            if (key.KeySize != 256)
            {
                throw new FormatException("The checkpoint signing key must be an ECDSA key on P-256.");
            }

            return new AuditSigningKey(key);
        }
        catch (Exception ex) when (ex is CryptographicException or ArgumentException or FormatException)
        {
            key.Dispose();
            throw new FormatException("The checkpoint signing key is not a P-256 private key in PEM or base64 PKCS#8: " + ex.Message, ex);
        }
    }

    /// <summary>The key as base64 of PKCS#8, one line (for a setting or an environment variable).</summary>
    public string ExportPrivateKey() => Convert.ToBase64String(_key.ExportPkcs8PrivateKey());

    /// <summary>Signs a checkpoint of the chain's hash after <paramref name="sequence"/>.</summary>
    public AuditCheckpoint Sign(Guid chainId, long sequence, ReadOnlySpan<byte> chainHash, DateTimeOffset createdAt, AuditCheckpointKind kind, string writer)
    {
        var at = new DateTimeOffset(createdAt.UtcTicks - (createdAt.UtcTicks % 10), TimeSpan.Zero);
        var unsigned = new AuditCheckpoint
        {
            ChainId = chainId,
            Sequence = sequence,
            ChainHash = AuditChainHash.ToHex(chainHash),
            CreatedAt = at,
            Kind = kind,
            Writer = writer,
            KeyId = KeyId,
            Signature = "",
        };
        var signature = _key.SignData(unsigned.SignedBytes(), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        return unsigned with { Signature = Convert.ToBase64String(signature) };
    }

    /// <inheritdoc />
    public void Dispose() => _key.Dispose();
}
