namespace AspNetAuditTrail.Reports.Insights;

/// <summary>Runs of times (oldest first) in which at least a threshold of them fall within one window: each run is one incident.</summary>
internal static class Bursts
{
    /// <summary>The first and the last index of each run.</summary>
    public static IEnumerable<(int First, int Last)> Find(IReadOnlyList<DateTimeOffset> times, int threshold, TimeSpan window)
    {
        if (threshold < 1)
        {
            yield break;
        }

        var runs = new List<(int First, int Last)>();
        var start = 0;
        for (var i = 0; i < times.Count; i++)
        {
            while (times[i] - times[start] > window)
            {
                start++;
            }

            if (i - start + 1 < threshold)
            {
                continue;
            }

            // A window that reaches back into the previous run continues it; otherwise a new incident begins.
            if (runs.Count > 0 && start <= runs[^1].Last)
            {
                runs[^1] = (runs[^1].First, i);
            }
            else
            {
                runs.Add((start, i));
            }
        }

        foreach (var run in runs)
        {
            yield return run;
        }
    }
}
