using System.Text.Json;
using AspNetAuditTrail.Reading;
using AspNetAuditTrail.Relational;
using AspNetAuditTrail.Reports.Export;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AspNetAuditTrail.Reports.Query;

/// <summary>
/// The query API: a page of requests (or of business events, with <c>kind=event</c>, or of changes of records, with
/// <c>kind=change</c> or at <c>/changes</c>), one request with its linked rows, and streamed CSV and JSON exports of each.
/// </summary>
internal static class EventEndpoints
{

    public static async Task<IResult> ListAsync(HttpContext context, IAuditReader reader)
    {
        reader = ReadScope.Narrow(context, reader);
        var values = context.Request.Query;
        if (ChangeQueryParser.IsChanges(values))
        {
            return await ChangesAsync(context, reader);
        }

        if (AuditQueryParser.IsBusinessEvents(values))
        {
            var (eventQuery, eventErrors) = AuditQueryParser.ParseBusinessEvents(values);
            return eventErrors.Count > 0
                ? TypedResults.ValidationProblem(eventErrors)
                : await WritePageAsync(context, await reader.QueryBusinessEventsAsync(eventQuery, context.RequestAborted), AuditTables.BusinessEvent);
        }

        var (query, errors) = AuditQueryParser.Parse(values);
        return errors.Count > 0
            ? TypedResults.ValidationProblem(errors)
            : await WritePageAsync(context, await reader.QueryRequestsAsync(query, context.RequestAborted), AuditTables.Request);
    }

    /// <summary>A page of changes of records, newest first: <c>?entity=Product&amp;id=123</c> is that record's history.</summary>
    public static async Task<IResult> ChangesAsync(HttpContext context, IAuditReader reader)
    {
        reader = ReadScope.Narrow(context, reader);
        var (query, errors) = ChangeQueryParser.Parse(context.Request.Query);
        return errors.Count > 0
            ? TypedResults.ValidationProblem(errors)
            : await WritePageAsync(context, await reader.QueryChangesAsync(query, context.RequestAborted), AuditTables.EntityChange);
    }

    public static async Task<IResult> GetAsync(HttpContext context, IAuditReader reader, string id)
    {
        reader = ReadScope.Narrow(context, reader);
        if (!Guid.TryParse(id, out var eventId))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["id"] = ["'id' must be an event id (a UUID)."] });
        }

        if (await reader.GetRequestAsync(eventId, tenant: null, context.RequestAborted) is not { } details)
        {
            return TypedResults.NotFound();
        }

        // A browser asks for HTML: the request's page; everything else gets the JSON.
        if (context.Request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase)))
        {
            return Page.EventPage.Render(context, details);
        }

        await WriteJsonAsync(context, writer =>
        {
            writer.WriteStartObject();
            writer.WritePropertyName("request");
            AuditRecordJson.Write(writer, details.Request, AuditTables.Request);
            AuditRecordJson.WriteArray(writer, "logins", details.Logins, AuditTables.Login);
            AuditRecordJson.WriteArray(writer, "securityEvents", details.SecurityEvents, AuditTables.Security);
            AuditRecordJson.WriteArray(writer, "processes", details.Processes, AuditTables.Process);
            AuditRecordJson.WriteArray(writer, "steps", details.Steps, AuditTables.Step);
            AuditRecordJson.WriteArray(writer, "registrations", details.Registrations, AuditTables.Registration);
            AuditRecordJson.WriteArray(writer, "businessEvents", details.BusinessEvents, AuditTables.BusinessEvent);
            AuditRecordJson.WriteArray(writer, "entityChanges", details.EntityChanges, AuditTables.EntityChange);
            writer.WriteEndObject();
        });
        return Results.Empty;
    }

    /// <summary>Every matching row as a JSON array, written as it is read.</summary>
    public static async Task<IResult> ExportJsonAsync(HttpContext context, IAuditReader reader)
    {
        reader = ReadScope.Narrow(context, reader);
        if (!TryBeginExport(context, reader, "application/json; charset=utf-8", "audit-events.json", csv: false, out var write, out var problem))
        {
            return problem;
        }

        await write();
        return Results.Empty;
    }

    /// <summary>Every matching row as CSV (one header line, the table's columns), written as it is read.</summary>
    public static async Task<IResult> ExportCsvAsync(HttpContext context, IAuditReader reader)
    {
        reader = ReadScope.Narrow(context, reader);
        if (!TryBeginExport(context, reader, "text/csv; charset=utf-8", "audit-events.csv", csv: true, out var write, out var problem))
        {
            return problem;
        }

        await write();
        return Results.Empty;
    }

    /// <summary>Reads the filters (a bad one is a 400 naming it), picks the rows (requests, business events or changes) and sets the download's headers.</summary>
    private static bool TryBeginExport(HttpContext context, IAuditReader reader, string contentType, string fileName, bool csv, out Func<Task> write, out IResult problem)
    {
        var values = context.Request.Query;
        Func<Task> Writer<TEvent>(IAsyncEnumerable<TEvent> rows, AuditTable<TEvent> table) =>
            csv ? () => RowExport.CsvAsync(context.Response.Body, rows, table, context.RequestAborted) : () => RowExport.JsonAsync(context.Response.Body, rows, table, context.RequestAborted);
        Dictionary<string, string[]> errors;
        if (ChangeQueryParser.IsChanges(values))
        {
            (var query, errors) = ChangeQueryParser.Parse(values);
            write = Writer(reader.StreamChangesAsync(query, context.RequestAborted), AuditTables.EntityChange);
        }
        else if (AuditQueryParser.IsBusinessEvents(values))
        {
            (var query, errors) = AuditQueryParser.ParseBusinessEvents(values);
            write = Writer(reader.StreamBusinessEventsAsync(query, context.RequestAborted), AuditTables.BusinessEvent);
        }
        else
        {
            (var query, errors) = AuditQueryParser.Parse(values);
            write = Writer(reader.StreamRequestsAsync(query, context.RequestAborted), AuditTables.Request);
        }

        problem = TypedResults.ValidationProblem(errors);
        if (errors.Count > 0)
        {
            return false;
        }

        context.Response.ContentType = contentType;
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}\"";
        return true;
    }

    private static async Task<IResult> WritePageAsync<TEvent>(HttpContext context, AuditPage<TEvent> page, AuditTable<TEvent> table)
        where TEvent : Events.IAuditEvent
    {
        await WriteJsonAsync(context, writer =>
        {
            writer.WriteStartObject();
            AuditRecordJson.WriteArray(writer, "events", page.Rows, table);
            writer.WriteString("continuationToken", page.ContinuationToken);
            writer.WriteEndObject();
        });
        return Results.Empty;
    }

    private static async Task WriteJsonAsync(HttpContext context, Action<Utf8JsonWriter> write)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        await using var writer = new Utf8JsonWriter(context.Response.Body, AuditRecordJson.WriterOptions);
        write(writer);
        await writer.FlushAsync(context.RequestAborted);
    }
}
