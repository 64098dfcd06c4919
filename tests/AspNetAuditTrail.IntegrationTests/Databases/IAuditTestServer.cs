namespace AspNetAuditTrail.IntegrationTests.Databases;

/// <summary>A database server that test databases are made on.</summary>
public interface IAuditTestServer
{
    /// <summary>Why its tests cannot run here, or null.</summary>
    string? SkipReason { get; }

    /// <summary>The database the suite shares, emptied between tests.</summary>
    SharedAuditDatabase Suite { get; }

    /// <summary>Creates an empty database and returns its connection string.</summary>
    Task<string> CreateDatabaseAsync();

    /// <summary>Drops a database made by <see cref="CreateDatabaseAsync"/>.</summary>
    Task DropDatabaseAsync(string connectionString);
}
