namespace AspNetAuditTrail.Reports.Insights;

/// <summary>Counts by key, bounded: past <see cref="MaxKeys"/> distinct keys, new keys are counted under "(other)".</summary>
internal sealed class Tally
{
    public const int MaxKeys = 5_000;
    private const string Other = "(other)";

    private readonly Dictionary<string, long> _counts = new(StringComparer.Ordinal);

    public long Total { get; private set; }

    public void Add(string? key, long count = 1)
    {
        key ??= "(none)";
        if (!_counts.ContainsKey(key) && _counts.Count >= MaxKeys)
        {
            key = Other;
        }

        _counts[key] = _counts.GetValueOrDefault(key) + count;
        Total += count;
    }

    /// <summary>The largest counts first (ties by key), at most <paramref name="count"/>.</summary>
    public IReadOnlyList<(string Key, long Count)> Top(int count) =>
        [.. _counts.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal).Take(count).Select(c => (c.Key, c.Value))];
}
