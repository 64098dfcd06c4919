using AspNetAuditTrail.Capture;
using AspNetAuditTrail.Configuration;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Adds the request-audit middleware to the pipeline.</summary>
public static class RequestAuditApplicationBuilderExtensions
{
    /// <summary>
    /// Audits the requests whose path matches <c>AuditTrail:RequestAuditUrls</c>, or whose endpoint has
    /// <c>[Audit]</c> / <c>.WithAudit()</c>. Place it after <c>UseForwardedHeaders()</c> (so the client IP is right)
    /// and after routing (WebApplication routes first by default), so endpoint settings are known before the body
    /// is read; it may stand before or after <c>UseAuthentication()</c>: the user is read once the response is done.
    /// </summary>
    /// <exception cref="InvalidOperationException">AddAuditTrail was never called.</exception>
    public static IApplicationBuilder UseRequestAudit(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var marker = app.ApplicationServices.GetService(typeof(AuditTrailMarker)) as AuditTrailMarker
            ?? throw new InvalidOperationException(
                "Unable to find the audit trail services. Call builder.Services.AddAuditTrail(...) and pick a store " +
                "(for example .UseSqlite(...)) before app.UseRequestAudit().");
        marker.MiddlewareAdded = true;
        return app.UseMiddleware<RequestAuditMiddleware>();
    }
}
