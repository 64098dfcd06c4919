using System.Diagnostics;

namespace AspNetAuditTrail.Benchmarks.Load;

/// <summary>
/// The split layout of the side-by-side run (<c>--split-cores</c>), which stands for "the audit database on its own
/// machine": the run starts itself again under <c>taskset -c 0</c>, so that the API (and SQLite inside it) has core 0
/// to itself and sees one core, and it puts wrk and every PostgreSQL process on core 1.
/// </summary>
internal static class CoreLayout
{
    private const string Marker = "AUDIT_BENCH_SPLIT_CORES";

    /// <summary>Whether this process is the run on core 0 of the split layout.</summary>
    public static bool Split => Environment.GetEnvironmentVariable(Marker) == "1";

    /// <summary>Runs the same command again on core 0; its exit code.</summary>
    public static async Task<int> RunOnCoreZeroAsync(IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo("taskset", ["-c", "0", Environment.ProcessPath!, .. arguments]) { Environment = { [Marker] = "1" } };
        using var run = Process.Start(start) ?? throw new InvalidOperationException("taskset did not start.");
        await run.WaitForExitAsync();
        return run.ExitCode;
    }

    /// <summary>A command as it runs in this layout: on core 1 when split, as it is when shared.</summary>
    public static (string File, string Arguments) OthersCommand(string file, string arguments) =>
        Split ? ("taskset", $"-c 1 {file} {arguments}") : (file, arguments);

    /// <summary>Moves every PostgreSQL process to core 1 (backends started later inherit it from the postmaster).</summary>
    public static void MovePostgreSql()
    {
        if (!Split)
        {
            return;
        }

        foreach (var id in DatabaseCpu.PostgreSqlProcessIds())
        {
            using var move = Process.Start(new ProcessStartInfo("taskset", $"-a -p -c 1 {id}") { RedirectStandardOutput = true })!;
            move.WaitForExit();
        }
    }
}
