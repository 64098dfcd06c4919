using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace AspNetAuditTrail.Capture;

/// <summary>
/// The MVC action filter: records controller, action, route values, data arguments, validation errors and
/// the result on the audited request's row. Runs before the automatic 400 of <c>[ApiController]</c>.
/// </summary>
internal sealed class AuditActionFilter(HandlerRecorder recorder) : IAsyncActionFilter, IOrderedFilter
{
    /// <summary>Before <c>ModelStateInvalidFilter</c> (-2000), so an invalid model is still recorded.</summary>
    public const int FilterOrder = -3000;

    public int Order => FilterOrder;

    public async Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        var audit = recorder.Start(context.HttpContext);
        if (audit is null)
        {
            await next();
            return;
        }

        var descriptor = context.ActionDescriptor as ControllerActionDescriptor;
        var arguments = context.ActionDescriptor.Parameters
            .Where(p => IsData(p, descriptor) && context.ActionArguments.ContainsKey(p.Name))
            .Select(p => new KeyValuePair<string, object?>(p.Name, context.ActionArguments[p.Name]))
            .ToArray();
        recorder.RecordInput(audit, context.HttpContext, descriptor?.ControllerName, descriptor?.ActionName ?? context.ActionDescriptor.DisplayName,
            arguments, context.ModelState);

        var executed = await next();
        recorder.RecordResult(audit, executed.Result);
    }

    private static bool IsData(Microsoft.AspNetCore.Mvc.Abstractions.ParameterDescriptor parameter, ControllerActionDescriptor? descriptor)
    {
        var source = parameter.BindingInfo?.BindingSource;
        if (source == BindingSource.Services || source == BindingSource.Special || source == BindingSource.FormFile)
        {
            return false;
        }

        var info = descriptor?.MethodInfo.GetParameters().FirstOrDefault(p => p.Name == parameter.Name);
        return info is null ? AuditArguments.IsData(parameter.ParameterType) : AuditArguments.IsDataParameter(info, _ => false);
    }
}
