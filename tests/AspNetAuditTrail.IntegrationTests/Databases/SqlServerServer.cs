using Microsoft.Data.SqlClient;

namespace AspNetAuditTrail.IntegrationTests.Databases;

/// <summary>
/// The SQL Server named by <c>AUDIT_TEST_SQLSERVER</c> (a connection string whose login may create databases).
/// No SQL Server runs on the build machines, so without it the SQL Server tests are skipped.
/// </summary>
public sealed class SqlServerServer : IAuditTestServer
{
    public const string EnvironmentVariable = "AUDIT_TEST_SQLSERVER";

    private readonly string? _connectionString = Environment.GetEnvironmentVariable(EnvironmentVariable);
    private int _databases;

    /// <summary>Why SQL Server tests cannot run here, or null.</summary>
    public string? SkipReason => string.IsNullOrWhiteSpace(_connectionString)
        ? $"No SQL Server: set {EnvironmentVariable} to a connection string to run these tests."
        : null;

    /// <summary>The database the suite shares, emptied between tests.</summary>
    public SharedAuditDatabase Suite { get; } = new();

    /// <summary>Creates an empty database and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = $"audit_test_{Environment.ProcessId}_{Interlocked.Increment(ref _databases)}";
        await using var connection = new SqlConnection(_connectionString);
        await connection.OpenAsync();
        await using var command = new SqlCommand($"CREATE DATABASE [{name}]", connection);
        await command.ExecuteNonQueryAsync();
        return new SqlConnectionStringBuilder(_connectionString) { InitialCatalog = name }.ConnectionString;
    }

    /// <summary>Drops a database made by <see cref="CreateDatabaseAsync"/>.</summary>
    public async Task DropDatabaseAsync(string connectionString)
    {
        var name = new SqlConnectionStringBuilder(connectionString).InitialCatalog;
        SqlConnection.ClearAllPools();
        await using var connection = new SqlConnection(_connectionString);
        await connection.OpenAsync();
        await using var command = new SqlCommand(
            $"ALTER DATABASE [{name}] SET SINGLE_USER WITH ROLLBACK IMMEDIATE; DROP DATABASE [{name}]", connection);
        await command.ExecuteNonQueryAsync();
    }
}
