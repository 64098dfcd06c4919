using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;

namespace AspNetAuditTrail.Capture;

/// <summary>
/// A request's services with the authentication service and the authorization result handler decorated by the
/// audit, for the case where the app registered its own after <c>AddAuditTrail</c>; everything else is the request's own.
/// </summary>
internal sealed class DecoratingServiceProvider(IServiceProvider inner, DecoratingServiceProvider.Decorations decorations)
    : IServiceProvider, ISupportRequiredService, IKeyedServiceProvider
{
    private IAuthenticationService? _authentication;
    private IAuthorizationMiddlewareResultHandler? _authorization;

    public object? GetService(Type serviceType)
    {
        if (serviceType == typeof(IAuthenticationService) && decorations.Authentication is { } authentication)
        {
            return _authentication ??= authentication(inner);
        }

        if (serviceType == typeof(IAuthorizationMiddlewareResultHandler) && decorations.Authorization is { } authorization)
        {
            return _authorization ??= authorization(inner);
        }

        return inner.GetService(serviceType);
    }

    public object GetRequiredService(Type serviceType) =>
        GetService(serviceType) ?? throw new InvalidOperationException($"No service for type '{serviceType}' has been registered.");

    public object? GetKeyedService(Type serviceType, object? serviceKey) => ((IKeyedServiceProvider)inner).GetKeyedService(serviceType, serviceKey);

    public object GetRequiredKeyedService(Type serviceType, object? serviceKey) => ((IKeyedServiceProvider)inner).GetRequiredKeyedService(serviceType, serviceKey);

    /// <summary>How to decorate each service registered late; null when it needs nothing.</summary>
    internal sealed record Decorations(
        Func<IServiceProvider, IAuthenticationService>? Authentication, Func<IServiceProvider, IAuthorizationMiddlewareResultHandler>? Authorization)
    {
        public bool Any => Authentication is not null || Authorization is not null;
    }
}
