using AspNetAuditTrail.IntegrationTests.Databases;
using AspNetAuditTrail.Storage;

namespace AspNetAuditTrail.IntegrationTests;

/// <summary>The schema migrator on its own, as a tool would use it: what it would apply, then applying it.</summary>
public abstract class SchemaMigratorTests(AuditDatabase database) : DatabaseTest(database)
{
    [Fact]
    public async Task ItListsWhatItWouldApplyWithoutApplyingItThenAppliesItOnce()
    {
        await Database.ApplyScriptsByHandAsync(upToVersion: 1);
        await Database.RecordVersionByHandAsync(1, "initial_schema");
        var migrator = (IAuditSchemaMigrator)Database.CreateStore();

        var pending = await migrator.PendingAsync(Token);

        Assert.Equal([(2, "handler_details"), (3, "security_events"), (4, "business_events"), (5, "tenants"), (6, "leases"), (7, "anonymization"), (8, "append_only"), (9, "integrity"), (10, "entity_changes"), (11, "query_indexes")], pending.Select(c => (c.Version, c.Name)));
        Assert.All(pending, change => Assert.NotEmpty(change.Statements));
        Assert.Contains(pending[1].Statements, s => s.Contains("security_audit_event", StringComparison.Ordinal));
        Assert.DoesNotContain("security_audit_event", Database.TableNames());

        await migrator.MigrateAsync(Token);
        await migrator.MigrateAsync(Token);

        Assert.Empty(await migrator.PendingAsync(Token));
        Assert.Contains("security_audit_event", Database.TableNames());
    }

    [Fact]
    public async Task OnAnEmptyDatabaseEveryScriptIsPending()
    {
        var pending = await ((IAuditSchemaMigrator)Database.CreateStore()).PendingAsync(Token);

        Assert.Equal(Enumerable.Range(1, Database.SchemaVersions), pending.Select(c => c.Version));
    }
}
