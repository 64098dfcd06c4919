using System.Text.Json;
using AspNetAuditTrail.Reading;
using AspNetAuditTrail.Relational;
using AspNetAuditTrail.Reports.Export;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AspNetAuditTrail.Reports.Query;

/// <summary>The query API: a page of requests, one request with its linked rows, and streamed CSV and JSON exports.</summary>
internal static class EventEndpoints
{
    private const int FlushEvery = 200;

    public static async Task<IResult> ListAsync(HttpContext context, IAuditReader reader)
    {
        var (query, errors) = AuditQueryParser.Parse(context.Request.Query);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var page = await reader.QueryRequestsAsync(query, context.RequestAborted);
        await WriteJsonAsync(context, writer =>
        {
            writer.WriteStartObject();
            RecordJson.WriteArray(writer, "events", page.Rows, AuditTables.Request);
            writer.WriteString("continuationToken", page.ContinuationToken);
            writer.WriteEndObject();
        });
        return Results.Empty;
    }

    public static async Task<IResult> GetAsync(HttpContext context, IAuditReader reader, string id)
    {
        if (!Guid.TryParse(id, out var eventId))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["id"] = ["'id' must be an event id (a UUID)."] });
        }

        if (await reader.GetRequestAsync(eventId, context.RequestAborted) is not { } details)
        {
            return TypedResults.NotFound();
        }

        await WriteJsonAsync(context, writer =>
        {
            writer.WriteStartObject();
            writer.WritePropertyName("request");
            RecordJson.Write(writer, details.Request, AuditTables.Request);
            RecordJson.WriteArray(writer, "logins", details.Logins, AuditTables.Login);
            RecordJson.WriteArray(writer, "securityEvents", details.SecurityEvents, AuditTables.Security);
            RecordJson.WriteArray(writer, "processes", details.Processes, AuditTables.Process);
            RecordJson.WriteArray(writer, "steps", details.Steps, AuditTables.Step);
            RecordJson.WriteArray(writer, "registrations", details.Registrations, AuditTables.Registration);
            writer.WriteEndObject();
        });
        return Results.Empty;
    }

    /// <summary>Every matching request as a JSON array, written as it is read.</summary>
    public static async Task<IResult> ExportJsonAsync(HttpContext context, IAuditReader reader)
    {
        if (!TryBeginExport(context, "application/json; charset=utf-8", "audit-events.json", out var query, out var problem))
        {
            return problem;
        }

        await using var writer = new Utf8JsonWriter(context.Response.Body, RecordJson.WriterOptions);
        writer.WriteStartArray();
        var count = 0;
        await foreach (var record in reader.StreamRequestsAsync(query, context.RequestAborted))
        {
            RecordJson.Write(writer, record, AuditTables.Request);
            if (++count % FlushEvery == 0)
            {
                await writer.FlushAsync(context.RequestAborted);
            }
        }

        writer.WriteEndArray();
        await writer.FlushAsync(context.RequestAborted);
        return Results.Empty;
    }

    /// <summary>Every matching request as CSV (one header line, the request table's columns), written as it is read.</summary>
    public static async Task<IResult> ExportCsvAsync(HttpContext context, IAuditReader reader)
    {
        if (!TryBeginExport(context, "text/csv; charset=utf-8", "audit-events.csv", out var query, out var problem))
        {
            return problem;
        }

        var columns = AuditTables.Request.Columns;
        await using var output = new StreamWriter(context.Response.Body, new System.Text.UTF8Encoding(false), 16 * 1024, leaveOpen: true);
        await output.WriteAsync(Csv.Line(columns.Select(c => c.Name)));
        var count = 0;
        await foreach (var record in reader.StreamRequestsAsync(query, context.RequestAborted))
        {
            await output.WriteAsync(Csv.Line(columns.Select(c => c.Read(record))));
            if (++count % FlushEvery == 0)
            {
                await output.FlushAsync(context.RequestAborted);
            }
        }

        await output.FlushAsync(context.RequestAborted);
        return Results.Empty;
    }

    /// <summary>Reads the filters (a bad one is a 400 naming it) and sets the download's headers.</summary>
    private static bool TryBeginExport(HttpContext context, string contentType, string fileName, out AuditQuery query, out IResult problem)
    {
        (query, var errors) = AuditQueryParser.Parse(context.Request.Query);
        problem = TypedResults.ValidationProblem(errors);
        if (errors.Count > 0)
        {
            return false;
        }

        context.Response.ContentType = contentType;
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}\"";
        return true;
    }

    private static async Task WriteJsonAsync(HttpContext context, Action<Utf8JsonWriter> write)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        await using var writer = new Utf8JsonWriter(context.Response.Body, RecordJson.WriterOptions);
        write(writer);
        await writer.FlushAsync(context.RequestAborted);
    }
}
