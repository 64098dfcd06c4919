namespace AspNetAuditTrail.Capture;

/// <summary>
/// Counts failed sign-ins per user name and per address in a sliding window. The N-th failure within the
/// window raises an alarm once; failures past N in the same window do not raise it again. Memory is bounded:
/// each key keeps at most N times, and at most <c>maxTracked</c> keys are followed (the least recent go first).
/// </summary>
internal sealed class BruteForceDetector
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Queue<DateTimeOffset>> _failures = new(StringComparer.Ordinal);

    /// <summary>Records one failure and returns the keys (<c>user:name</c>, <c>ip:address</c>) that just reached the threshold.</summary>
    public IReadOnlyList<(string Kind, string Key, int Failures)> RecordFailure(
        string? userName, string? ipAddress, DateTimeOffset now, int threshold, TimeSpan window, int maxTracked)
    {
        if (threshold <= 0)
        {
            return [];
        }

        var reached = new List<(string, string, int)>();
        lock (_gate)
        {
            foreach (var (kind, key) in new[] { ("user", userName?.ToLowerInvariant()), ("ip", ipAddress) })
            {
                if (string.IsNullOrEmpty(key))
                {
                    continue;
                }

                var times = Track(kind + ":" + key, now, window, maxTracked);
                while (times.Count > 0 && now - times.Peek() >= window)
                {
                    times.Dequeue();
                }

                times.Enqueue(now);
                if (times.Count > threshold)
                {
                    times.Dequeue();
                }
                else if (times.Count == threshold)
                {
                    reached.Add((kind, key, threshold));
                }
            }
        }

        return reached;
    }

    /// <summary>How many keys are followed (for tests of the memory bound).</summary>
    internal int TrackedKeys
    {
        get { lock (_gate) { return _failures.Count; } }
    }

    private Queue<DateTimeOffset> Track(string key, DateTimeOffset now, TimeSpan window, int maxTracked)
    {
        if (_failures.TryGetValue(key, out var times))
        {
            return times;
        }

        if (_failures.Count >= maxTracked)
        {
            foreach (var expired in _failures.Where(f => f.Value.Count == 0 || now - f.Value.Last() >= window).Select(f => f.Key).ToArray())
            {
                _failures.Remove(expired);
            }

            if (_failures.Count >= maxTracked)
            {
                _failures.Remove(_failures.MinBy(f => f.Value.Last()).Key);
            }
        }

        times = new Queue<DateTimeOffset>();
        _failures[key] = times;
        return times;
    }
}
