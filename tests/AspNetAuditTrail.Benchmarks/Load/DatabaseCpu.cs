namespace AspNetAuditTrail.Benchmarks.Load;

/// <summary>CPU time used so far by the machine's <c>postgres</c> processes (Linux <c>/proc</c>), to show what the database costs per request.</summary>
internal static class DatabaseCpu
{
    private const double TicksPerSecond = 100; // USER_HZ on Linux

    public static TimeSpan PostgreSql()
    {
        long ticks = 0;
        foreach (var fields in PostgreSqlStats())
        {
            // After the name: state is field 3; utime and stime are fields 14 and 15.
            ticks += long.Parse(fields[11]) + long.Parse(fields[12]);
        }

        return TimeSpan.FromSeconds(ticks / TicksPerSecond);
    }

    /// <summary>The ids of the machine's <c>postgres</c> processes (by their command name, whatever title each set).</summary>
    public static IEnumerable<int> PostgreSqlProcessIds() => PostgreSqlStats().Select(f => int.Parse(f[^1]));

    /// <summary>Each <c>postgres</c> process's <c>/proc/N/stat</c> fields after its name, with its id appended.</summary>
    private static List<string[]> PostgreSqlStats()
    {
        var stats = new List<string[]>();
        if (!Directory.Exists("/proc"))
        {
            return stats;
        }

        foreach (var folder in Directory.EnumerateDirectories("/proc").Where(d => Path.GetFileName(d).All(char.IsAsciiDigit)))
        {
            try
            {
                var stat = File.ReadAllText(Path.Combine(folder, "stat"));
                var nameEnd = stat.LastIndexOf(')');
                if (stat.AsSpan(stat.IndexOf('(') + 1, nameEnd - stat.IndexOf('(') - 1) is "postgres")
                {
                    stats.Add([.. stat[(nameEnd + 2)..].Split(' '), Path.GetFileName(folder)]);
                }
            }
            catch (IOException)
            {
                // The process ended while being read.
            }
        }

        return stats;
    }
}
