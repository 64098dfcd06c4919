namespace AspNetAuditTrail.Events;

/// <summary>Who saw a change happen.</summary>
public enum EntityChangeSource
{
    /// <summary>The application recorded it (Entity Framework Core, or <c>IAuditLog.RecordChange</c>), sealed into its writer's chain.</summary>
    Application,

    /// <summary>A database trigger recorded it (a script, a database console), with the database user as the user.</summary>
    Database,
}
