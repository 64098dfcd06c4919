namespace AspNetAuditTrail.IntegrationTests.Databases;

/// <summary>The SQL Server tests share one server and one database, so they run one at a time.</summary>
[CollectionDefinition(Name)]
public sealed class SqlServerCollection : ICollectionFixture<SqlServerServer>
{
    public const string Name = "SQL Server";
}
