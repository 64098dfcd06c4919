using AspNetAuditTrail.Capture;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace AspNetAuditTrail;

/// <summary>Reaches the request's <see cref="IAuditContext"/> from an <see cref="HttpContext"/>.</summary>
public static class HttpContextAuditExtensions
{
    /// <summary>
    /// The audit context of this request. For a request that is not audited the values set are discarded.
    /// </summary>
    /// <exception cref="InvalidOperationException">AddAuditTrail was never called.</exception>
    public static IAuditContext GetAuditContext(this HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.RequestServices.GetService<IAuditContext>()
            ?? throw new InvalidOperationException(
                "No audit context: call builder.Services.AddAuditTrail(...) in the application's service configuration.");
    }
}
