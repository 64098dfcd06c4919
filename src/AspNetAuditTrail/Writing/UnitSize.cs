using AspNetAuditTrail.Events;

namespace AspNetAuditTrail.Writing;

/// <summary>
/// Roughly how many bytes of memory a unit holds: its text (two bytes a character) and a fixed allowance per row for
/// the rest. Enough to bound the queue by size: bodies and stack traces dominate.
/// </summary>
internal static class UnitSize
{
    private const long PerUnit = 256;
    private const long PerRow = 384;

    public static long Estimate(AuditUnit unit)
    {
        long chars = 0;
        long rows = 0;
        if (unit.Request is { } r)
        {
            rows++;
            chars += Length(r.Path) + Length(r.QueryString) + Length(r.UserAgent) + Length(r.RequestBody) + Length(r.ResponseBody)
                + Length(r.ErrorMessage) + Length(r.ErrorStackTrace) + Length(r.ExtraInformation) + Length(r.RouteValues)
                + Length(r.ActionArguments) + Length(r.ValidationErrors) + Length(r.Action) + Length(r.RouteTemplate);
        }

        foreach (var login in unit.Logins)
        {
            rows++;
            chars += Length(login.UserName) + Length(login.ExtraInformation);
        }

        foreach (var security in unit.SecurityEvents)
        {
            rows++;
            chars += Length(security.Details) + Length(security.Endpoint) + Length(security.UserName);
        }

        foreach (var process in unit.Processes)
        {
            rows++;
            chars += Length(process.Description) + Length(process.ExtraInformation);
        }

        foreach (var step in unit.Steps)
        {
            rows++;
            chars += Length(step.Description);
        }

        foreach (var registration in unit.Registrations)
        {
            rows++;
            chars += Length(registration.Description);
        }

        foreach (var business in unit.BusinessEvents)
        {
            rows++;
            chars += Length(business.Message) + Length(business.Input) + Length(business.Output) + Length(business.Metadata)
                + Length(business.ErrorMessage) + Length(business.StackTrace);
        }

        foreach (var change in unit.EntityChanges)
        {
            rows++;
            chars += Length(change.EntityId) + Length(change.Before) + Length(change.After) + Length(change.ChangedFields);
        }

        return PerUnit + (rows * PerRow) + (chars * sizeof(char));
    }

    private static long Length(string? text) => text?.Length ?? 0;
}
