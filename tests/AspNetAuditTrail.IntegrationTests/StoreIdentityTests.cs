using AspNetAuditTrail.PostgreSql;
using AspNetAuditTrail.Sqlite;
using AspNetAuditTrail.SqlServer;

namespace AspNetAuditTrail.IntegrationTests;

/// <summary>The identity a store's journal is named after: which database, never the credentials.</summary>
public sealed class StoreIdentityTests
{
    [Fact]
    public async Task EachStoreNamesItsDatabaseWithoutThePassword()
    {
        await using var postgres = new PostgreSqlAuditStore("Host=db.internal;Port=5433;Database=audit;Username=app;Password=pg-s3cr3t", TimeProvider.System);
        var sqlServer = new SqlServerAuditStore("Server=sql.internal,1444;Database=Audit;User ID=app;Password=ms-s3cr3t;Encrypt=false", TimeProvider.System, "trail");
        var sqlite = new SqliteAuditStore("Data Source=audit.db;Password=lite-s3cr3t", TimeProvider.System);
        await using var otherDatabase = new PostgreSqlAuditStore("Host=db.internal;Port=5433;Database=audit2;Username=app", TimeProvider.System);

        Assert.Equal("postgresql://db.internal:5433/audit", postgres.Identity);
        Assert.Equal("sqlserver://sql.internal,1444/Audit/trail", sqlServer.Identity);
        Assert.Equal("sqlite:" + Path.GetFullPath("audit.db"), sqlite.Identity);
        Assert.NotEqual(postgres.Identity, otherDatabase.Identity);
        Assert.DoesNotContain("s3cr3t", postgres.Identity + sqlServer.Identity + sqlite.Identity, StringComparison.Ordinal);
    }
}
