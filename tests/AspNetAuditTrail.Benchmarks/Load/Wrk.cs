using System.Diagnostics;
using System.Globalization;

namespace AspNetAuditTrail.Benchmarks.Load;

/// <summary>
/// Drives the API with wrk (Debian package <c>wrk</c>) from its own process: half the requests read a product,
/// half post an order with a JSON body (a card number among its fields). A Lua script reports the figures.
/// </summary>
internal sealed class Wrk(int threads, int connections)
{
    private const string Script = """
        local counter = 0
        local order = '{"productId":7,"quantity":3,"cardNumber":"4111111111111111","note":"Leave the parcel at the back door, please."}'
        local headers = { ["Content-Type"] = "application/json" }
        request = function()
          counter = counter + 1
          if counter % 2 == 0 then
            return wrk.format("POST", "/api/orders", headers, order)
          end
          return wrk.format("GET", "/api/products/" .. (counter % 100 + 1))
        end
        done = function(summary, latency, requests)
          local e = summary.errors
          io.write(string.format("RESULT %d %d %d %d %d %d\n", summary.requests, summary.duration,
            e.connect + e.read + e.write + e.timeout, e.status, latency:percentile(50), latency:percentile(99)))
        end
        """;

    /// <summary>The installed wrk's version line, or null when wrk is not installed.</summary>
    public static string? Version()
    {
        try
        {
            var (output, _) = Run("wrk", "-v");
            return output.Split('\n').FirstOrDefault(l => l.StartsWith("wrk ", StringComparison.Ordinal))?.Trim();
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }

    /// <summary>
    /// Loads <c>http://127.0.0.1:{port}</c> for the given time: as fast as the connections go, or paced so that
    /// each connection waits between requests, for about <paramref name="rate"/> requests per second in all.
    /// </summary>
    public async Task<WrkResult> RunAsync(int port, TimeSpan duration, int? rate = null)
    {
        var script = Path.Combine(Path.GetTempPath(), $"audit-bench-{Environment.ProcessId}.lua");
        var pause = rate is { } r ? FormattableString.Invariant($"delay = function() return {connections * 1000 / r} end\n") : "";
        await File.WriteAllTextAsync(script, pause + Script);
        var (file, arguments) = CoreLayout.OthersCommand("wrk", $"-t{threads} -c{connections} -d{(int)duration.TotalSeconds}s --timeout 10s -s {script} http://127.0.0.1:{port}");
        var (output, exitCode) = await Task.Run(() => Run(file, arguments));
        File.Delete(script);
        var line = output.Split('\n').FirstOrDefault(l => l.StartsWith("RESULT ", StringComparison.Ordinal));
        if (exitCode != 0 || line is null)
        {
            throw new InvalidOperationException($"wrk exited with {exitCode} and printed: {output}");
        }

        var f = line.Split(' ').Skip(1).Select(v => long.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        return new WrkResult(f[0], f[1] / 1e6, f[2], f[3], f[4] / 1e3, f[5] / 1e3);
    }

    private static (string Output, int ExitCode) Run(string file, string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (output + error.Result, process.ExitCode);
    }
}
