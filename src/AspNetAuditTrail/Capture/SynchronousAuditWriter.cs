using AspNetAuditTrail.Events;
using AspNetAuditTrail.Storage;
using AspNetAuditTrail.Writing;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AspNetAuditTrail.Capture;

/// <summary>Strict mode (<c>WriteMode</c> <c>Synchronous</c>): the response waits for its row.</summary>
internal sealed class SynchronousAuditWriter(AuditQueue queue, AuditChain chain, ILogger<SynchronousAuditWriter> logger)
{
    /// <summary>
    /// Synchronous mode: the held response goes out only once its row is written; when the row cannot be written in
    /// time, the client gets 503 instead, and the row goes to the background writer (and the journal) so it is not lost.
    /// </summary>
    public async Task WriteAsync(AuditedRequest audited, AuditUnit? unit)
    {
        var (context, current, bodies) = (audited.Context, audited.Settings, audited.Bodies);
        try
        {
            if (unit is not null)
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
                timeout.CancelAfter(current.Options.SynchronousWriteTimeout);
                chain.Seal([unit]);
                await context.RequestServices.GetRequiredService<IAuditStore>().WriteAsync([unit], timeout.Token);
                chain.Settle([unit]);
                _ = chain.CheckpointIfDueAsync(CancellationToken.None);
            }
        }
        catch (Exception ex)
        {
            Log.SynchronousWriteFailed(logger, ex, context.Request.Method, context.Request.Path.Value ?? "");

            // Sealed already: the background writer keeps its place in the chain.
            queue.Enqueue(unit!);
            context.Response.Clear();
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            context.Response.ContentType = "application/problem+json";
            await context.Response.WriteAsync("""{"title":"The audit trail cannot record this request now.","status":503}""");
            return;
        }

        await bodies.ReleaseResponseAsync(context.RequestAborted);
    }
}
