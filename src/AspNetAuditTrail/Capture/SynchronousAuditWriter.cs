using AspNetAuditTrail.Events;
using AspNetAuditTrail.Writing;
using Microsoft.AspNetCore.Http;

namespace AspNetAuditTrail.Capture;

/// <summary>Strict mode (<c>WriteMode</c> <c>Synchronous</c>): the response waits for its row, written with those of the requests waiting with it.</summary>
internal sealed class SynchronousAuditWriter(GroupCommit groups)
{
    /// <summary>
    /// Synchronous mode: the held response goes out only once the transaction holding its row committed; when the row
    /// cannot be written in time, the client gets 503 instead, and the row goes to the background writer (and the
    /// journal) so it is not lost.
    /// </summary>
    public async Task WriteAsync(AuditedRequest audited, AuditUnit? unit)
    {
        var (context, current, bodies) = (audited.Context, audited.Settings, audited.Bodies);
        if (unit is not null && !await groups.WriteAsync(unit, current.Options.SynchronousWriteTimeout, context.RequestAborted))
        {
            context.Response.Clear();
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            context.Response.ContentType = "application/problem+json";
            await context.Response.WriteAsync("""{"title":"The audit trail cannot record this request now.","status":503}""");
            return;
        }

        await bodies.ReleaseResponseAsync(context.RequestAborted);
    }
}
