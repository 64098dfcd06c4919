namespace AspNetAuditTrail.Reports.Insights;

/// <summary>What an overview, a statistics report or a suspicious-activity report covers: a period, and optionally one user and one tenant.</summary>
/// <param name="From">The period's start (inclusive).</param>
/// <param name="To">The period's end (exclusive).</param>
/// <param name="UserId">Only this user's rows (by user id, or user name for sign-ins); null for everyone.</param>
/// <param name="Tenant">Only this tenant's rows; null for every tenant (a tenant viewer's reader is narrowed anyway).</param>
internal sealed record InsightScope(DateTimeOffset From, DateTimeOffset To, string? UserId = null, AuditTenant? Tenant = null)
{
    /// <summary>The longest period read at once.</summary>
    public static readonly TimeSpan MaxLength = TimeSpan.FromDays(366);

    /// <summary>The last <paramref name="days"/> days up to <paramref name="now"/>.</summary>
    public static InsightScope LastDays(DateTimeOffset now, int days, string? userId = null, AuditTenant? tenant = null) =>
        new(now.AddDays(-days), now, userId, tenant);

    /// <summary>Whether a row of this user (by id or name) is in scope.</summary>
    public bool Includes(string? userId, string? userName = null) =>
        UserId is null || string.Equals(UserId, userId, StringComparison.Ordinal) || string.Equals(UserId, userName, StringComparison.Ordinal);

    /// <summary>"2026-11-24 08:00 to 2026-12-01 08:00 UTC", with the user and tenant when set.</summary>
    public string Describe()
    {
        var text = $"{From.UtcDateTime:yyyy-MM-dd HH:mm} to {To.UtcDateTime:yyyy-MM-dd HH:mm} UTC";
        if (UserId is not null)
        {
            text += $", user {UserId}";
        }

        return Tenant is { } tenant ? $"{text}, tenant {tenant.TenantId}{(tenant.SubtenantId is { } sub ? "/" + sub : "")}" : text;
    }
}
