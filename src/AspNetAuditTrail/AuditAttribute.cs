using AspNetAuditTrail.Capture;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.DependencyInjection;

namespace AspNetAuditTrail;

/// <summary>
/// Audits an MVC controller or action (or a minimal-API handler), even when its URL matches no
/// <c>RequestAuditUrls</c> pattern, and overrides the body settings for it. On controllers and actions it also
/// records what the action did (arguments, validation errors, result) on the request's row.
/// <see cref="SkipAuditAttribute"/> wins over it.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = false, Inherited = true)]
public sealed class AuditAttribute : Attribute, IFilterFactory, IOrderedFilter
{
    /// <summary>Whether the request body is stored. Default: as the settings say.</summary>
    public AuditBodyMode RequestBody { get; set; }

    /// <summary>Whether the response body is stored. Default: as the settings say.</summary>
    public AuditBodyMode ResponseBody { get; set; }

    /// <summary>Bytes of each body (and of the action arguments) kept for this endpoint; -1 (default) for <c>AuditTrail:MaxBodySize</c>.</summary>
    public int MaxBodySize { get; set; } = -1;

    /// <summary>Runs before ASP.NET Core's automatic 400 for invalid models, so validation errors are recorded.</summary>
    public int Order => AuditActionFilter.FilterOrder;

    /// <inheritdoc />
    public bool IsReusable => true;

    /// <inheritdoc />
    public IFilterMetadata CreateInstance(IServiceProvider serviceProvider) =>
        serviceProvider.GetService<AuditActionFilter>() ?? throw new InvalidOperationException(
            "[Audit] needs the audit trail services: call builder.Services.AddAuditTrail(...).");
}
