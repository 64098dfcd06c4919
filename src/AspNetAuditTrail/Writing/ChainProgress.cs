using AspNetAuditTrail.Events;

namespace AspNetAuditTrail.Writing;

/// <summary>
/// How far a chain's rows are settled (written, in the journal, set aside, or given up), the rows of each sealing
/// counted down as they settle: periodic checkpoints cover the settled rows only, never rows still on their way (a
/// batch sealed ahead, a batch being written). Not for concurrent use: the chain's lock guards it.
/// </summary>
internal sealed class ChainProgress(Guid chainId, byte[] start)
{
    private readonly List<Sealing> _pending = [];

    /// <summary>The last settled place, every place before it settled too.</summary>
    public long Settled { get; private set; }

    /// <summary>The chain's hash after <see cref="Settled"/>.</summary>
    public byte[] SettledHead { get; private set; } = [.. start];

    /// <summary>Rows <paramref name="first"/> to <paramref name="last"/> were sealed; the chain's hash after them is <paramref name="head"/>.</summary>
    public void Sealed(long first, long last, ReadOnlySpan<byte> head) => _pending.Add(new Sealing(first, last, head.ToArray()));

    /// <summary>The rows are settled; the settled places move on over every sealing whose rows all are.</summary>
    public void Settle(IEnumerable<IAuditEvent> rows)
    {
        foreach (var row in rows)
        {
            if (row.Seal is { } seal && seal.ChainId == chainId && seal.Sequence > Settled
                && _pending.Find(s => s.First <= seal.Sequence && seal.Sequence <= s.Last) is { } sealing)
            {
                sealing.Settle(seal.Sequence);
            }
        }

        while (_pending.Count > 0 && _pending[0].Unsettled == 0)
        {
            (Settled, SettledHead) = (_pending[0].Last, _pending[0].Head);
            _pending.RemoveAt(0);
        }
    }

    private sealed record Sealing(long First, long Last, byte[] Head)
    {
        /// <summary>Which places are settled (a row settled twice, written and replayed, counts once).</summary>
        private readonly bool[] _settled = new bool[checked((int)(Last - First + 1))];

        /// <summary>How many places are not settled yet.</summary>
        public int Unsettled { get; private set; } = checked((int)(Last - First + 1));

        public void Settle(long sequence)
        {
            if (!_settled[sequence - First])
            {
                _settled[sequence - First] = true;
                Unsettled--;
            }
        }
    }
}
