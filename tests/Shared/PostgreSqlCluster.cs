using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace AspNetAuditTrail.Testing;

/// <summary>
/// A throwaway PostgreSQL cluster made from the machine's PostgreSQL binaries (Debian package <c>postgresql</c>),
/// run as the <c>postgres</c> user when the caller is root, listening on a free loopback port; removed on dispose.
/// </summary>
internal sealed class PostgreSqlCluster : IAsyncDisposable
{
    private readonly string _binaries;
    private readonly string _directory;
    private readonly string _settings;
    private readonly bool _asRoot = Environment.UserName == "root";

    private PostgreSqlCluster(string binaries, string directory, int port, string settings)
    {
        _binaries = binaries;
        _directory = directory;
        _settings = settings;
        Port = port;
    }

    /// <summary>The loopback port the cluster listens on.</summary>
    public int Port { get; }

    /// <summary>Connects as <c>postgres</c> to the maintenance database, without pooling.</summary>
    public string AdminConnectionString => $"Host=127.0.0.1;Port={Port};Username=postgres;Database=postgres;Pooling=false";

    /// <summary>The newest installed PostgreSQL's <c>bin</c> folder, or null when none is installed.</summary>
    public static string? FindBinaries() =>
        Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(d => Path.Combine(d, "bin"))
                .Where(d => File.Exists(Path.Combine(d, "pg_ctl")))
                .OrderBy(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : 0)
                .LastOrDefault()
            : null;

    /// <summary>Creates and starts a cluster with the given server settings (for example <c>fsync=off</c>).</summary>
    public static async Task<PostgreSqlCluster> StartNewAsync(string binaries, params string[] settings)
    {
        var directory = Directory.CreateTempSubdirectory("audit-pg-").FullName;
        var cluster = new PostgreSqlCluster(binaries, directory, FreePort(), string.Concat(settings.Select(s => $" -c {s}")));
        if (cluster._asRoot)
        {
            await RunAsync("chown", $"postgres:postgres {directory}");
        }

        await cluster.RunToolAsync("initdb", $"-D {directory}/data -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync");
        await cluster.StartAsync();
        return cluster;
    }

    /// <summary>Starts the cluster (again, after <see cref="StopAsync"/>).</summary>
    public async Task StartAsync()
    {
        await RunToolAsync("pg_ctl",
            $"-D {_directory}/data -l {_directory}/log -w -t 60 " +
            $"-o \"-p {Port} -k {_directory} -c listen_addresses=127.0.0.1{_settings}\" start");
        NpgsqlConnection.ClearAllPools();
    }

    /// <summary>Stops the cluster, dropping every connection.</summary>
    public Task StopAsync() => RunToolAsync("pg_ctl", $"-D {_directory}/data -m fast -w stop");

    /// <summary>Creates an empty database on the server the admin connection string names; returns a pooled connection string to it.</summary>
    public static async Task<string> CreateDatabaseAsync(string adminConnectionString, string name)
    {
        await using var connection = new NpgsqlConnection(adminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE); CREATE DATABASE {name}", connection);
        await command.ExecuteNonQueryAsync();
        return new NpgsqlConnectionStringBuilder(adminConnectionString) { Database = name, Pooling = true }.ConnectionString;
    }

    /// <summary>Drops a database made by <see cref="CreateDatabaseAsync"/>.</summary>
    public static async Task DropDatabaseAsync(string adminConnectionString, string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(adminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Stops the cluster at once and deletes its files.</summary>
    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await RunToolAsync("pg_ctl", $"-D {_directory}/data -m immediate -w stop");
        Directory.Delete(_directory, recursive: true);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private Task RunToolAsync(string tool, string arguments) =>
        _asRoot
            ? RunAsync("runuser", $"-u postgres -- {Path.Combine(_binaries, tool)} {arguments}")
            : RunAsync(Path.Combine(_binaries, tool), arguments);

    private static async Task RunAsync(string file, string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = "/tmp",
        })!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {arguments} exited with {process.ExitCode}: {await output} {await error}");
        }
    }
}
