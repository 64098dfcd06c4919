namespace AspNetAuditTrail.Events;

/// <summary>The usual categories of business events; an app may use its own as well.</summary>
public static class AuditCategories
{
    /// <summary>Something a user did (the default).</summary>
    public const string UserAction = "UserAction";

    /// <summary>Something the system did on its own (a scheduled job, a sync).</summary>
    public const string SystemEvent = "SystemEvent";

    /// <summary>Something that concerns security.</summary>
    public const string Security = "Security";

    /// <summary>Data read or exported.</summary>
    public const string DataAccess = "DataAccess";

    /// <summary>A setting changed.</summary>
    public const string Configuration = "Configuration";
}
