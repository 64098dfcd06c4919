using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace AspNetAuditTrail.IntegrationTests;

/// <summary>A real SMTP server on loopback (Debian's <c>python3-aiosmtpd</c>), keeping what it receives in a maildir; skipped with the reason where it is not installed.</summary>
internal sealed class SmtpServer : IAsyncDisposable
{
    private const string Python = "/usr/bin/python3";
    private readonly Process _process;

    private SmtpServer(Process process, int port, string maildir) => (_process, Port, Maildir) = (process, port, maildir);

    public int Port { get; }

    public string Maildir { get; }

    /// <summary>The messages received so far, as their raw text.</summary>
    public string[] Messages => Directory.Exists(Path.Combine(Maildir, "new")) ? [.. Directory.GetFiles(Path.Combine(Maildir, "new")).Order(StringComparer.Ordinal).Select(File.ReadAllText)] : [];

    public static async Task<SmtpServer> StartAsync()
    {
        if (!File.Exists(Python) || !Directory.Exists("/usr/lib/python3/dist-packages/aiosmtpd"))
        {
            Assert.Skip("No SMTP server: install Debian's python3-aiosmtpd (.ci/run does).");
        }

        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        // aiosmtpd's Mailbox makes the maildir (and its new, cur and tmp folders) only when it does not exist yet.
        var maildir = Path.Combine(Directory.CreateTempSubdirectory("smtp-").FullName, "mail");
        var start = new ProcessStartInfo(Python) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in new[] { "-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{port}", "-c", "aiosmtpd.handlers.Mailbox", maildir })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start)!;
        for (var i = 0; i < 100; i++)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port, TestContext.Current.CancellationToken);
                return new SmtpServer(process, port, maildir);
            }
            catch (SocketException)
            {
                await Task.Delay(100, TestContext.Current.CancellationToken);
            }
        }

        process.Kill();
        throw new InvalidOperationException($"aiosmtpd did not listen on {port}: {await process.StandardError.ReadToEndAsync()}");
    }

    public async ValueTask DisposeAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
        Directory.Delete(Path.GetDirectoryName(Maildir)!, recursive: true);
    }
}
