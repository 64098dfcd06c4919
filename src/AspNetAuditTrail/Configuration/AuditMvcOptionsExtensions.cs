using AspNetAuditTrail;

namespace Microsoft.AspNetCore.Mvc;

/// <summary>Adds the audit action filter to every MVC action.</summary>
public static class AuditMvcOptionsExtensions
{
    /// <summary>
    /// Records, on each audited request's row, what the MVC action did: controller, action, route values,
    /// arguments, validation errors and result. Requests that are not audited are left alone.
    /// </summary>
    public static MvcOptions AddAuditFilter(this MvcOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.Filters.OfType<AuditAttribute>().Any())
        {
            options.Filters.Add(new AuditAttribute());
        }

        return options;
    }
}
