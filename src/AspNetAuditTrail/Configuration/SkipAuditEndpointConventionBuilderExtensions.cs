using AspNetAuditTrail;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Endpoint conventions of the audit trail for minimal APIs and route groups.</summary>
public static class SkipAuditEndpointConventionBuilderExtensions
{
    /// <summary>Keeps the endpoint (or every endpoint of the group) out of the audit trail.</summary>
    public static TBuilder SkipAudit<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Add(endpoint => endpoint.Metadata.Add(new SkipAuditAttribute()));
        return builder;
    }
}
