using System.Globalization;
using AspNetAuditTrail.Events;
using AspNetAuditTrail.Reading;
using AspNetAuditTrail.Reports.Query;
using Microsoft.AspNetCore.Http;

namespace AspNetAuditTrail.Reports.Pdf;

/// <summary>
/// The changes report (<c>/reports/changes.pdf</c>, the filters of <c>/changes</c>): counts by kind of record and
/// action, then each change, newest first, with its fields before and after.
/// </summary>
internal static class ChangesReport
{
    public static async Task<IResult> RenderAsync(HttpContext context, IAuditReader reader, TimeProvider time)
    {
        reader = ReadScope.Narrow(context, reader);
        var (query, errors) = ChangeQueryParser.Parse(context.Request.Query);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var cancel = context.RequestAborted;
        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        await foreach (var row in reader.StreamChangesAsync(query, cancel))
        {
            var key = $"{row.EntityType} {row.Action}";
            counts[key] = counts.GetValueOrDefault(key) + 1;
        }

        using var pdf = await ReportEndpoints.NewReportAsync(context, time, "Changes report", ReportEndpoints.Filters(context), query.From, query.To);
        pdf.Heading("Summary");
        pdf.Line($"Changes: {counts.Values.Sum().ToString("N0", CultureInfo.InvariantCulture)}");
        pdf.BeginTable([new("Record type and action", 5), new("Changes", 1.5)]);
        foreach (var (key, count) in counts)
        {
            pdf.Row([key, count.ToString("N0", CultureInfo.InvariantCulture)]);
        }

        pdf.Heading("Changes, newest first");
        pdf.BeginTable([new("Time (UTC)", 2.3), new("Record", 2.4), new("Action", 1.2), new("Fields (before → after)", 6), new("User", 1.6), new("Source", 1.3)]);
        await foreach (var row in reader.StreamChangesAsync(query, cancel))
        {
            pdf.Row([ReportEndpoints.Time(row.OccurredAt), $"{row.EntityType} {row.EntityId}", row.Action.ToString(), Fields(row.ChangedFields), row.UserId, row.Source.ToString()]);
        }

        return ReportEndpoints.Send(context, pdf, "changes.pdf");
    }

    private static string Fields(string? changedFields) =>
        string.Join("; ", ChangedFields.Read(changedFields).Select(f => f.After is null ? $"{f.Name}: {f.Before}" : $"{f.Name}: {f.Before} → {f.After}"));
}
