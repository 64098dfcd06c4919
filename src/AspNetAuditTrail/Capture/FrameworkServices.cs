using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace AspNetAuditTrail.Capture;

/// <summary>
/// Decorates ASP.NET Core's <see cref="IAuthenticationService"/> and <see cref="IAuthorizationMiddlewareResultHandler"/>
/// with the auditing ones, whatever implementation the app registered and whenever it registered it. One registered
/// before <c>AddAuditTrail</c> is wrapped in place; one registered after it (which would win resolution) is found when
/// the first request arrives and wrapped for each request through the request's services.
/// </summary>
internal sealed class FrameworkServices
{
    private readonly IServiceCollection _services;
    private readonly Lock _gate = new();
    private DecoratingServiceProvider.Decorations? _late;

    private FrameworkServices(IServiceCollection services) => _services = services;

    /// <summary>Wraps what is registered now (or ASP.NET Core's defaults) and remembers the collection to look for later registrations.</summary>
    public static void Decorate(IServiceCollection services)
    {
        services.AddSingleton(new FrameworkServices(services));
        Wrap<IAuthenticationService>(services, ServiceLifetime.Scoped, sp => ActivatorUtilities.CreateInstance<AuthenticationService>(sp), Authentication);
        Wrap<IAuthorizationMiddlewareResultHandler>(
            services, ServiceLifetime.Singleton, _ => new AuthorizationMiddlewareResultHandler(), Authorization);
    }

    /// <summary>The request's services, wrapped when a service registered after <c>AddAuditTrail</c> must be decorated there.</summary>
    public void Apply(HttpContext context)
    {
        var late = _late ??= FindLate();
        if (late.Any)
        {
            context.RequestServices = new DecoratingServiceProvider(context.RequestServices, late);
        }
    }

    private DecoratingServiceProvider.Decorations FindLate()
    {
        lock (_gate)
        {
            return _late ?? new DecoratingServiceProvider.Decorations(
                Later<IAuthenticationService>() is { } authentication ? sp => Authentication(sp, (IAuthenticationService)Create(sp, authentication)) : null,
                Later<IAuthorizationMiddlewareResultHandler>() is { } authorization
                    ? sp => Authorization(sp, (IAuthorizationMiddlewareResultHandler)Create(sp, authorization))
                    : null);
        }
    }

    /// <summary>The descriptor that wins resolution of the service, when it is not the audit's own.</summary>
    private ServiceDescriptor? Later<TService>()
    {
        var last = LastRegistration<TService>(_services);
        return last is null || last.ImplementationFactory?.Target is Wrapped ? null : last;
    }

    private static IAuthenticationService Authentication(IServiceProvider sp, IAuthenticationService inner) =>
        inner is AuditingAuthenticationService ? inner : new AuditingAuthenticationService(
            inner, sp.GetRequiredService<SecurityRecorder>(), sp.GetRequiredService<AuditSettingsProvider>());

    private static IAuthorizationMiddlewareResultHandler Authorization(IServiceProvider sp, IAuthorizationMiddlewareResultHandler inner) =>
        inner is AuditingAuthorizationResultHandler ? inner : new AuditingAuthorizationResultHandler(
            inner, sp.GetRequiredService<SecurityRecorder>(), sp.GetRequiredService<AuditSettingsProvider>());

    private static void Wrap<TService>(
        IServiceCollection services, ServiceLifetime defaultLifetime, Func<IServiceProvider, object> defaultInner, Func<IServiceProvider, TService, TService> decorate)
        where TService : class
    {
        var existing = LastRegistration<TService>(services);
        if (existing is not null)
        {
            services.Remove(existing);
        }

        var inner = existing is null ? defaultInner : sp => Create(sp, existing);
        var wrapped = new Wrapped(sp => decorate(sp, (TService)inner(sp)));
        services.Add(new ServiceDescriptor(typeof(TService), wrapped.Create, existing?.Lifetime ?? defaultLifetime));
    }

    /// <summary>The registration that wins resolution of the service (the last one, not keyed).</summary>
    private static ServiceDescriptor? LastRegistration<TService>(IServiceCollection services) =>
        services.LastOrDefault(d => d.ServiceType == typeof(TService) && !d.IsKeyedService);

    private static object Create(IServiceProvider sp, ServiceDescriptor descriptor) =>
        descriptor.ImplementationInstance
        ?? descriptor.ImplementationFactory?.Invoke(sp)
        ?? ActivatorUtilities.CreateInstance(sp, descriptor.ImplementationType!);

    /// <summary>The audit's own factory, recognisable among the registrations.</summary>
    private sealed class Wrapped(Func<IServiceProvider, object> create)
    {
        public object Create(IServiceProvider sp) => create(sp);
    }
}
