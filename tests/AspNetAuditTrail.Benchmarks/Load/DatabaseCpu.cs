namespace AspNetAuditTrail.Benchmarks.Load;

/// <summary>CPU time used so far by the machine's <c>postgres</c> processes (Linux <c>/proc</c>), to show what the database costs per request.</summary>
internal static class DatabaseCpu
{
    private const double TicksPerSecond = 100; // USER_HZ on Linux

    public static TimeSpan PostgreSql()
    {
        if (!Directory.Exists("/proc"))
        {
            return TimeSpan.Zero;
        }

        long ticks = 0;
        foreach (var folder in Directory.EnumerateDirectories("/proc").Where(d => Path.GetFileName(d).All(char.IsAsciiDigit)))
        {
            try
            {
                var stat = File.ReadAllText(Path.Combine(folder, "stat"));
                var nameEnd = stat.LastIndexOf(')');
                if (stat.AsSpan(stat.IndexOf('(') + 1, nameEnd - stat.IndexOf('(') - 1) is "postgres")
                {
                    // After the name: state is field 3; utime and stime are fields 14 and 15.
                    var fields = stat[(nameEnd + 2)..].Split(' ');
                    ticks += long.Parse(fields[11]) + long.Parse(fields[12]);
                }
            }
            catch (IOException)
            {
                // The process ended while being read.
            }
        }

        return TimeSpan.FromSeconds(ticks / TicksPerSecond);
    }
}
