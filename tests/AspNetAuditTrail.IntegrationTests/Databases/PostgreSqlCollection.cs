namespace AspNetAuditTrail.IntegrationTests.Databases;

/// <summary>The PostgreSQL tests share one server and one database, so they run one at a time.</summary>
[CollectionDefinition(Name)]
public sealed class PostgreSqlCollection : ICollectionFixture<PostgreSqlServer>
{
    public const string Name = "PostgreSQL";
}
