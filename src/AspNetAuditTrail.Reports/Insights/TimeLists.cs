namespace AspNetAuditTrail.Reports.Insights;

/// <summary>The times of rows by key (a user, an address), oldest first, for <see cref="Bursts"/>; at most <see cref="Tally.MaxKeys"/> keys.</summary>
internal sealed class TimeLists
{
    private readonly Dictionary<string, List<DateTimeOffset>> _times = new(StringComparer.Ordinal);

    public void Add(string? key, DateTimeOffset time)
    {
        key ??= "(unknown)";
        if (_times.TryGetValue(key, out var list))
        {
            list.Add(time);
        }
        else if (_times.Count < Tally.MaxKeys)
        {
            _times[key] = [time];
        }
    }

    /// <summary>One finding per run of at least <paramref name="threshold"/> times within <paramref name="window"/>, per key.</summary>
    public IEnumerable<SuspiciousFinding> Incidents(int threshold, TimeSpan window, Func<string, long, DateTimeOffset, DateTimeOffset, SuspiciousFinding> finding) =>
        _times.OrderBy(t => t.Key, StringComparer.Ordinal).SelectMany(t => Bursts.Find(t.Value, threshold, window)
            .Select(run => finding(t.Key, run.Last - run.First + 1, t.Value[run.First], t.Value[run.Last])));
}
