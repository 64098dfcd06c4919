using System.Buffers.Binary;
using System.Security.Cryptography;

namespace AspNetAuditTrail.Integrity;

/// <summary>
/// The hashes of a chain (version 1, README "Tamper evidence"). A row's MAC is HMAC-SHA256, under the chain key, of
/// <c>"aat-row-v1"</c>, the chain id (16 bytes, RFC 4122 order), the sequence (8 bytes, big-endian) and the row's
/// canonical form. The chain's hash starts as SHA-256 of <c>"aat-chain-v1"</c> and the chain id, and each row makes it
/// SHA-256 of the previous hash and the row's MAC; checkpoints sign it. One instance is not for concurrent use.
/// </summary>
public sealed class AuditChainHash : IDisposable
{
    private static readonly byte[] RowTag = "aat-row-v1"u8.ToArray();
    private static readonly byte[] ChainTag = "aat-chain-v1"u8.ToArray();
    private readonly IncrementalHash _mac;
    private readonly IncrementalHash _chain = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private byte[] _input = new byte[1024];

    /// <summary>Creates the hasher of a chain key (at least 32 bytes).</summary>
    public AuditChainHash(ReadOnlySpan<byte> chainKey)
    {
        if (chainKey.Length < 32)
        {
            throw new ArgumentException("The chain key must be at least 32 bytes.", nameof(chainKey));
        }

        _mac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, chainKey);
    }

    /// <summary>The hash of a chain before its first row.</summary>
    public static byte[] Start(Guid chainId)
    {
        Span<byte> input = stackalloc byte[ChainTag.Length + 16];
        ChainTag.CopyTo(input);
        chainId.TryWriteBytes(input[ChainTag.Length..], bigEndian: true, out _);
        return SHA256.HashData(input);
    }

    /// <summary>Moves the chain's hash on by one row: SHA-256 of the hash and the row's MAC, in place.</summary>
    public static void Next(Span<byte> hash, ReadOnlySpan<byte> rowMac)
    {
        Span<byte> input = stackalloc byte[64];
        hash.CopyTo(input);
        rowMac.CopyTo(input[32..]);
        SHA256.HashData(input, hash);
    }

    /// <summary>
    /// <see cref="Next"/> through this instance's own hash object: the same hash, without setting up a new one for
    /// each row (most of the cost of hashing 64 bytes), its input gathered first: one call to append, not two.
    /// </summary>
    internal void MoveOn(Span<byte> hash, ReadOnlySpan<byte> rowMac)
    {
        Span<byte> input = stackalloc byte[64];
        hash.CopyTo(input);
        rowMac.CopyTo(input[32..]);
        _chain.AppendData(input);
        _chain.GetHashAndReset(hash);
    }

    /// <summary>The MAC of a row at its place in a chain (its input gathered first: one call into the hash, not three).</summary>
    public void RowMac(Guid chainId, long sequence, ReadOnlySpan<byte> canonical, Span<byte> mac)
    {
        var length = RowTag.Length + 24 + canonical.Length;
        if (_input.Length < length)
        {
            _input = new byte[Math.Max(length, _input.Length * 2)];
        }

        var input = _input.AsSpan(0, length);
        RowTag.CopyTo(input);
        chainId.TryWriteBytes(input[RowTag.Length..], bigEndian: true, out _);
        BinaryPrimitives.WriteInt64BigEndian(input[(RowTag.Length + 16)..], sequence);
        canonical.CopyTo(input[(RowTag.Length + 24)..]);
        _mac.AppendData(input);
        _mac.GetHashAndReset(mac);
    }

    /// <summary>64 lowercase hex digits.</summary>
    public static string ToHex(ReadOnlySpan<byte> hash) => Convert.ToHexStringLower(hash);

    /// <summary>Reads a hash written as 64 hex digits; false when the text is anything else.</summary>
    internal static bool TryParse(ReadOnlySpan<char> hex, Span<byte> hash) =>
        hex.Length == 64 && Convert.FromHexString(hex, hash, out _, out var written) == System.Buffers.OperationStatus.Done && written == 32;

    /// <inheritdoc />
    public void Dispose()
    {
        _mac.Dispose();
        _chain.Dispose();
    }
}
