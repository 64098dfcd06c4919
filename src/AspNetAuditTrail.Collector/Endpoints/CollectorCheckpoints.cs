using System.Security.Cryptography;
using System.Text;
using AspNetAuditTrail.Collector.Authentication;
using AspNetAuditTrail.Integrity;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace AspNetAuditTrail.Collector.Endpoints;

/// <summary>
/// <c>POST /checkpoints</c>: a service's signed call hands over one of its checkpoints, kept as a write-once file under
/// <c>CheckpointFolder/&lt;service&gt;/</c> (the authenticated service's name, never one from the body), so that the
/// service's own database cannot take back what it stated. The same checkpoint again is no error; another one under its
/// name is refused (409).
/// </summary>
internal sealed class CollectorCheckpoints(M2mAuthenticator authenticator, CollectorRefusals refusals, IOptions<AuditTrailCollectorOptions> options)
{
    public async Task<IResult> AcceptAsync(HttpContext context)
    {
        var settings = options.Value;
        if (settings.CheckpointFolder is not { } folder)
        {
            return TypedResults.Problem("This collector keeps no checkpoints (AuditTrailCollector:CheckpointFolder).", statusCode: StatusCodes.Status404NotFound);
        }

        try
        {
            using var raw = await CollectorBody.ReadRawAsync(context.Request, 64 * 1024, context.RequestAborted);
            var verdict = await authenticator.CheckAsync(context, raw.Memory);
            if (!verdict.Accepted)
            {
                return await refusals.RefuseAsync(context, verdict);
            }

            if (AuditCheckpointJson.TryDeserialize(raw.Memory.Span, out var error) is not { } checkpoint)
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["$"] = [$"Not a checkpoint: {error}"] });
            }

            await new AuditCheckpointFolder(Path.Combine(folder, FolderName(verdict.Service!))).WriteAsync(checkpoint, context.RequestAborted);
            return TypedResults.Created();
        }
        catch (CollectorBody.TooLargeException ex)
        {
            return TypedResults.Problem(ex.Message, statusCode: StatusCodes.Status413PayloadTooLarge);
        }
        catch (IOException ex) when (ex.Message.Contains("never overwritten", StringComparison.Ordinal))
        {
            return TypedResults.Problem("Another checkpoint is kept under this chain, place and kind: it is never replaced.", statusCode: StatusCodes.Status409Conflict);
        }
    }

    /// <summary>The service's name when it is safe as a folder name; otherwise the first 16 hex digits of its SHA-256.</summary>
    private static string FolderName(string service) =>
        service.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.') && service.Trim('.').Length > 0
            ? service
            : Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(service)))[..16];
}
