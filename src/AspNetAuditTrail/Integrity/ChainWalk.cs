using System.Buffers.Binary;
using System.Security.Cryptography;

namespace AspNetAuditTrail.Integrity;

/// <summary>
/// Verifies one chain: walks its rows by sequence, checks each row's MAC, folds the chain's hash and compares it at
/// every checkpoint, and names gaps, extra rows, reordered rows and a cut tail.
/// </summary>
internal sealed class ChainWalk(Guid chain, RowMacs macs, List<AuditCheckpoint> checkpoints, AuditVerifyScope scope, VerificationReport report)
{
    private const int Block = 4096;
    private readonly List<AuditChainRow> _changed = [];
    private readonly byte[] _mac = new byte[32];
    private readonly Dictionary<long, List<AuditCheckpoint>> _at = checkpoints.GroupBy(c => c.Sequence).ToDictionary(g => g.Key, g => g.ToList());
    private byte[]? _head;
    private long _expected;
    private long _retained;
    private long _rows;
    private long _last;
    private bool _segmentBroken;

    /// <summary>When the chain started: the time in its version 7 id.</summary>
    public static DateTimeOffset StartOf(Guid chain)
    {
        Span<byte> bytes = stackalloc byte[16];
        chain.TryWriteBytes(bytes, bigEndian: true, out _);
        return DateTimeOffset.FromUnixTimeMilliseconds((long)(BinaryPrimitives.ReadUInt64BigEndian(bytes) >> 16));
    }

    public async Task RunAsync(IAuditIntegrityReader reader, AuditChainExtent? extent, CancellationToken cancellationToken)
    {
        var breaksBefore = report.BreakCount;
        var start = scope.From is { } from ? checkpoints.LastOrDefault(c => c.CreatedAt <= from && c.Kind != AuditCheckpointKind.Retention) : null;
        var end = scope.To is { } to ? checkpoints.FirstOrDefault(c => c.CreatedAt >= to) : null;
        var retention = checkpoints.LastOrDefault(c => c.Kind == AuditCheckpointKind.Retention);
        var first = (start?.Sequence ?? 0) + 1;
        var last = end?.Sequence ?? Math.Max(extent?.LastSequence ?? 0, checkpoints.Count > 0 ? checkpoints[^1].Sequence : 0);
        _head = start is null ? AuditChainHash.Start(chain) : Convert.FromHexString(start.ChainHash);
        _expected = first;
        _retained = retention is not null && retention.Sequence >= first ? retention.Sequence : 0;
        var final = checkpoints.LastOrDefault(c => c.Kind == AuditCheckpointKind.Final);

        // MACs are checked a block at a time on every core; the walk itself is in order.
        var (block, group) = (new List<AuditChainRow>(Block), new List<(AuditChainRow Row, bool Verified)>());
        void Walk()
        {
            var verified = macs.VerifyAll(chain, block);
            for (var i = 0; i < block.Count; i++)
            {
                if (group.Count > 0 && group[0].Row.Sequence != block[i].Sequence)
                {
                    Step(group, final);
                    group.Clear();
                }

                group.Add((block[i], verified[i]));
            }

            block.Clear();
        }

        await foreach (var row in reader.ReadChainAsync(chain, first, last, cancellationToken))
        {
            block.Add(row);
            if (block.Count == Block)
            {
                Walk();
            }
        }

        Walk();
        if (group.Count > 0)
        {
            Step(group, final);
        }

        var covered = checkpoints.Where(c => c.Sequence <= last).Select(c => c.Sequence).DefaultIfEmpty(0).Max();
        if (covered > _last && covered > _retained)
        {
            report.Add(new AuditBreak(AuditBreakKind.TailCut, null, null, chain, _last + 1,
                $"Rows {_last + 1} to {covered} of chain {chain} are gone: a signed checkpoint covers them."));
        }

        ClassifyChanged();
        var confirmed = checkpoints.LastOrDefault(c => c.Sequence <= last);
        report.Chain(new AuditChainSummary(
            chain,
            checkpoints.FirstOrDefault()?.Writer,
            _rows,
            extent?.LastSequence ?? 0,
            confirmed?.Sequence ?? 0,
            confirmed?.CreatedAt,
            Math.Max(0, _last - (confirmed?.Sequence ?? 0)),
            final is not null,
            report.BreakCount == breaksBefore));
    }

    /// <summary>The rows stored at one sequence (one, unless rows were inserted).</summary>
    private void Step(List<(AuditChainRow Row, bool Verified)> stored, AuditCheckpoint? final)
    {
        var sequence = stored[0].Row.Sequence;
        AuditChainRow? genuine = null;
        foreach (var (row, verified) in stored)
        {
            if (verified)
            {
                genuine = row;
                break;
            }
        }

        foreach (var (row, _) in stored)
        {
            report.Counted();
            _rows++;
            if (row == genuine)
            {
                continue;
            }

            _segmentBroken = true;
            if (genuine is not null || stored.Count > 1 || (final is not null && sequence > final.Sequence))
            {
                report.Add(new AuditBreak(AuditBreakKind.RowInserted, row.Table, row.Id, chain, sequence,
                    genuine is not null || stored.Count > 1
                        ? $"Row {row.Id} of {row.Table} claims place {sequence} of chain {chain}, which another row holds."
                        : $"Row {row.Id} of {row.Table} comes after the final checkpoint of chain {chain}."));
            }
            else if (_changed.Count < AuditVerifier.MaxBreaks)
            {
                _changed.Add(row);
            }
            else
            {
                // Past what is listed: counted as changed, without the row kept to tell a move from a change.
                report.Add(Changed(row));
            }
        }

        _last = Math.Max(_last, sequence);
        if (sequence <= _retained)
        {
            // Before retention's cut: each row on its own, gaps allowed.
            return;
        }

        if (_expected <= _retained)
        {
            // The chain goes on from the hash signed where retention cut.
            _expected = _retained + 1;
            _head = null;
            Checkpoints(_retained, _retained);
        }

        if (sequence > _expected)
        {
            report.Add(new AuditBreak(AuditBreakKind.RowMissing, null, null, chain, _expected,
                sequence == _expected + 1 ? $"Row {_expected} of chain {chain} is gone." : $"Rows {_expected} to {sequence - 1} of chain {chain} are gone."));
            _head = null;
            _segmentBroken = true;
            Checkpoints(_expected, sequence - 1);
        }

        var kept = genuine ?? stored[0].Row;
        if (_head is not null && AuditChainHash.TryParse(kept.Mac, _mac))
        {
            macs.Next(_head, _mac);
        }
        else
        {
            _head = null;
        }

        Checkpoints(sequence, sequence);
        _expected = sequence + 1;
    }

    /// <summary>Compares the chain's hash with the checkpoints in the range, and takes theirs from there.</summary>
    private void Checkpoints(long from, long to)
    {
        if (from == to)
        {
            if (_at.TryGetValue(from, out var here))
            {
                Compare(from, here);
            }

            return;
        }

        foreach (var (s, here) in _at.Where(a => a.Key >= from && a.Key <= to).OrderBy(a => a.Key))
        {
            Compare(s, here);
        }
    }

    private void Compare(long sequence, List<AuditCheckpoint> here)
    {
        foreach (var checkpoint in here)
        {
            var hash = Convert.FromHexString(checkpoint.ChainHash);

            // A segment with a broken row already says what is wrong; a mismatch alone means rows rewritten with the chain key.
            if (_head is not null && !_segmentBroken && !CryptographicOperations.FixedTimeEquals(_head, hash))
            {
                report.Add(new AuditBreak(AuditBreakKind.CheckpointMismatch, "audit_checkpoint", null, chain, sequence,
                    $"The rows of chain {chain} up to {sequence} do not add up to its signed checkpoint: rows were rewritten."));
            }

            _head = hash.AsSpan().IndexOfAnyExcept((byte)0) < 0 ? null : hash;
            _segmentBroken = false;
        }
    }

    /// <summary>A row whose MAC fails where it is but holds at another failing row's place was moved; otherwise it was changed.</summary>
    private void ClassifyChanged()
    {
        var candidates = _changed.Take(256).ToList();
        foreach (var row in _changed)
        {
            var moved = candidates.Any(other => other.Sequence != row.Sequence && macs.Matches(chain, row, other.Sequence));
            report.Add(moved
                ? new AuditBreak(AuditBreakKind.OrderChanged, row.Table, row.Id, chain, row.Sequence,
                    $"Row {row.Id} of {row.Table} was moved to place {row.Sequence} of chain {chain}.")
                : Changed(row));
        }
    }

    private AuditBreak Changed(AuditChainRow row) =>
        new(AuditBreakKind.RowChanged, row.Table, row.Id, chain, row.Sequence,
            $"Row {row.Id} of {row.Table} (place {row.Sequence} of chain {chain}) was changed: it no longer matches its MAC.");
}
