using System.Security.Cryptography;

namespace AspNetAuditTrail.Integrity;

/// <summary>A public key that verifies checkpoint signatures (ECDSA P-256, SHA-256).</summary>
public sealed class AuditPublicKey
{
    private readonly byte[] _subjectPublicKeyInfo;

    private AuditPublicKey(byte[] subjectPublicKeyInfo)
    {
        _subjectPublicKeyInfo = subjectPublicKeyInfo;
        KeyId = Convert.ToHexStringLower(SHA256.HashData(subjectPublicKeyInfo))[..16];
    }

    /// <summary>The first 16 hex digits of the SHA-256 of the key's SubjectPublicKeyInfo: what checkpoints name it by.</summary>
    public string KeyId { get; }

    /// <summary>Reads a key written as PEM (<c>-----BEGIN PUBLIC KEY-----</c>) or as base64 of its SubjectPublicKeyInfo.</summary>
    /// <exception cref="FormatException">The text is no P-256 public key.</exception>
    public static AuditPublicKey Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        using var key = ECDsa.Create();
        try
        {
            if (text.Contains("-----BEGIN", StringComparison.Ordinal))
            {
                key.ImportFromPem(text);
            }
            else
            {
                key.ImportSubjectPublicKeyInfo(Convert.FromBase64String(text.Trim()), out _);
            }
        }
        catch (Exception ex) when (ex is CryptographicException or ArgumentException or FormatException)
        {
            throw new FormatException("The checkpoint public key is not a P-256 public key in PEM or base64: " + ex.Message, ex);
        }

        return key.KeySize == 256 ? Of(key.ExportSubjectPublicKeyInfo()) : throw new FormatException("The checkpoint public key must be an ECDSA key on P-256.");
    }

    /// <summary>The key as base64 of its SubjectPublicKeyInfo, one line.</summary>
    public string Export() => Convert.ToBase64String(_subjectPublicKeyInfo);

    /// <summary>Whether the checkpoint names this key and its signature verifies.</summary>
    public bool Verifies(AuditCheckpoint checkpoint)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        Span<byte> signature = stackalloc byte[64];
        if (checkpoint.KeyId != KeyId || !Convert.TryFromBase64String(checkpoint.Signature, signature, out var length) || length != 64)
        {
            return false;
        }

        using var key = ECDsa.Create();
        key.ImportSubjectPublicKeyInfo(_subjectPublicKeyInfo, out _);
        return key.VerifyData(checkpoint.SignedBytes(), signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
    }

    internal static AuditPublicKey Of(byte[] subjectPublicKeyInfo) => new(subjectPublicKeyInfo);
}
