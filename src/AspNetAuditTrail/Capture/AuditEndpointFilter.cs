using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace AspNetAuditTrail.Capture;

/// <summary>
/// The minimal-API endpoint filter added by <c>.WithAudit()</c>: records the endpoint, route values, data
/// arguments, validation problems and the result on the audited request's row.
/// </summary>
internal static class AuditEndpointFilter
{
    /// <summary>Decides once per endpoint which arguments are data, then records each audited call.</summary>
    public static EndpointFilterDelegate Create(EndpointFilterFactoryContext factory, EndpointFilterDelegate next)
    {
        var services = factory.ApplicationServices;
        var recorder = services.GetService<HandlerRecorder>() ?? throw new InvalidOperationException(
            ".WithAudit() needs the audit trail services: call builder.Services.AddAuditTrail(...).");
        var isService = services.GetService<IServiceProviderIsService>();
        var dataParameters = factory.MethodInfo.GetParameters()
            .Select((parameter, index) => (parameter, index))
            .Where(p => AuditArguments.IsDataParameter(p.parameter, type => isService?.IsService(type) == true))
            .Select(p => (p.index, Name: p.parameter.Name ?? "arg" + p.index))
            .ToArray();

        return async invocation =>
        {
            var audit = recorder.Start(invocation.HttpContext);
            if (audit is null)
            {
                return await next(invocation);
            }

            var arguments = dataParameters
                .Where(p => p.index < invocation.Arguments.Count)
                .Select(p => new KeyValuePair<string, object?>(p.Name, invocation.Arguments[p.index]))
                .ToArray();
            recorder.RecordInput(audit, invocation.HttpContext, null, invocation.HttpContext.GetEndpoint()?.DisplayName, arguments, null);
            var result = await next(invocation);
            recorder.RecordResult(audit, result);
            return result;
        };
    }
}
