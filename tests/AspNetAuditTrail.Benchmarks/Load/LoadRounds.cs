namespace AspNetAuditTrail.Benchmarks.Load;

/// <summary>
/// Every round of one setup: its median round (by requests per second, with the median paced run by p99), and
/// what every round lost, so that a loss in any round counts.
/// </summary>
internal sealed record LoadRounds(LoadSetup Setup, IReadOnlyList<LoadResult> Runs)
{
    public LoadResult Median { get; } = Runs.OrderBy(r => r.Wrk.RequestsPerSecond).ElementAt(Runs.Count / 2) with
    {
        Paced = Runs.Select(r => r.Paced).OrderBy(p => p.P99Ms).ElementAt(Runs.Count / 2),
    };

    /// <summary>Audited requests without their row, summed over every round.</summary>
    public long EventsLost => Runs.Sum(r => r.EventsLost);

    /// <summary>Requests per second of each round against another setup's same round: median, lowest and highest.</summary>
    public (double Median, double Min, double Max) RatioTo(LoadRounds other)
    {
        var ratios = Runs.Zip(other.Runs, (a, b) => a.Wrk.RequestsPerSecond / b.Wrk.RequestsPerSecond).ToArray();
        return (Medians.Of(ratios), ratios.Min(), ratios.Max());
    }
}
