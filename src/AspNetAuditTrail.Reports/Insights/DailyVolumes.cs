using AspNetAuditTrail.Events;

namespace AspNetAuditTrail.Reports.Insights;

/// <summary>Requests per user per (UTC) day, and the days on which a user made far more than their usual number.</summary>
internal sealed class DailyVolumes
{
    private readonly Dictionary<string, Dictionary<DateOnly, long>> _counts = new(StringComparer.Ordinal);
    private readonly Dictionary<(string, DateOnly), (DateTimeOffset First, DateTimeOffset Last)> _spans = [];

    public void Add(string user, DateTimeOffset time)
    {
        var day = DateOnly.FromDateTime(time.UtcDateTime);
        if (!_counts.TryGetValue(user, out var days))
        {
            if (_counts.Count >= Tally.MaxKeys)
            {
                return;
            }

            _counts[user] = days = [];
        }

        days[day] = days.GetValueOrDefault(day) + 1;
        _spans[(user, day)] = _spans.TryGetValue((user, day), out var span) ? (span.First, time) : (time, time);
    }

    /// <summary>Days of the scope with at least the minimum of requests and at least the factor times the user's daily average of the days before (the minimum, for a user with none).</summary>
    public IEnumerable<SuspiciousFinding> Unusual(InsightScope scope, SuspiciousActivityOptions options)
    {
        var first = DateOnly.FromDateTime(scope.From.UtcDateTime);
        foreach (var (user, days) in _counts.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            foreach (var (day, count) in days.Where(d => d.Key >= first && d.Value >= options.UnusualVolumeMinimum).OrderBy(d => d.Key))
            {
                var before = Enumerable.Range(1, Math.Max(0, options.BaselineDays)).Sum(k => days.GetValueOrDefault(day.AddDays(-k)));
                var usual = options.BaselineDays > 0 ? (double)before / options.BaselineDays : 0;

                // A user with no history is held to the minimum times the factor: new is not unusual in itself.
                if (count >= options.UnusualVolumeFactor * (before == 0 ? options.UnusualVolumeMinimum : usual))
                {
                    var (from, to) = _spans[(user, day)];
                    yield return new SuspiciousFinding(SuspiciousKind.UnusualVolume, SecuritySeverity.Warning, user, null, count, from, to,
                        $"User {user} made {count} requests on {day:yyyy-MM-dd}; their usual day over the {options.BaselineDays} days before: {usual:0.#}.");
                }
            }
        }
    }
}
