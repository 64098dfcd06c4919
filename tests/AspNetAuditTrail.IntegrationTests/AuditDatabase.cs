using Dapper;
using Microsoft.Data.Sqlite;

namespace AspNetAuditTrail.IntegrationTests;

/// <summary>A throwaway SQLite audit database file, read back through SQL.</summary>
public sealed class AuditDatabase : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("audit-tests-").FullName;

    public AuditDatabase()
    {
        Path = System.IO.Path.Combine(_directory, "audit.db");
    }

    public string Path { get; }

    /// <summary>Pooling off, so the file can be removed as soon as the test is done.</summary>
    public string ConnectionString => $"Data Source={Path};Pooling=False";

    public SqliteConnection Open()
    {
        var connection = new SqliteConnection(ConnectionString);
        connection.Open();
        return connection;
    }

    public List<IDictionary<string, object?>> Query(string sql, object? parameters = null)
    {
        using var connection = Open();
        return connection.Query(sql, parameters).Cast<IDictionary<string, object?>>().ToList();
    }

    public T Scalar<T>(string sql, object? parameters = null)
    {
        using var connection = Open();
        return connection.ExecuteScalar<T>(sql, parameters)!;
    }

    public int Execute(string sql, object? parameters = null)
    {
        using var connection = Open();
        return connection.Execute(sql, parameters);
    }

    public List<IDictionary<string, object?>> RequestRows() =>
        Query("SELECT * FROM request_audit_event ORDER BY occurred_at, id");

    public void Dispose()
    {
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a temp folder left behind is harmless.
        }
    }
}
