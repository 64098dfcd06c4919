using System.Security.Cryptography;

namespace AspNetAuditTrail.Integrity;

/// <summary>Checks rows' MACs under any of the chain keys, a block of rows at a time on every core.</summary>
internal sealed class RowMacs : IDisposable
{
    private readonly byte[][] _keys;
    private readonly ThreadLocal<AuditChainHash[]> _hashes;

    public RowMacs(IEnumerable<byte[]> keys)
    {
        _keys = [.. keys];
        _hashes = new ThreadLocal<AuditChainHash[]>(() => [.. _keys.Select(k => new AuditChainHash(k))], trackAllValues: true);
        if (_keys.Length == 0)
        {
            throw new ArgumentException("Verification needs the chain key.", nameof(keys));
        }

        // Fails now, not on a worker thread, when a key is too short.
        _ = _hashes.Value;
    }

    /// <summary>Whether each row's stored MAC is its MAC at its own place, under one of the keys.</summary>
    public bool[] VerifyAll(Guid chain, IReadOnlyList<AuditChainRow> rows)
    {
        var verified = new bool[rows.Count];
        Parallel.For(0, rows.Count, i => verified[i] = Matches(chain, rows[i], rows[i].Sequence));
        return verified;
    }

    /// <summary>Moves a chain's hash on by one row (<see cref="AuditChainHash.Next"/>), with this thread's hash object.</summary>
    public void Next(Span<byte> hash, ReadOnlySpan<byte> rowMac) => _hashes.Value![0].MoveOn(hash, rowMac);

    /// <summary>Whether the row's stored MAC is its MAC at <paramref name="sequence"/> under one of the keys.</summary>
    public bool Matches(Guid chain, AuditChainRow row, long sequence)
    {
        Span<byte> stored = stackalloc byte[32];
        if (!AuditChainHash.TryParse(row.Mac, stored))
        {
            return false;
        }

        Span<byte> mac = stackalloc byte[32];
        foreach (var hash in _hashes.Value!)
        {
            hash.RowMac(chain, sequence, row.Canonical, mac);
            if (CryptographicOperations.FixedTimeEquals(mac, stored))
            {
                return true;
            }
        }

        return false;
    }

    public void Dispose()
    {
        foreach (var hash in _hashes.Values.SelectMany(h => h))
        {
            hash.Dispose();
        }

        _hashes.Dispose();
    }
}
