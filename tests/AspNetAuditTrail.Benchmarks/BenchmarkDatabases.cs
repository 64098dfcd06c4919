using System.Data.Common;
using AspNetAuditTrail.Benchmarks.Load;
using AspNetAuditTrail.PostgreSql;
using AspNetAuditTrail.Relational;
using AspNetAuditTrail.Sqlite;
using AspNetAuditTrail.Testing;
using Dapper;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace AspNetAuditTrail.Benchmarks;

/// <summary>
/// Fresh, empty audit databases for each measured run: a SQLite file in a temporary folder, or a database on a
/// throwaway PostgreSQL cluster started with PostgreSQL's default settings (durable commits: fsync and
/// synchronous_commit on) and a larger connection limit.
/// </summary>
internal sealed class BenchmarkDatabases : IAsyncDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("audit-bench-");
    private PostgreSqlCluster? _cluster;
    private int _databases;

    /// <summary>The server settings the PostgreSQL cluster is started with, besides its defaults.</summary>
    public static readonly string[] PostgreSqlSettings = ["max_connections=200"];

    /// <summary>The PostgreSQL server's version, once started.</summary>
    public string? PostgreSqlVersion { get; private set; }

    /// <summary>A folder for the files of one run (journals, SQLite databases).</summary>
    public string NewFolder() => _folder.CreateSubdirectory($"run-{Interlocked.Increment(ref _databases)}").FullName;

    /// <summary>Starts the PostgreSQL cluster; throws with what to install when PostgreSQL is missing.</summary>
    public async Task StartPostgreSqlAsync()
    {
        var binaries = PostgreSqlCluster.FindBinaries() ?? throw new InvalidOperationException(
            "PostgreSQL is not installed: apt-get install -y postgresql (or run with --no-postgresql).");
        _cluster = await PostgreSqlCluster.StartNewAsync(binaries, PostgreSqlSettings);
        await using var connection = new NpgsqlConnection(_cluster.AdminConnectionString);
        PostgreSqlVersion = await connection.ExecuteScalarAsync<string>("SHOW server_version");
    }

    /// <summary>Creates an empty audit database for the store and returns its connection string.</summary>
    public async Task<string> CreateAsync(AuditedStore store)
    {
        var name = $"audit_bench_{Interlocked.Increment(ref _databases)}";
        return store switch
        {
            AuditedStore.Sqlite => $"Data Source={Path.Combine(_folder.FullName, name + ".db")}",
            AuditedStore.PostgreSql => await PostgreSqlCluster.CreateDatabaseAsync(
                (_cluster ?? throw new InvalidOperationException("PostgreSQL was not started.")).AdminConnectionString, name),
            _ => throw new ArgumentOutOfRangeException(nameof(store)),
        };
    }

    /// <summary>
    /// Before a measured run: PostgreSQL writes out what earlier runs left in its buffers (a checkpoint), so that one
    /// run does not pay for the one before it.
    /// </summary>
    public async Task SettleAsync(AuditedStore store)
    {
        if (store == AuditedStore.PostgreSql && _cluster is not null)
        {
            await using var connection = new NpgsqlConnection(_cluster.AdminConnectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("CHECKPOINT", connection);
            await command.ExecuteNonQueryAsync();
        }
    }

    /// <summary>The audit store of a database made by <see cref="CreateAsync"/>.</summary>
    public static SqlAuditStore Store(AuditedStore store, string connectionString) => store == AuditedStore.Sqlite
        ? new SqliteAuditStore(connectionString, TimeProvider.System)
        : new PostgreSqlAuditStore(connectionString, TimeProvider.System);

    /// <summary>Opens a connection to a database made by <see cref="CreateAsync"/>.</summary>
    public static DbConnection Connect(AuditedStore store, string connectionString) =>
        store == AuditedStore.Sqlite ? new SqliteConnection(connectionString) : new NpgsqlConnection(connectionString);

    /// <summary>Rows in a table of a database made by <see cref="CreateAsync"/>.</summary>
    public static async Task<long> CountAsync(AuditedStore store, string connectionString, string table)
    {
        await using var connection = Connect(store, connectionString);
        return await connection.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM {table}");
    }

    public async ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }

        _folder.Delete(recursive: true);
    }
}
