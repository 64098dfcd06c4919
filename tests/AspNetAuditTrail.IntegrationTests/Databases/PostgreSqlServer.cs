using AspNetAuditTrail.Testing;

namespace AspNetAuditTrail.IntegrationTests.Databases;

/// <summary>
/// A PostgreSQL server for the whole test run: the one named by <c>AUDIT_TEST_POSTGRES</c>, or else a throwaway
/// cluster (fsync off) started from the machine's PostgreSQL binaries, removed afterwards. Where neither is
/// possible, its tests are skipped with the reason.
/// </summary>
public sealed class PostgreSqlServer : IAsyncLifetime, IAuditTestServer
{
    public const string EnvironmentVariable = "AUDIT_TEST_POSTGRES";

    private PostgreSqlCluster? _cluster;
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

        if (PostgreSqlCluster.FindBinaries() is not { } binaries)
        {
            SkipReason = $"PostgreSQL is not installed (Debian package 'postgresql') and {EnvironmentVariable} is not set.";
            return;
        }

        _cluster = await PostgreSqlCluster.StartNewAsync(binaries, "fsync=off", "max_connections=300");
        AdminConnectionString = _cluster.AdminConnectionString;
    }

    /// <summary>True when the tests started the cluster themselves, so they may stop and start it.</summary>
    public bool CanRestart => _cluster is not null;

    /// <summary>Stops the throwaway cluster (an outage), dropping every connection.</summary>
    public Task StopAsync() => _cluster!.StopAsync();

    /// <summary>Starts the throwaway cluster again after <see cref="StopAsync"/>.</summary>
    public Task StartAsync() => _cluster!.StartAsync();

    /// <summary>Creates an empty database and returns its connection string.</summary>
    public Task<string> CreateDatabaseAsync() =>
        PostgreSqlCluster.CreateDatabaseAsync(AdminConnectionString, $"audit_test_{Environment.ProcessId}_{Interlocked.Increment(ref _databases)}");

    /// <summary>Drops a database made by <see cref="CreateDatabaseAsync"/>.</summary>
    public Task DropDatabaseAsync(string connectionString) => PostgreSqlCluster.DropDatabaseAsync(AdminConnectionString, connectionString);

    public async ValueTask DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
    }
}
