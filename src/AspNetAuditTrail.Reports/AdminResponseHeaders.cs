using Microsoft.AspNetCore.Http;

namespace AspNetAuditTrail.Reports;

/// <summary>
/// Headers on every admin response (page, JSON, CSV, PDF, errors): nothing cached, no content sniffing, no referrer
/// carrying filters to another site.
/// </summary>
internal static class AdminResponseHeaders
{
    public static ValueTask<object?> ApplyAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var headers = context.HttpContext.Response.Headers;
        headers.CacheControl = "no-store";
        headers.Pragma = "no-cache";
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        return next(context);
    }
}
