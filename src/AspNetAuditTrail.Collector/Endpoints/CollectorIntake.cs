using System.Text.Json;
using AspNetAuditTrail.Collector.Authentication;
using AspNetAuditTrail.Configuration;
using AspNetAuditTrail.Events;
using AspNetAuditTrail.Storage;
using AspNetAuditTrail.Wire;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AspNetAuditTrail.Collector.Endpoints;

/// <summary>
/// Takes a signed call's rows into the pipeline: bounded body, token checked before anything is parsed, the batch
/// validated whole, users resolved, then queued (202) or, in strict mode, written (201).
/// </summary>
internal sealed class CollectorIntake(
    M2mAuthenticator authenticator,
    CollectorRefusals refusals,
    IAuditIngest ingest,
    IAuditUserResolver users,
    IOptions<AuditTrailCollectorOptions> options,
    IOptions<AuditTrailOptions> trailOptions,
    ILogger<CollectorIntake> logger)
{
    public Task<IResult> OneAsync(HttpContext context) => AcceptAsync(context, batch: false);

    public Task<IResult> BatchAsync(HttpContext context) => AcceptAsync(context, batch: true);

    private async Task<IResult> AcceptAsync(HttpContext context, bool batch)
    {
        var settings = options.Value;
        var cancel = context.RequestAborted;
        try
        {
            using var raw = await CollectorBody.ReadRawAsync(context.Request, settings.MaxBodyBytes, cancel);
            var verdict = await authenticator.CheckAsync(context, raw.Memory);
            if (!verdict.Accepted)
            {
                return await refusals.RefuseAsync(context, verdict);
            }

            using var decoded = await raw.DecodeAsync(context.Request, settings.MaxBodyBytes, cancel);
            return await IngestAsync(context, verdict.Service!, (decoded ?? raw).Memory, batch);
        }
        catch (CollectorBody.TooLargeException ex)
        {
            return TypedResults.Problem(ex.Message, statusCode: StatusCodes.Status413PayloadTooLarge);
        }
        catch (InvalidDataException ex)
        {
            return TypedResults.Problem(ex.Message, statusCode: StatusCodes.Status400BadRequest);
        }
    }

    private async Task<IResult> IngestAsync(HttpContext context, string service, ReadOnlyMemory<byte> json, bool batch)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException)
        {
            return Invalid("$", "The body is not JSON.");
        }

        using (document)
        {
            var root = document.RootElement;
            var isBatch = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("items", out _);
            if (isBatch != batch)
            {
                return Invalid("$", batch ? "A batch is {\"version\": 1, \"items\": [...]}." : "This endpoint takes one item; send batches to /batch.");
            }

            if (!ingest.TryRead(root, service, options.Value.MaxBatchItems, out var units, out var errors))
            {
                return TypedResults.ValidationProblem(errors, "The batch was refused whole: nothing of it is stored.");
            }

            units = await CollectorUsers.ResolveAsync(users, service, units, context.RequestAborted);
            var ids = units.SelectMany(u => u.Rows()).Select(r => r.Id).ToArray();
            return await StoreAsync(context, units) switch
            {
                StatusCodes.Status201Created => TypedResults.Json(new { accepted = ids.Length, written = true, ids }, statusCode: StatusCodes.Status201Created),
                StatusCodes.Status202Accepted => TypedResults.Json(new { accepted = ids.Length, written = false, ids }, statusCode: StatusCodes.Status202Accepted),
                _ => TypedResults.Problem("The collector cannot take more now; send the batch again later (it will land once).", statusCode: StatusCodes.Status503ServiceUnavailable),
            };
        }
    }

    /// <summary>201 when written (strict mode), 202 when queued, 503 when the pipeline refused a unit.</summary>
    private async Task<int> StoreAsync(HttpContext context, IReadOnlyList<AuditUnit> units)
    {
        var trail = trailOptions.Value;
        if (trail.WriteMode == AuditWriteMode.Synchronous)
        {
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
                timeout.CancelAfter(trail.SynchronousWriteTimeout);
                await ingest.WriteAsync(units, timeout.Token);
                return StatusCodes.Status201Created;
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !context.RequestAborted.IsCancellationRequested)
            {
                Log.StrictWriteFailed(logger, ex, units.Count);
            }
        }

        foreach (var unit in units)
        {
            if (!await ingest.EnqueueAsync(unit, context.RequestAborted))
            {
                return StatusCodes.Status503ServiceUnavailable;
            }
        }

        return StatusCodes.Status202Accepted;
    }

    private static IResult Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, "The batch was refused whole: nothing of it is stored.");
}
