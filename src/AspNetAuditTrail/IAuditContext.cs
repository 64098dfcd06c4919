namespace AspNetAuditTrail;

/// <summary>
/// The current request's audit event, as handlers see it. Inject it, or reach it with
/// <c>HttpContext.GetAuditContext()</c>. What is set here is stored in the row's <c>extra_information</c>
/// JSON object (secret names masked), and kept when the request later fails.
/// </summary>
public interface IAuditContext
{
    /// <summary>Adds (or replaces) a named value in the event's extra information.</summary>
    /// <param name="name">The JSON property name.</param>
    /// <param name="value">Any value that System.Text.Json can serialize.</param>
    void Set(string name, object? value);

    /// <summary>
    /// The user id to record. Set it when the handler knows the user (for example right after a sign-in);
    /// when left null, the id is read from the authenticated user's claims.
    /// </summary>
    string? UserId { get; set; }

    /// <summary>The tenant the request acts in (<c>tenant_id</c>); when left null, <see cref="IAuditTenantResolver"/> finds it (by default from the user's claims).</summary>
    string? TenantId { get; set; }

    /// <summary>The second level inside the tenant (a client, a licence: <c>subtenant_id</c>); when left null, <see cref="IAuditTenantResolver"/> finds it.</summary>
    string? SubtenantId { get; set; }
}
