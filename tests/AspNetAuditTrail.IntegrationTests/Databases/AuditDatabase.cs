using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using AspNetAuditTrail.Storage;
using Dapper;

namespace AspNetAuditTrail.IntegrationTests.Databases;

/// <summary>
/// An audit database of one dialect for one test, read back through SQL. Values come back the same on every
/// dialect: integers and booleans as long, ids and times as text (<c>yyyy-MM-ddTHH:mm:ss.fffffffZ</c>), JSON columns compact
/// with their keys in ordinal order.
/// </summary>
public abstract class AuditDatabase : IAsyncDisposable
{
    private static readonly HashSet<string> JsonColumns =
        ["extra_information", "route_values", "action_arguments", "validation_errors", "details", "input", "output", "metadata"];

    /// <summary>Sqlite, PostgreSql or SqlServer: the sample's <c>AuditTrail:Provider</c>.</summary>
    public abstract string Provider { get; }

    public abstract string ConnectionString { get; }

    /// <summary>A well-formed connection string to a database that is not there.</summary>
    public abstract string UnreachableConnectionString { get; }

    /// <summary>This test's own database with credentials or a mode it refuses: the same store, hence the same journal, but every write fails.</summary>
    public abstract string RefusingConnectionString { get; }

    /// <summary>Why this dialect cannot run here, or null.</summary>
    public virtual string? SkipReason => null;

    /// <summary>The settings that point the sample app at this database.</summary>
    public Dictionary<string, string?> AppSettings() => new()
    {
        ["AuditTrail:Provider"] = Provider,
        ["AuditTrail:ConnectionString"] = ConnectionString,
    };

    /// <summary>Makes the database ready and empty for the test.</summary>
    public abstract Task PrepareAsync();

    public abstract DbConnection Open();

    /// <summary>A table's name as queries write it.</summary>
    public virtual string Table(string name) => name;

    /// <summary>The request table's name as queries write it.</summary>
    public string Requests => Table("request_audit_event");

    /// <summary>A column as text, for LIKE over JSON columns.</summary>
    public virtual string AsText(string column) => column;

    /// <summary>An id as this database's id columns compare it (a parameter's value).</summary>
    public virtual object IdValue(Guid id) => id;

    /// <summary>A UTC time as a literal of this dialect.</summary>
    public virtual string TimeLiteral(DateTime utc) => $"'{utc.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture)}'";

    /// <summary>The store of this dialect, for tests of the store alone.</summary>
    public abstract IAuditStore CreateStore();

    /// <summary>The product's tables, the schema-version table included, by name.</summary>
    public abstract IReadOnlyList<string> TableNames();

    /// <summary>A table's columns in order, with their maximum length (0 when unbounded or not text).</summary>
    public abstract IReadOnlyList<(string Name, int MaxLength)> Columns(string table);

    /// <summary>The names of the table's indexes, in order.</summary>
    public abstract IReadOnlyList<string> IndexNames(string table);

    /// <summary>Runs this dialect's scripts from <c>sql/</c> up to a version, as a DBA would by hand.</summary>
    public virtual async Task ApplyScriptsByHandAsync(int upToVersion)
    {
        foreach (var file in ScriptFiles(upToVersion))
        {
            Execute(await File.ReadAllTextAsync(file));
        }
    }

    /// <summary>Records a version in the schema-version table, creating the table as the store would.</summary>
    public abstract Task RecordVersionByHandAsync(int version, string name);

    public List<IDictionary<string, object?>> Query(string sql, object? parameters = null)
    {
        using var connection = Open();
        return connection.Query(sql, parameters)
            .Cast<IDictionary<string, object?>>()
            .Select(Normalize)
            .ToList();
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

    /// <summary>The seven audit tables (the schema's own tables aside).</summary>
    public static readonly string[] AuditTableNames =
    [
        "request_audit_event", "login_audit_event", "security_audit_event", "process_audit_event", "step_audit_event", "registration_audit_event", "audit_event",
        "entity_change_audit_event",
    ];

    /// <summary>
    /// Deletes the rows of every audit table placed after <paramref name="sequence"/> in their chain (children first, as
    /// the foreign keys want), in maintenance: what someone cutting the newest rows would do.
    /// </summary>
    public void CutChainsAfter(long sequence)
    {
        foreach (var table in new[] { "entity_change_audit_event", "registration_audit_event", "step_audit_event", "process_audit_event", "audit_event", "security_audit_event", "login_audit_event", "request_audit_event" })
        {
            ExecuteInMaintenance($"DELETE FROM {Table(table)} WHERE chain_seq > @sequence", new { sequence });
        }
    }

    /// <summary>The rows in each audit table.</summary>
    public Dictionary<string, long> RowCounts() => AuditTableNames.ToDictionary(t => t, t => Scalar<long>($"SELECT count(*) FROM {Table(t)}"));

    /// <summary>The statements that let a transaction past the append-only triggers, as retention and anonymisation do.</summary>
    public abstract IReadOnlyList<string> MaintenanceSql { get; }

    /// <summary>Runs a change of audit rows as retention and anonymisation do: in a transaction that says so to the append-only triggers.</summary>
    public int ExecuteInMaintenance(string sql, object? parameters = null)
    {
        using var connection = Open();
        using var transaction = connection.BeginTransaction();
        foreach (var statement in MaintenanceSql)
        {
            connection.Execute(statement, transaction: transaction);
        }

        var changed = connection.Execute(sql, parameters, transaction);
        transaction.Commit();
        return changed;
    }

    /// <summary>Waits (6 s unless told otherwise) until the writer has put at least <paramref name="rows"/> rows in a table.</summary>
    public async Task WaitForRowsAsync(string table, long rows, string where = "1 = 1", TimeSpan? timeout = null)
    {
        long Count() => TableNames().Contains(table) ? Scalar<long>($"SELECT count(*) FROM {Table(table)} WHERE {where}") : 0;
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(6));
        while (Count() < rows && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }

        Assert.True(Count() >= rows, $"{table} has {Count()} rows, not {rows}");
    }

    public List<IDictionary<string, object?>> RequestRows() => Query($"SELECT * FROM {Requests} ORDER BY occurred_at, id");

    public abstract ValueTask DisposeAsync();

    private static IDictionary<string, object?> Normalize(IDictionary<string, object?> row) =>
        row.ToDictionary(c => c.Key, c => Normalize(c.Key, c.Value));

    private static object? Normalize(string column, object? value) => value switch
    {
        null or DBNull => null,
        int or short or byte => Convert.ToInt64(value, CultureInfo.InvariantCulture),
        bool flag => flag ? 1L : 0L,
        float f => (double)f,
        Guid id => id.ToString("D"),
        DateTime time => DateTime.SpecifyKind(time, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture),
        DateTimeOffset time => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture),
        string json when JsonColumns.Contains(column) => CanonicalJson(json),
        _ => value,
    };

    /// <summary>Compact JSON with object keys in ordinal order (PostgreSQL's jsonb reorders keys and adds spaces).</summary>
    public static string CanonicalJson(string json) => Sort(JsonNode.Parse(json))?.ToJsonString(new JsonSerializerOptions
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    }) ?? "null";

    private static JsonNode? Sort(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, Sort(p.Value?.DeepClone())))),
        JsonArray a => new JsonArray(a.Select(e => Sort(e?.DeepClone())).ToArray()),
        _ => node?.DeepClone(),
    };

    /// <summary>The repository's root folder (where <c>sql/</c> is).</summary>
    public static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "AspNetAuditTrail.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("The repository root was not found.");
    }

    /// <summary>The dialect's folder under <c>sql/</c>.</summary>
    protected abstract string SqlFolder { get; }

    /// <summary>How many schema versions the dialect's scripts make.</summary>
    public int SchemaVersions => ScriptFiles(int.MaxValue).Count();

    /// <summary>The dialect's script files up to a version, in order.</summary>
    protected IEnumerable<string> ScriptFiles(int upToVersion) =>
        Directory.GetFiles(Path.Combine(RepositoryRoot(), "sql", SqlFolder), "*.sql")
            .Order(StringComparer.Ordinal)
            .Where(f => int.Parse(Path.GetFileName(f)[..3], CultureInfo.InvariantCulture) <= upToVersion);
}
