using AspNetAuditTrail.IntegrationTests.Databases;
using AspNetAuditTrail.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AspNetAuditTrail.IntegrationTests;

/// <summary>A provider's own settings, from code and from its subsection of <c>AuditTrail</c> alike.</summary>
public sealed class ProviderOptionsTests
{
    private static IAuditStore Store(Dictionary<string, string?> settings, Func<Configuration.AuditTrailBuilder, Configuration.AuditTrailBuilder> use)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration);
        use(services.AddAuditTrail(configuration.GetSection("AuditTrail")));
        return services.BuildServiceProvider().GetRequiredService<IAuditStore>();
    }

    [Fact]
    public void TheSqlServerSchemaComesFromCodeElseFromItsSubsectionElseTheDefault()
    {
        Dictionary<string, string?> settings = new() { ["AuditTrail:ConnectionString"] = "Server=sql;Database=Audit", ["AuditTrail:SqlServer:Schema"] = "trail" };

        Assert.Equal("sqlserver://sql/Audit/trail", Store(settings, b => b.UseSqlServer()).Identity);
        Assert.Equal("sqlserver://sql/Audit/code", Store(settings, b => b.UseSqlServer(schema: "code")).Identity);
        Assert.Equal("sqlserver://sql/Audit/audit", Store(new() { ["AuditTrail:ConnectionString"] = "Server=sql;Database=Audit" }, b => b.UseSqlServer()).Identity);
    }

    [Fact]
    public void APostgreSqlSchemaThatIsNotAPlainIdentifierIsRefused()
    {
        Dictionary<string, string?> settings = new() { ["AuditTrail:ConnectionString"] = "Host=db;Database=audit", ["AuditTrail:PostgreSql:Schema"] = "trail\"; DROP SCHEMA public; --" };

        var refused = Assert.Throws<ArgumentException>(() => Store(settings, b => b.UsePostgreSql()));
        Assert.Contains("must be a plain identifier", refused.Message);
    }
}

[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlSchemaOptionTests(PostgreSqlServer server) : DatabaseTest(new PostgreSqlAuditDatabase(server, fresh: true))
{
    [Fact]
    public async Task TheTablesGoToTheSchemaTheSubsectionNamesCreatedWhenMissing()
    {
        await using var app = new SampleApp(Database, new() { ["AuditTrail:PostgreSql:Schema"] = "audit_trail" });
        await app.CreateClient().GetAsync("/api/products/1?in=schema", Token);
        await app.DisposeAsync();

        Assert.Equal(1L, Database.Scalar<long>("SELECT count(*) FROM audit_trail.request_audit_event WHERE query_string = 'in=schema'"));
        Assert.DoesNotContain("request_audit_event", Database.TableNames()); // nothing in the connection's own schema
    }
}
