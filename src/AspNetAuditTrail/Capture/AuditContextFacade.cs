namespace AspNetAuditTrail.Capture;

/// <summary>The request's <see cref="IAuditContext"/> as handlers see it: the two things they may do, and nothing of the collector behind it.</summary>
internal sealed class AuditContextFacade(RequestAuditCollector collector) : IAuditContext
{
    public string? UserId
    {
        get => collector.UserId;
        set => collector.UserId = value;
    }

    public void Set(string name, object? value) => collector.Set(name, value);
}
