namespace AspNetAuditTrail.IntegrationTests.Databases;

/// <summary>
/// A test class run against one dialect's audit database: made ready (and empty) before each test, skipped
/// with the reason where the dialect's server is not available.
/// </summary>
public abstract class DatabaseTest(AuditDatabase database) : IAsyncLifetime
{
    protected AuditDatabase Database { get; } = database;

    protected static CancellationToken Token => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        if (Database.SkipReason is { } reason)
        {
            Assert.Skip(reason);
        }

        await Database.PrepareAsync();
    }

    public ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return Database.DisposeAsync();
    }
}
