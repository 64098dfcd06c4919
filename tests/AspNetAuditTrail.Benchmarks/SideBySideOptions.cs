using System.Globalization;

namespace AspNetAuditTrail.Benchmarks;

/// <summary>
/// The side-by-side run's settings, from <c>--name value</c> arguments; <see cref="MiddlewareOnly"/> (the
/// <c>middleware</c> run, without PostgreSQL and peers) keeps the bare API and the API audited into a store that discards its rows.
/// </summary>
internal sealed record SideBySideOptions(
    int DurationSeconds, int WarmUpSeconds, int Connections, int Threads, int PacedRate, int Rounds, int IngestEvents, int? BatchSize, bool PostgreSql, bool Peers, bool SplitCores, bool MiddlewareOnly = false)
{
    public static SideBySideOptions Parse(IReadOnlyList<string> args)
    {
        int Number(string name, int fallback)
        {
            var at = args.ToList().IndexOf("--" + name);
            if (at < 0)
            {
                return fallback;
            }

            return at + 1 < args.Count && int.TryParse(args[at + 1], CultureInfo.InvariantCulture, out var value) && value > 0
                ? value
                : throw new ArgumentException($"--{name} needs a positive whole number.");
        }

        return new SideBySideOptions(
            Number("duration", 10), Number("warmup", 3), Number("connections", 64), Number("threads", 2),
            Number("paced-rate", 10_000), Number("rounds", 5), Number("events", 100_000),
            args.Contains("--batch-size") ? Number("batch-size", 0) : null, !args.Contains("--no-postgresql"), !args.Contains("--no-peers"), args.Contains("--split-cores"));
    }
}
