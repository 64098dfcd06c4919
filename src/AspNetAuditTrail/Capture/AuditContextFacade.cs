namespace AspNetAuditTrail.Capture;

/// <summary>The request's <see cref="IAuditContext"/> as handlers see it: what they may set, and nothing of the collector behind it.</summary>
internal sealed class AuditContextFacade(RequestAuditCollector collector) : IAuditContext
{
    public string? UserId
    {
        get => collector.UserId;
        set => collector.UserId = value;
    }

    public string? TenantId
    {
        get => collector.TenantId;
        set => collector.TenantId = value;
    }

    public string? SubtenantId
    {
        get => collector.SubtenantId;
        set => collector.SubtenantId = value;
    }

    public void Set(string name, object? value) => collector.Set(name, value);
}
