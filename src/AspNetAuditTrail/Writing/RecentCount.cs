namespace AspNetAuditTrail.Writing;

/// <summary>A count over the last few minutes, kept in one-minute buckets.</summary>
internal sealed class RecentCount(TimeProvider time, int minutes = 5)
{
    private readonly Lock _gate = new();
    private readonly long[] _minutes = new long[minutes];
    private readonly long[] _counts = new long[minutes];

    public void Add(long count)
    {
        var minute = CurrentMinute();
        lock (_gate)
        {
            var slot = (int)(minute % _minutes.Length);
            if (_minutes[slot] != minute)
            {
                _minutes[slot] = minute;
                _counts[slot] = 0;
            }

            _counts[slot] += count;
        }
    }

    /// <summary>The count of the current minute and the ones before it in the window.</summary>
    public long Total
    {
        get
        {
            var oldest = CurrentMinute() - _minutes.Length + 1;
            lock (_gate)
            {
                long total = 0;
                for (var i = 0; i < _minutes.Length; i++)
                {
                    total += _minutes[i] >= oldest ? _counts[i] : 0;
                }

                return total;
            }
        }
    }

    private long CurrentMinute() => time.GetUtcNow().ToUnixTimeSeconds() / 60;
}
