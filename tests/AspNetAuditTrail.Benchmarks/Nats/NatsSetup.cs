using System.Diagnostics;

namespace AspNetAuditTrail.Benchmarks.Nats;

/// <summary>A stream of its own and its collector processes, all writing into one PostgreSQL database; disposing stops them.</summary>
internal sealed class NatsSetup(string url, int collectors, string connectionString, Process[] processes) : IDisposable
{
    public string Url => url;

    public int Collectors => collectors;

    public string ConnectionString => connectionString;

    /// <summary>The stream (subjects <c>its name in lower case.&gt;</c>) that only this set-up's apps and collectors use.</summary>
    public string Stream => $"BENCH{collectors}";

    /// <summary>The rows the database holds once everything published so far is written.</summary>
    public long Expected { get; set; }

    public static async Task<NatsSetup> StartAsync(BenchmarkDatabases databases, string url, int collectors, string connectionString)
    {
        var processes = new Process[collectors];
        for (var i = 0; i < collectors; i++)
        {
            var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true, UseShellExecute = false };
            if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet")
            {
                start.ArgumentList.Add(typeof(NatsRun).Assembly.Location);
            }

            foreach (var argument in new[] { "nats-collector", connectionString, url, $"BENCH{collectors}", databases.NewFolder() })
            {
                start.ArgumentList.Add(argument);
            }

            processes[i] = Process.Start(start)!;
            while (await processes[i].StandardOutput.ReadLineAsync() is { } line && line != "READY")
            {
            }
        }

        return new NatsSetup(url, collectors, connectionString, processes);
    }

    /// <summary>The CPU time the collector processes have used so far.</summary>
    public TimeSpan CollectorCpu() => processes.Aggregate(TimeSpan.Zero, (sum, p) => { p.Refresh(); return sum + p.TotalProcessorTime; });

    public void Dispose()
    {
        foreach (var process in processes)
        {
            process.Kill();
            process.WaitForExit();
            process.Dispose();
        }
    }
}
