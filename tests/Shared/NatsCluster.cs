using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace AspNetAuditTrail.Testing;

/// <summary>
/// A throwaway JetStream cluster of three <c>nats-server</c> processes (Debian package <c>nats-server</c>) on free
/// loopback ports, each with its own store folder; nodes can be killed and started again; removed on dispose.
/// </summary>
internal sealed class NatsCluster : IAsyncDisposable
{
    public const string Binary = "/usr/sbin/nats-server";

    private readonly string _directory;
    private readonly Node[] _nodes;

    private NatsCluster(string directory, Node[] nodes) => (_directory, _nodes) = (directory, nodes);

    /// <summary>Every node's client address, comma-separated, as the apps and collectors are given it.</summary>
    public string Url => string.Join(',', _nodes.Select(n => $"nats://127.0.0.1:{n.Port}"));

    public int Count => _nodes.Length;

    public static bool IsInstalled => File.Exists(Binary);

    /// <summary>
    /// Starts a cluster on free ports; when a node cannot listen (a port found free was taken before the node bound it,
    /// for example by another node's outgoing route connection), the cluster starts again on other ports, up to three times.
    /// </summary>
    public static async Task<NatsCluster> StartAsync(int size = 3)
    {
        for (var attempt = 1; ; attempt++)
        {
            var directory = Directory.CreateTempSubdirectory("audit-nats-").FullName;
            var nodes = Enumerable.Range(0, size).Select(i => new Node($"n{i + 1}", FreePort(), FreePort(), FreePort())).ToArray();
            var cluster = new NatsCluster(directory, nodes);
            for (var i = 0; i < size; i++)
            {
                cluster.Start(i);
            }

            try
            {
                await cluster.WaitForLeaderAsync();
                return cluster;
            }
            catch (NodeExitedException) when (attempt < 3)
            {
                await cluster.DisposeAsync();
            }
        }
    }

    /// <summary>Starts node <paramref name="index"/> (again), keeping its store.</summary>
    public void Start(int index)
    {
        var node = _nodes[index];
        var routes = string.Join(',', _nodes.Select(n => $"nats-route://127.0.0.1:{n.RoutePort}"));
        var arguments = $"-a 127.0.0.1 -p {node.Port} -m {node.MonitorPort} -js -sd {_directory}/{node.Name} -n {node.Name} " +
            $"--cluster_name audit --cluster nats://127.0.0.1:{node.RoutePort} --routes {routes} -l {_directory}/{node.Name}.log";
        node.Process = Process.Start(new ProcessStartInfo(Binary, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
    }

    /// <summary>Kills node <paramref name="index"/> at once (SIGKILL), as a crash would.</summary>
    public async Task KillAsync(int index)
    {
        if (_nodes[index].Process is { } process)
        {
            if (!process.HasExited)
            {
                process.Kill();
            }

            await process.WaitForExitAsync();
            process.Dispose();
            _nodes[index].Process = null;
        }
    }

    /// <summary>Waits until the meta cluster has a leader and every running node serves JetStream.</summary>
    public async Task WaitForLeaderAsync(TimeSpan? timeout = null)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var until = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (DateTime.UtcNow < until)
        {
            if (_nodes.FirstOrDefault(n => n.Process is { HasExited: true }) is { } exited)
            {
                throw new NodeExitedException($"NATS node {exited.Name} stopped: {Tail($"{_directory}/{exited.Name}.log")}");
            }

            try
            {
                var ready = 0;
                foreach (var node in _nodes.Where(n => n.Process is not null))
                {
                    using var jsz = JsonDocument.Parse(await http.GetStringAsync($"http://127.0.0.1:{node.MonitorPort}/jsz"));
                    ready += jsz.RootElement.TryGetProperty("meta_cluster", out var meta) && meta.TryGetProperty("leader", out var leader)
                        && leader.GetString() is { Length: > 0 } ? 1 : 0;
                }

                if (ready == _nodes.Count(n => n.Process is not null))
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or JsonException)
            {
                // Not listening yet.
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"The NATS cluster elected no leader: {string.Join(" | ", _nodes.Select(n => Tail($"{_directory}/{n.Name}.log")))}");
    }

    public async ValueTask DisposeAsync()
    {
        for (var i = 0; i < _nodes.Length; i++)
        {
            await KillAsync(i);
        }

        Directory.Delete(_directory, recursive: true);
    }

    private static string Tail(string path) => File.Exists(path) ? string.Join(' ', File.ReadLines(path).TakeLast(3)) : "(no log)";

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>A node's process ended while the cluster was waited for.</summary>
    private sealed class NodeExitedException(string message) : Exception(message);

    private sealed record Node(string Name, int Port, int MonitorPort, int RoutePort)
    {
        public Process? Process { get; set; }
    }
}
