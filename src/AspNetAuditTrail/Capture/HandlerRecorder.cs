using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Logging;

namespace AspNetAuditTrail.Capture;

/// <summary>What the MVC action filter and the minimal-API endpoint filter share: recording a handler's input and result.</summary>
internal sealed class HandlerRecorder(AuditSettingsProvider settings, ILogger<HandlerRecorder> logger)
{
    /// <summary>
    /// The request's audit context when the request is audited and no filter has recorded it yet
    /// (a global filter and an attribute on the same action record once); otherwise null.
    /// </summary>
    public RequestAuditCollector? Start(HttpContext context)
    {
        if (context.Features.Get<RequestAuditCollector>() is not { } audit || audit.Handler is not null)
        {
            return null;
        }

        audit.Handler = new HandlerDetails();
        return audit;
    }

    public void RecordInput(
        RequestAuditCollector audit,
        HttpContext context,
        string? controller,
        string? action,
        IReadOnlyCollection<KeyValuePair<string, object?>> arguments,
        ModelStateDictionary? modelState)
    {
        var masker = settings.Current.Masker;
        var handler = audit.Handler!;
        handler.Controller = controller;
        handler.Action = action;
        handler.RouteValues = AuditJson.SerializeObject(context.Request.RouteValues, masker, logger, audit.MaxBodySize);
        handler.ActionArguments = AuditJson.SerializeObject(arguments, masker, logger, audit.MaxBodySize);
        if (modelState is { IsValid: false })
        {
            handler.ValidationErrors = SerializeErrors(
                modelState.Where(e => e.Value?.Errors.Count > 0)
                    .Select(e => (e.Key, e.Value!.Errors.Select(x => string.IsNullOrEmpty(x.ErrorMessage) ? x.Exception?.Message ?? "" : x.ErrorMessage))),
                audit);
        }
    }

    /// <summary>Records an MVC <c>IActionResult</c> or the value a minimal-API handler returned.</summary>
    public void RecordResult(RequestAuditCollector audit, object? result)
    {
        if (result is null)
        {
            return;
        }

        var handler = audit.Handler!;
        handler.ResultType = TypeNames.Readable(result.GetType());
        handler.ResultStatusCode = result switch
        {
            IStatusCodeActionResult mvc => mvc.StatusCode,
            IStatusCodeHttpResult http => http.StatusCode,
            _ => null,
        };

        var value = result switch
        {
            ObjectResult mvc => mvc.Value,
            IValueHttpResult http => http.Value,
            _ => null,
        };
        if (handler.ValidationErrors is null && value is HttpValidationProblemDetails problem && problem.Errors.Count > 0)
        {
            handler.ValidationErrors = SerializeErrors(problem.Errors.Select(e => (e.Key, (IEnumerable<string>)e.Value)), audit);
        }
    }

    private string? SerializeErrors(IEnumerable<(string Field, IEnumerable<string> Messages)> errors, RequestAuditCollector audit) =>
        AuditJson.SerializeObject(
            errors.Select(e => new KeyValuePair<string, object?>(e.Field, e.Messages.ToArray())).ToArray(),
            settings.Current.Masker,
            logger,
            audit.MaxBodySize);
}
