using System.Security.Cryptography;
using System.Text;

namespace AspNetAuditTrail.Retention;

/// <summary>
/// Turns a personal value into its pseudonym: <c>anon-</c> and 24 hex digits of HMAC-SHA256 under the key, the same for
/// the same value and key, and not reversible without the key; or into nothing with <see cref="AuditAnonymizationMode.Remove"/>.
/// </summary>
public sealed class AuditPseudonymizer
{
    /// <summary>What every pseudonym starts with.</summary>
    public const string Prefix = "anon-";

    private readonly byte[] _key;

    /// <summary>Creates the pseudonymizer with a key of at least 32 bytes.</summary>
    public AuditPseudonymizer(ReadOnlySpan<byte> key, AuditAnonymizationMode mode = AuditAnonymizationMode.Pseudonymize)
    {
        if (key.Length < 32)
        {
            throw new ArgumentException("The anonymisation key must be at least 32 bytes.", nameof(key));
        }

        _key = key.ToArray();
        Mode = mode;
    }

    /// <summary>Pseudonyms or nothing.</summary>
    public AuditAnonymizationMode Mode { get; }

    /// <summary>The pseudonymizer of the options' key and mode.</summary>
    /// <exception cref="ArgumentException">The key is missing, not base64, or shorter than 32 bytes.</exception>
    public static AuditPseudonymizer FromOptions(AuditAnonymizationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return TryDecodeKey(options.Key) is { } key
            ? new AuditPseudonymizer(key, options.Mode)
            : throw new ArgumentException("AuditTrail:Anonymization:Key must be base64 of at least 32 bytes.", nameof(options));
    }

    /// <summary>The key's bytes, or null when the text is missing, not base64, or shorter than 32 bytes.</summary>
    public static byte[]? TryDecodeKey(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var bytes = new byte[text.Length];
        return Convert.TryFromBase64String(text.Trim(), bytes, out var written) && written >= 32 ? bytes[..written] : null;
    }

    /// <summary>The value's pseudonym (or null with <see cref="AuditAnonymizationMode.Remove"/>); null stays null, and a pseudonym stays as it is.</summary>
    public string? Replace(string? value)
    {
        if (value is null || Mode == AuditAnonymizationMode.Remove)
        {
            return null;
        }

        if (value.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return value;
        }

        Span<byte> hash = stackalloc byte[32];
        HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(value), hash);
        return Prefix + Convert.ToHexStringLower(hash[..12]);
    }
}
