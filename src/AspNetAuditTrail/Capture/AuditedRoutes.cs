using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Template;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Primitives;

namespace AspNetAuditTrail.Capture;

/// <summary>
/// Finds the <c>[Audit]</c> / <c>.WithAudit()</c> endpoint a request was meant for when routing rejected it: a 405 for
/// another method or a 415 for another content type (routing then hands over a generated endpoint), or a 404 because a
/// route constraint failed (no endpoint at all). Route templates are matched without their constraints.
/// </summary>
internal sealed class AuditedRoutes(IServiceProvider services)
{
    private readonly Lock _gate = new();
    private volatile (TemplateMatcher Matcher, AuditAttribute Settings)[]? _routes;
    private IDisposable? _subscription;

    /// <summary>The settings of the audited endpoint whose template the path fits; null when there is none.</summary>
    public AuditAttribute? Find(PathString path)
    {
        var routes = _routes ?? Build();
        if (routes.Length == 0)
        {
            return null;
        }

        var values = new RouteValueDictionary();
        foreach (var (matcher, settings) in routes)
        {
            if (matcher.TryMatch(path, values))
            {
                return settings;
            }

            values.Clear();
        }

        return null;
    }

    /// <summary>Reads the audited endpoints once (one thread builds, one change subscription), and again after they change.</summary>
    private (TemplateMatcher, AuditAttribute)[] Build()
    {
        lock (_gate)
        {
            if (_routes is { } built)
            {
                return built;
            }

            if (services.GetService<EndpointDataSource>() is not { } source)
            {
                return _routes = [];
            }

            _subscription?.Dispose();
            _subscription = ChangeToken.OnChange(source.GetChangeToken, () => _routes = null);
            return _routes = Read(source);
        }
    }

    private static (TemplateMatcher, AuditAttribute)[] Read(EndpointDataSource source)
    {
        var routes = new List<(TemplateMatcher, AuditAttribute)>();
        foreach (var endpoint in source.Endpoints.OfType<RouteEndpoint>())
        {
            if (endpoint.Metadata.GetMetadata<AuditAttribute>() is { } settings && endpoint.Metadata.GetMetadata<SkipAuditAttribute>() is null
                && endpoint.RoutePattern.RawText is { } template)
            {
                try
                {
                    routes.Add((new TemplateMatcher(TemplateParser.Parse(template.TrimStart('~')), new RouteValueDictionary()), settings));
                }
                catch (ArgumentException)
                {
                    // A template routing accepts but the template parser does not: such an endpoint is only found by its URL patterns.
                }
            }
        }

        return routes.ToArray();
    }
}
