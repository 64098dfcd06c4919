using AspNetAuditTrail.IntegrationTests.Databases;
using AspNetAuditTrail.Relational;

namespace AspNetAuditTrail.IntegrationTests;

public abstract class SchemaTests(AuditDatabase database) : DatabaseTest(database)
{
    [Fact]
    public async Task StartupCreatesEveryTableOnceAndRecordsTheVersions()
    {
        for (var run = 0; run < 2; run++)
        {
            await using var app = new SampleApp(Database);
            await app.CreateClient().GetAsync("/api/products", Token);
            await app.DrainAsync();
        }

        Assert.Equal(
            new[]
            {
                "audit_checkpoint", "audit_event", "audit_lease", "audit_schema_version", "entity_change_audit_event", "login_audit_event", "process_audit_event", "registration_audit_event", "request_audit_event",
                "security_audit_event", "step_audit_event",
            }.Concat(Database.Provider == "Sqlite" ? ["audit_maintenance"] : []).Order(StringComparer.Ordinal),
            Database.TableNames());
        var versions = Database.Query($"SELECT version, name FROM {Database.Table(AuditTables.SchemaVersion)} ORDER BY version")
            .Select(r => ((long)r["version"]!, (string)r["name"]!));
        Assert.Equal([(1L, "initial_schema"), (2L, "handler_details"), (3L, "security_events"), (4L, "business_events"), (5L, "tenants"), (6L, "leases"), (7L, "anonymization"), (8L, "append_only"), (9L, "integrity"), (10L, "entity_changes"), (11L, "query_indexes")], versions);
        Assert.Equal(2L, Database.Scalar<long>($"SELECT count(*) FROM {Database.Requests}"));
    }

    [Fact]
    public async Task TheIndexesAreTheOnesTheFiltersUse()
    {
        await using (var app = new SampleApp(Database))
        {
            await app.CreateClient().GetAsync("/api/products", Token);
            await app.DrainAsync();
        }

        foreach (var table in AuditDatabase.AuditTableNames)
        {
            var indexes = Database.IndexNames(table);
            Assert.Contains($"ix_{table}_tenant_time", indexes);
            Assert.DoesNotContain($"ix_{table}_tenant", indexes);
        }

        Assert.Contains("ix_entity_change_audit_event_action", Database.IndexNames(AuditTables.EntityChange.Name));
        Assert.DoesNotContain(Database.IndexNames(AuditTables.Request.Name), i => i is "ix_request_audit_event_path" or "ix_request_audit_event_route_template");
    }

    [Fact]
    public async Task TheSqlFolderScriptsGiveTheColumnsTheStoreWrites()
    {
        await Database.ApplyScriptsByHandAsync(upToVersion: int.MaxValue);

        AssertColumns(AuditTables.Request);
        AssertColumns(AuditTables.Login);
        AssertColumns(AuditTables.Security);
        AssertColumns(AuditTables.Process);
        AssertColumns(AuditTables.Step);
        AssertColumns(AuditTables.Registration);
        AssertColumns(AuditTables.BusinessEvent);
        AssertColumns(AuditTables.EntityChange);
    }

    private void AssertColumns<TEvent>(AuditTable<TEvent> table)
    {
        var columns = Database.Columns(table.Name);

        Assert.Equal(table.Columns.Select(c => c.Name), columns.Select(c => c.Name));
        if (Database.Provider != "Sqlite")
        {
            // SQLite text has no length; elsewhere each text column is as long as the writer allows.
            Assert.Equal(table.Columns.Select(c => (c.Name, c.MaxLength)), columns);
        }
    }

    [Fact]
    public async Task JsonColumnsOnlyTakeAJsonObject()
    {
        await using (var app = new SampleApp(Database))
        {
            await app.CreateClient().GetAsync("/api/products", Token);
            await app.DrainAsync();
        }

        // Past the append-only triggers, as retention would be: the check constraints still refuse.
        Assert.ThrowsAny<System.Data.Common.DbException>(() => Database.ExecuteInMaintenance($"UPDATE {Database.Requests} SET extra_information = 'null'"));
        Assert.ThrowsAny<System.Data.Common.DbException>(() => Database.ExecuteInMaintenance($"UPDATE {Database.Requests} SET action_arguments = '[1]'"));
        Assert.True(Database.ExecuteInMaintenance($"UPDATE {Database.Requests} SET action_arguments = '{{}}'") > 0);
    }
}
