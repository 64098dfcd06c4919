using System.Diagnostics;
using AspNetAuditTrail.IntegrationTests.Databases;

namespace AspNetAuditTrail.IntegrationTests;

/// <summary>The <c>audit-trail</c> tool built beside the suite (same configuration), run as a process with its output redirected.</summary>
internal static class CliProcess
{
    /// <summary>Runs the tool; <paramref name="input"/> is written to its standard input, which is then closed.</summary>
    public static Task<(int Code, string Out, string Error)> RunAsync(string? input, params string[] arguments) => RunAsync(input, new Dictionary<string, string>(), arguments);

    /// <summary>Runs the tool with more environment variables.</summary>
    public static async Task<(int Code, string Out, string Error)> RunAsync(string? input, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var token = TestContext.Current.CancellationToken;
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
        var tool = Path.Combine(AuditDatabase.RepositoryRoot(), "src", "AspNetAuditTrail.Cli", "bin", configuration, "net10.0", "AspNetAuditTrail.Cli.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false,
        };
        start.ArgumentList.Add(tool);
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        if (input is not null)
        {
            await process.StandardInput.WriteAsync(input);
        }

        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync(token);
        var error = process.StandardError.ReadToEndAsync(token);
        await process.WaitForExitAsync(token);
        return (process.ExitCode, await output, await error);
    }
}
