using System.Diagnostics;
using System.Globalization;
using Spectre.Console;

namespace AspNetAuditTrail.Cli;

/// <summary>
/// Progress of a long operation over a number of rows (known, or 0 when not): a live bar (rows done, rate, time left) on a terminal,
/// and a plain line at most every second (and at the end) when the output is redirected.
/// </summary>
internal static class CliProgress
{
    public static async Task<T> RunAsync<T>(string title, long total, Func<Action<long>, Task<T>> work)
    {
        if (!Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive)
        {
            return await AnsiConsole.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
                .StartAsync(async context =>
                {
                    var task = context.AddTask(title, maxValue: Math.Max(total, 1));
                    task.IsIndeterminate = total <= 0;
                    var clock = Stopwatch.StartNew();
                    var done = 0L;
                    var result = await work(rows =>
                    {
                        done += rows;
                        task.Value = Math.Min(done, total);
                        task.Description = $"{title}: {Line(done, total, clock.Elapsed)}";
                    });
                    task.Value = task.MaxValue;
                    return result;
                });
        }

        var watch = Stopwatch.StartNew();
        var last = TimeSpan.Zero;
        long count = 0;
        var outcome = await work(rows =>
        {
            count += rows;
            if (watch.Elapsed - last >= TimeSpan.FromSeconds(1))
            {
                last = watch.Elapsed;
                Console.WriteLine($"{title}: {Line(count, total, watch.Elapsed)}");
            }
        });
        Console.WriteLine($"{title}: {Line(count, total, watch.Elapsed)}, done");
        return outcome;
    }

    /// <summary>For example <c>12,000 of 1,000,000 rows, 45,000 rows/s, 00:00:22 left</c> (or <c>12,000 rows, 45,000 rows/s</c> when the total is not known: 0).</summary>
    private static string Line(long done, long total, TimeSpan elapsed)
    {
        var rate = elapsed.TotalSeconds > 0 ? done / elapsed.TotalSeconds : 0;
        if (total <= 0)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{done:N0} rows, {rate:N0} rows/s");
        }

        var left = rate > 0 && total > done ? TimeSpan.FromSeconds(Math.Ceiling((total - done) / rate)) : TimeSpan.Zero;
        return string.Create(CultureInfo.InvariantCulture, $"{done:N0} of {total:N0} rows, {rate:N0} rows/s, {left:hh\\:mm\\:ss} left");
    }
}
