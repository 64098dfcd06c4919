using System.Text.Json;
using AspNetAuditTrail.Collector.Authentication;
using AspNetAuditTrail.Events;
using AspNetAuditTrail.Reading;
using AspNetAuditTrail.Reports.Query;
using AspNetAuditTrail.Wire;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace AspNetAuditTrail.Collector.Endpoints;

/// <summary>
/// The reading endpoints: business events by filters (query string or JSON body) and by id, in the wire format. A
/// person needs the read policy; a service needs a signed call whose token has the read scope.
/// </summary>
internal sealed class CollectorReading(
    M2mAuthenticator authenticator,
    CollectorRefusals refusals,
    IAuthorizationService authorization,
    IAuthorizationPolicyProvider policies,
    IAuditTenantResolver tenants,
    IAuditReader reader,
    IOptions<AuditTrailCollectorOptions> options)
{
    public async Task<IResult> ListAsync(HttpContext context)
    {
        var (denied, tenant) = await DenyAsync(context, ReadOnlyMemory<byte>.Empty);
        return denied ?? await PageAsync(context, context.Request.Query, tenant);
    }

    public async Task<IResult> QueryAsync(HttpContext context)
    {
        CollectorBody body;
        try
        {
            body = await CollectorBody.ReadRawAsync(context.Request, 64 * 1024, context.RequestAborted);
        }
        catch (CollectorBody.TooLargeException ex)
        {
            return TypedResults.Problem(ex.Message, statusCode: StatusCodes.Status413PayloadTooLarge);
        }

        using var _ = body;
        var (denied, tenant) = await DenyAsync(context, body.Memory);
        if (denied is not null)
        {
            return denied;
        }

        // The JSON body's fields are the query string's filters: one parser, one set of rules.
        var filters = new Dictionary<string, StringValues>(StringComparer.Ordinal);
        try
        {
            using var document = JsonDocument.Parse(body.Length == 0 ? "{}"u8.ToArray() : body.Memory);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new JsonException();
            }

            foreach (var field in document.RootElement.EnumerateObject())
            {
                filters[field.Name] = field.Value.ValueKind == JsonValueKind.Array
                    ? new StringValues(field.Value.EnumerateArray().Select(v => v.ToString()).ToArray())
                    : new StringValues(field.Value.ToString());
            }
        }
        catch (JsonException)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["$"] = ["The body must be a JSON object of filters."] });
        }

        return await PageAsync(context, new QueryCollection(filters), tenant);
    }

    public async Task<IResult> GetAsync(HttpContext context, string id)
    {
        var (denied, tenant) = await DenyAsync(context, ReadOnlyMemory<byte>.Empty);
        if (denied is not null)
        {
            return denied;
        }

        if (!Guid.TryParse(id, out var eventId))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["id"] = ["'id' must be an event id (a UUID)."] });
        }

        if (await reader.GetBusinessEventAsync(eventId, tenant, context.RequestAborted) is not { } found)
        {
            return TypedResults.NotFound();
        }

        return await WriteAsync(context, writer => AuditWireFormat.WriteItem(writer, found));
    }

    /// <summary>Writes what the collector holds now; returns how many units that was.</summary>
    public async Task<IResult> FlushAsync(HttpContext context, IAuditIngest ingest)
    {
        using var body = await CollectorBody.ReadRawAsync(context.Request, 64 * 1024, context.RequestAborted);
        if ((await DenyAsync(context, body.Memory)).Denied is { } denied)
        {
            return denied;
        }

        return TypedResults.Json(new { flushed = await ingest.FlushAsync(context.RequestAborted) });
    }

    private async Task<IResult> PageAsync(HttpContext context, IQueryCollection filters, AuditTenant? tenant)
    {
        var (query, errors) = AuditQueryParser.ParseBusinessEvents(filters);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var page = await reader.QueryBusinessEventsAsync(query with { Tenant = tenant }, context.RequestAborted);
        return await WriteAsync(context, writer =>
        {
            writer.WriteStartObject();
            writer.WritePropertyName("items");
            writer.WriteStartArray();
            foreach (var row in page.Rows)
            {
                AuditWireFormat.WriteItem(writer, row);
            }

            writer.WriteEndArray();
            writer.WriteString("continuationToken", page.ContinuationToken);
            writer.WriteEndObject();
        });
    }

    /// <summary>
    /// No refusal when the caller may read: a signed service call with the read scope, or a person with the read policy
    /// (every tenant) or the viewer policy (their own tenant, which comes back to scope the query).
    /// </summary>
    private async Task<(IResult? Denied, AuditTenant? Tenant)> DenyAsync(HttpContext context, ReadOnlyMemory<byte> body)
    {
        var settings = options.Value;
        if (context.Request.Headers.ContainsKey(M2mAuthenticator.ServiceHeader))
        {
            var verdict = await authenticator.CheckAsync(context, body);
            if (!verdict.Accepted)
            {
                return (await refusals.RefuseAsync(context, verdict), null);
            }

            return verdict.Scopes.Contains(settings.ReadScope)
                ? (null, null)
                : (await refusals.RefuseAsync(
                    context, M2mVerdict.Refused($"The token has no '{settings.ReadScope}' scope.", SecurityEventType.AccessDenied), StatusCodes.Status403Forbidden), null);
        }

        if ((await authorization.AuthorizeAsync(context.User, null, settings.ReadPolicy)).Succeeded)
        {
            return (null, null);
        }

        if (await policies.GetPolicyAsync(settings.ViewerPolicy) is not null
            && (await authorization.AuthorizeAsync(context.User, null, settings.ViewerPolicy)).Succeeded)
        {
            return tenants.Resolve(context) is { } tenant
                ? (null, tenant)
                : (await refusals.RefuseAsync(
                    context,
                    M2mVerdict.Refused("A tenant viewer reads their tenant's events, and this user has no tenant.", SecurityEventType.AccessDenied),
                    StatusCodes.Status403Forbidden), null);
        }

        return (context.User.Identity?.IsAuthenticated == true
            ? TypedResults.Problem($"Reading needs the '{settings.ReadPolicy}' policy.", statusCode: StatusCodes.Status403Forbidden)
            : TypedResults.Problem($"Sign in with the '{settings.ReadPolicy}' policy, or send a signed call whose token has the '{settings.ReadScope}' scope.", statusCode: StatusCodes.Status401Unauthorized), null);
    }

    private static async Task<IResult> WriteAsync(HttpContext context, Action<Utf8JsonWriter> write)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        // Written to memory first (a page is bounded): the serializer flushes synchronously, which Kestrel refuses.
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        await using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }

        await context.Response.Body.WriteAsync(buffer.WrittenMemory, context.RequestAborted);
        return Results.Empty;
    }
}
