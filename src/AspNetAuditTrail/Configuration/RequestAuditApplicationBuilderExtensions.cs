using AspNetAuditTrail.Capture;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Adds the request-audit middleware to the pipeline.</summary>
public static class RequestAuditApplicationBuilderExtensions
{
    /// <summary>
    /// Audits the requests whose path matches <c>AuditTrail:RequestAuditUrls</c>. Place it after
    /// <c>UseForwardedHeaders()</c> (so the client IP is right) and before the endpoints; it may stand before or
    /// after <c>UseAuthentication()</c>: the user is read once the response is done.
    /// </summary>
    /// <exception cref="InvalidOperationException">AddAuditTrail was never called.</exception>
    public static IApplicationBuilder UseRequestAudit(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (app.ApplicationServices.GetService(typeof(AuditSettingsProvider)) is null)
        {
            throw new InvalidOperationException(
                "Unable to find the audit trail services. Call builder.Services.AddAuditTrail(...) and pick a store " +
                "(for example .UseSqlite(...)) before app.UseRequestAudit().");
        }

        return app.UseMiddleware<RequestAuditMiddleware>();
    }
}
