using AspNetAuditTrail.SqlServer;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace AspNetAuditTrail.Tests.Storage;

/// <summary>No SQL Server runs here: every script and every statement of the SQL Server store is parsed as T-SQL instead.</summary>
public class SqlServerSyntaxTests
{
    private static IList<ParseError> Parse(string sql)
    {
        new TSql160Parser(initialQuotedIdentifiers: true).Parse(new StringReader(sql), out var errors);
        return errors;
    }

    private static string Describe(IList<ParseError> errors, string sql) =>
        string.Join("\n", errors.Select(e => $"line {e.Line}: {e.Message}")) + "\n---\n" + sql;

    public static TheoryData<string> ScriptFiles() =>
        new(Directory.GetFiles(Path.Combine(RepositoryRoot(), "sql", "sqlserver"), "*.sql").Select(Path.GetFileName).Order()!);

    [Theory]
    [MemberData(nameof(ScriptFiles))]
    public void EveryScriptParsesWithItsSchemaFilledIn(string file)
    {
        var sql = File.ReadAllText(Path.Combine(RepositoryRoot(), "sql", "sqlserver", file))
            .Replace(SqlServerAuditStore.SchemaPlaceholder, SqlServerAuditStore.DefaultSchema, StringComparison.Ordinal);

        var errors = Parse(sql);

        Assert.True(errors.Count == 0, Describe(errors, sql));
    }

    [Theory]
    [InlineData("audit")]
    [InlineData("compliance_2026")]
    public void EveryStatementTheStoreRunsParses(string schema)
    {
        var store = new SqlServerAuditStore("Server=unused", TimeProvider.System, schema);
        var statements = store.GeneratedStatements().ToArray();

        Assert.True(statements.Length >= 10, $"only {statements.Length} statements");
        foreach (var statement in statements)
        {
            var errors = Parse(statement);
            Assert.True(errors.Count == 0, Describe(errors, statement));
            Assert.DoesNotContain(SqlServerAuditStore.SchemaPlaceholder, statement);
        }

        Assert.Contains(statements, s => s.Contains($"INSERT INTO [{schema}].[request_audit_event]", StringComparison.Ordinal));
    }

    [Fact]
    public void TheScriptsAreEmbeddedInThePackage()
    {
        var store = new SqlServerAuditStore("Server=unused", TimeProvider.System);

        Assert.Contains(store.GeneratedStatements(), s => s.Contains("CREATE TABLE [audit].[registration_audit_event]", StringComparison.Ordinal));
        Assert.Contains(store.GeneratedStatements(), s => s.Contains("result_status_code int", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("audit]; DROP TABLE x; --")]
    [InlineData("")]
    [InlineData("a b")]
    public void ASchemaThatIsNotAPlainIdentifierIsRefused(string schema)
    {
        Assert.Throws<ArgumentException>(() => new SqlServerAuditStore("Server=unused", TimeProvider.System, schema));
    }

    [Fact]
    public void AMalformedStatementIsCaught()
    {
        Assert.NotEmpty(Parse("CREATE TABLE [audit].[x] (id int NOT NULL,"));
    }

    internal static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "AspNetAuditTrail.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("The repository root was not found.");
    }
}
