namespace AspNetAuditTrail.Reports.Insights;

/// <summary>
/// The durations of one endpoint's requests, for its 95th percentile: every duration up to <see cref="Capacity"/>,
/// then a uniform sample of them (reservoir sampling), so that memory stays bounded on any period.
/// </summary>
internal sealed class LatencySample(Random random)
{
    /// <summary>The most durations kept.</summary>
    public const int Capacity = 10_000;

    private readonly List<double> _kept = [];

    public long Count { get; private set; }

    public double TotalMs { get; private set; }

    public void Add(double durationMs)
    {
        Count++;
        TotalMs += durationMs;
        if (_kept.Count < Capacity)
        {
            _kept.Add(durationMs);
        }
        else if (random.NextInt64(Count) is var slot && slot < Capacity)
        {
            _kept[(int)slot] = durationMs;
        }
    }

    /// <summary>The 95th percentile (nearest rank) of the kept durations.</summary>
    public double P95()
    {
        var sorted = _kept.Order().ToArray();
        return sorted.Length == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(0.95 * sorted.Length) - 1, 0, sorted.Length - 1)];
    }
}
