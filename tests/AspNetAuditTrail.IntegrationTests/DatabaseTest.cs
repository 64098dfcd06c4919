namespace AspNetAuditTrail.IntegrationTests;

/// <summary>A test class with its own throwaway audit database.</summary>
public abstract class DatabaseTest : IDisposable
{
    protected AuditDatabase Database { get; } = new();

    protected static CancellationToken Token => TestContext.Current.CancellationToken;

    public void Dispose()
    {
        Database.Dispose();
        GC.SuppressFinalize(this);
    }
}
