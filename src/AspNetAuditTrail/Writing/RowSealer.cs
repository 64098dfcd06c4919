using System.Buffers;
using AspNetAuditTrail.Events;
using AspNetAuditTrail.Integrity;

namespace AspNetAuditTrail.Writing;

/// <summary>
/// Seals rows at given places of a chain: each row's canonical form and MAC on every core (they depend on the row and its
/// place only), then the chain's hash folded over them in order. Not for concurrent calls (the chain holds a lock).
/// </summary>
internal sealed class RowSealer(Guid chainId, IAuditCanonicalForm form, byte[] chainKey) : IDisposable
{
    /// <summary>Fewer rows than this are sealed on the calling thread: a parallel loop costs more than it saves.</summary>
    private const int ParallelFrom = 64;

    private readonly ThreadLocal<(AuditChainHash Hash, ArrayBufferWriter<byte> Buffer)> _workers =
        new(() => (new AuditChainHash(chainKey), new ArrayBufferWriter<byte>(4096)), trackAllValues: true);

    private readonly AuditChainHash _fold = new(chainKey);

    /// <summary>
    /// Seals the rows at places <paramref name="first"/> onwards, moving <paramref name="head"/> on by each; on every
    /// core when <paramref name="parallel"/> (else on the calling thread, beside a writer that keeps a core busy).
    /// </summary>
    public void Seal(IReadOnlyList<IAuditEvent> rows, long first, Span<byte> head, bool parallel)
    {
        var macs = new byte[rows.Count * 32];
        var digests = new string[rows.Count];
        void One(int i)
        {
            var (hash, buffer) = _workers.Value;
            Span<byte> personal = stackalloc byte[32];
            buffer.ResetWrittenCount();
            form.Write(rows[i], buffer, personal);
            hash.RowMac(chainId, first + i, buffer.WrittenSpan, macs.AsSpan(i * 32, 32));
            digests[i] = AuditChainHash.ToHex(personal);
        }

        if (parallel && rows.Count >= ParallelFrom)
        {
            Parallel.For(0, rows.Count, One);
        }
        else
        {
            for (var i = 0; i < rows.Count; i++)
            {
                One(i);
            }
        }

        for (var i = 0; i < rows.Count; i++)
        {
            var mac = macs.AsSpan(i * 32, 32);
            _fold.MoveOn(head, mac);
            AuditSeal.Set(rows[i], new AuditSeal(chainId, first + i, AuditChainHash.ToHex(mac), digests[i]));
        }
    }

    public void Dispose()
    {
        _fold.Dispose();
        foreach (var (hash, _) in _workers.Values)
        {
            hash.Dispose();
        }

        _workers.Dispose();
    }
}
