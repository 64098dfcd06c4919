using AspNetAuditTrail;
using AspNetAuditTrail.Capture;
using Microsoft.AspNetCore.Http;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Endpoint conventions of the audit trail for minimal APIs and route groups.</summary>
public static class AuditEndpointConventionBuilderExtensions
{
    /// <summary>
    /// Audits the endpoint (or every endpoint of the group), even when its URL matches no <c>RequestAuditUrls</c>
    /// pattern, and records what the handler did (route values, arguments, validation errors, result) on the
    /// request's row.
    /// </summary>
    /// <param name="builder">The endpoint or route group.</param>
    /// <param name="configure">Overrides the body settings for these endpoints.</param>
    public static TBuilder WithAudit<TBuilder>(this TBuilder builder, Action<AuditAttribute>? configure = null)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        var metadata = new AuditAttribute();
        configure?.Invoke(metadata);
        builder.WithMetadata(metadata);
        builder.AddEndpointFilterFactory(AuditEndpointFilter.Create);
        return builder;
    }

    /// <summary>Keeps the endpoint (or every endpoint of the group) out of the audit trail.</summary>
    public static TBuilder SkipAudit<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Add(endpoint => endpoint.Metadata.Add(new SkipAuditAttribute()));
        return builder;
    }
}
