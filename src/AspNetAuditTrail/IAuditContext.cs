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
}
