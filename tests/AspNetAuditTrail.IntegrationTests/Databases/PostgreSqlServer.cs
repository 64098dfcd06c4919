using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace AspNetAuditTrail.IntegrationTests.Databases;

/// <summary>
/// A PostgreSQL server for the whole test run: the one named by <c>AUDIT_TEST_POSTGRES</c>, or else a throwaway
/// cluster started from the machine's PostgreSQL binaries (as the <c>postgres</c> user when running as root) on a
/// free loopback port, removed afterwards. Where neither is possible, its tests are skipped with the reason.
/// </summary>
public sealed class PostgreSqlServer : IAsyncLifetime, IAuditTestServer
{
    public const string EnvironmentVariable = "AUDIT_TEST_POSTGRES";

    private string? _clusterDirectory;
    private string? _binaries;
    private int _port;
    private int _databases;

    /// <summary>The database the suite shares, emptied between tests.</summary>
    public SharedAuditDatabase Suite { get; } = new();

    /// <summary>Why PostgreSQL tests cannot run here, or null.</summary>
    public string? SkipReason { get; private set; }

    /// <summary>Connects to the server's maintenance database.</summary>
    public string AdminConnectionString { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        var configured = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            AdminConnectionString = configured;
            return;
        }

        _binaries = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(d => Path.Combine(d, "bin"))
                .Where(d => File.Exists(Path.Combine(d, "pg_ctl")))
                .OrderBy(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : 0)
                .LastOrDefault()
            : null;
        if (_binaries is null)
        {
            SkipReason = $"PostgreSQL is not installed (Debian package 'postgresql') and {EnvironmentVariable} is not set.";
            return;
        }

        var port = _port = FreePort();
        _clusterDirectory = Directory.CreateTempSubdirectory("audit-pg-").FullName;
        var asRoot = Environment.UserName == "root";
        if (asRoot)
        {
            await RunAsync("chown", $"postgres:postgres {_clusterDirectory}");
        }

        await RunPostgresAsync(asRoot, "initdb", $"-D {_clusterDirectory}/data -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync");
        await StartAsync();
        AdminConnectionString = $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Pooling=false";
    }

    /// <summary>True when the tests started the cluster themselves, so they may stop and start it.</summary>
    public bool CanRestart => _clusterDirectory is not null;

    /// <summary>Stops the throwaway cluster (an outage), dropping every connection.</summary>
    public Task StopAsync() =>
        RunPostgresAsync(Environment.UserName == "root", "pg_ctl", $"-D {_clusterDirectory}/data -m fast -w stop");

    /// <summary>Starts the throwaway cluster again after <see cref="StopAsync"/>.</summary>
    public async Task StartAsync()
    {
        await RunPostgresAsync(Environment.UserName == "root", "pg_ctl",
            $"-D {_clusterDirectory}/data -l {_clusterDirectory}/log -w -t 60 " +
            $"-o \"-p {_port} -k {_clusterDirectory} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=300\" start");
        NpgsqlConnection.ClearAllPools();
    }

    /// <summary>Creates an empty database and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = $"audit_test_{Environment.ProcessId}_{Interlocked.Increment(ref _databases)}";
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE); CREATE DATABASE {name}", connection);
        await command.ExecuteNonQueryAsync();
        return new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name, Pooling = true }.ConnectionString;
    }

    /// <summary>Drops a database made by <see cref="CreateDatabaseAsync"/>.</summary>
    public async Task DropDatabaseAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_clusterDirectory is null)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        await RunPostgresAsync(Environment.UserName == "root", "pg_ctl", $"-D {_clusterDirectory}/data -m immediate -w stop");
        Directory.Delete(_clusterDirectory, recursive: true);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private Task RunPostgresAsync(bool asRoot, string tool, string arguments) =>
        asRoot
            ? RunAsync("runuser", $"-u postgres -- {Path.Combine(_binaries!, tool)} {arguments}")
            : RunAsync(Path.Combine(_binaries!, tool), arguments);

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
