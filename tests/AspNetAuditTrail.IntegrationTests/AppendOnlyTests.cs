using System.Data.Common;
using AspNetAuditTrail.Events;
using AspNetAuditTrail.IntegrationTests.Databases;
using AspNetAuditTrail.Relational;
using AspNetAuditTrail.Storage;

namespace AspNetAuditTrail.IntegrationTests;

/// <summary>The audit tables refuse UPDATE and DELETE from any connection but retention's and anonymisation's, which say so.</summary>
public abstract class AppendOnlyTests(AuditDatabase database) : DatabaseTest(database)
{
    [Fact]
    public async Task EveryTableRefusesAnUpdateOrADeleteFromAnotherConnectionAndSaysWhy()
    {
        var unit = await SeedAsync();
        var before = Database.RowCounts();
        var rows = new (string Table, IAuditEvent Row)[]
        {
            (AuditTables.Request.Name, unit.Request!), (AuditTables.Login.Name, unit.Logins[0]), (AuditTables.Security.Name, unit.SecurityEvents[0]),
            (AuditTables.Process.Name, unit.Processes[0]), (AuditTables.Step.Name, unit.Steps[0]), (AuditTables.Registration.Name, unit.Registrations[0]),
            (AuditTables.BusinessEvent.Name, unit.BusinessEvents[0]), (AuditTables.EntityChange.Name, unit.EntityChanges[0]),
        };

        foreach (var (table, row) in rows)
        {
            var id = new { id = Database.IdValue(row.Id) };
            var update = Assert.ThrowsAny<DbException>(() => Database.Execute($"UPDATE {Database.Table(table)} SET tenant_id = 'forged' WHERE id = @id", id));
            var delete = Assert.ThrowsAny<DbException>(() => Database.Execute($"DELETE FROM {Database.Table(table)} WHERE id = @id", id));
            Assert.Contains("append-only", update.Message, StringComparison.Ordinal);
            Assert.Contains("append-only", delete.Message, StringComparison.Ordinal);
        }

        Assert.Equal(before, Database.RowCounts());
        Assert.Equal(0L, rows.Sum(r => Database.Scalar<long>($"SELECT count(*) FROM {Database.Table(r.Table)} WHERE tenant_id = 'forged'")));
        if (Database.Provider == "PostgreSql")
        {
            var truncate = Assert.ThrowsAny<DbException>(() => Database.Execute($"TRUNCATE {Database.Table(AuditTables.Registration.Name)}"));
            Assert.Contains("append-only", truncate.Message, StringComparison.Ordinal);
        }

        // Maintenance says so, and passes.
        Assert.Equal(1, Database.ExecuteInMaintenance($"UPDATE {Database.Requests} SET tenant_id = 'moved' WHERE id = @id", new { id = Database.IdValue(unit.Request!.Id) }));
    }

    [Fact]
    public async Task StoredCheckpointsRefuseAnUpdateOrADeleteToo()
    {
        await SeedAsync();
        using var key = AspNetAuditTrail.Integrity.AuditSigningKey.Create();
        var sink = (AspNetAuditTrail.Integrity.IAuditCheckpointSink)Database.CreateStore();
        await sink.WriteAsync(key.Sign(Guid.CreateVersion7(), 10, new byte[32], DateTimeOffset.UtcNow, AspNetAuditTrail.Integrity.AuditCheckpointKind.Periodic, "test"), Token);
        var table = Database.Table(AuditTables.Checkpoint);

        var update = Assert.ThrowsAny<DbException>(() => Database.Execute($"UPDATE {table} SET sequence = 11"));
        var delete = Assert.ThrowsAny<DbException>(() => Database.Execute($"DELETE FROM {table}"));

        Assert.Contains("append-only", update.Message, StringComparison.Ordinal);
        Assert.Contains("append-only", delete.Message, StringComparison.Ordinal);
        Assert.Equal(10L, Database.Scalar<long>($"SELECT sequence FROM {table}"));
    }

    private async Task<AuditUnit> SeedAsync()
    {
        var store = Database.CreateStore();
        await ((IAuditSchemaMigrator)store).MigrateAsync(Token);
        var units = RetentionData.Units(DateTimeOffset.UtcNow);
        await store.WriteAsync(units, Token);
        return units.First(u => u.Logins.Count > 0);
    }
}
