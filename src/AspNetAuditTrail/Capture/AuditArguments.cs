using System.IO.Pipelines;
using System.Reflection;
using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.DependencyInjection;

namespace AspNetAuditTrail.Capture;

/// <summary>Which handler arguments are data worth recording: not streams, files, tokens, contexts or services.</summary>
internal static class AuditArguments
{
    private static readonly Type[] NonDataTypes =
    [
        typeof(Stream), typeof(PipeReader), typeof(PipeWriter), typeof(IFormFile), typeof(IFormFileCollection),
        typeof(IFormCollection), typeof(CancellationToken), typeof(HttpContext), typeof(HttpRequest), typeof(HttpResponse),
        typeof(ClaimsPrincipal), typeof(IServiceProvider), typeof(Delegate), typeof(Type), typeof(IAuditContext),
    ];

    public static bool IsData(Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        return !NonDataTypes.Any(t => t.IsAssignableFrom(underlying));
    }

    /// <summary>True for a parameter that is data: not a non-data type, not marked or registered as a service.</summary>
    public static bool IsDataParameter(ParameterInfo parameter, Func<Type, bool> isService) =>
        IsData(parameter.ParameterType)
        && !parameter.GetCustomAttributes().Any(a => a is IFromServiceMetadata or FromKeyedServicesAttribute)
        && !isService(parameter.ParameterType);
}
