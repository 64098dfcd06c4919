using AspNetAuditTrail.Events;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace AspNetAuditTrail.Capture;

/// <summary>
/// One request's body capture: installs the request and response capture when the request arrives, puts the
/// originals back when it is done, and renders what was kept (masked, capped) with a status for each body.
/// </summary>
internal sealed class BodyCaptureSession : IDisposable
{
    private readonly HttpContext _context;
    private readonly BodyKind _requestKind;
    private readonly BodyCaptureStatus? _requestStatus;
    private readonly Stream _originalRequestBody;
    private readonly BodyCaptureBuffer? _requestBuffer;
    private readonly RequestBodyCaptureStream? _requestCapture;
    private readonly IHttpResponseBodyFeature _originalResponseBody;
    private readonly BodyCaptureBuffer? _responseBuffer;
    private readonly ResponseBodyCapture _responseCapture;

    public BodyCaptureSession(HttpContext context, int maxBodySize, bool skipRequestBody, bool skipResponseBody, bool holdResponse)
    {
        _context = context;
        var request = context.Request;
        _requestKind = TextContentTypes.Classify(request.ContentType);
        _requestStatus = RequestStatusBeforeReading(context, _requestKind, skipRequestBody);
        _originalRequestBody = request.Body;
        if (_requestStatus is null)
        {
            _requestBuffer = new BodyCaptureBuffer(maxBodySize);
            _requestCapture = new RequestBodyCaptureStream(_originalRequestBody, _requestBuffer);
            request.Body = _requestCapture;
        }

        _responseBuffer = skipResponseBody ? null : new BodyCaptureBuffer(maxBodySize);
        _originalResponseBody = context.Features.GetRequiredFeature<IHttpResponseBodyFeature>();
        _responseCapture = new ResponseBodyCapture(_originalResponseBody, context.Response, _responseBuffer, holdResponse);
        context.Features.Set<IHttpResponseBodyFeature>(_responseCapture);
    }

    /// <summary>Bytes of response body sent.</summary>
    public long ResponseSize => _responseCapture.BytesWritten;

    /// <summary>Sends what the application left in the response's pipe writer; called when the application is done.</summary>
    public ValueTask FlushResponseAsync() => _responseCapture.FlushWriterAsync();

    /// <summary>Sends a held response body to the client.</summary>
    public Task ReleaseResponseAsync(CancellationToken cancellationToken) => _responseCapture.ReleaseAsync(cancellationToken);

    /// <summary>Puts the original request body and response feature back.</summary>
    public void Restore()
    {
        _context.Features.Set(_originalResponseBody);
        if (_requestCapture is not null)
        {
            _context.Request.Body = _originalRequestBody;
        }
    }

    /// <summary>The stored text and status of each body.</summary>
    public (string? RequestBody, BodyCaptureStatus RequestStatus, string? ResponseBody, BodyCaptureStatus ResponseStatus) Render(SecretMasker masker)
    {
        var (requestBody, requestStatus) = _requestStatus is { } decided ? (null, decided) : RenderRequest(masker);
        var (responseBody, responseStatus) = RenderResponse(masker);
        return (requestBody, requestStatus, responseBody, responseStatus);
    }

    /// <summary>The status when the request body will not be kept at all; null when it is to be captured.</summary>
    private static BodyCaptureStatus? RequestStatusBeforeReading(HttpContext context, BodyKind kind, bool skip)
    {
        var canHaveBody = context.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody
            ?? context.Request.ContentLength > 0;
        if (!canHaveBody || context.Request.ContentLength == 0)
        {
            return BodyCaptureStatus.None;
        }

        if (skip)
        {
            return BodyCaptureStatus.SkippedByRule;
        }

        return kind == BodyKind.Binary ? BodyCaptureStatus.SkippedContentType : null;
    }

    private (string?, BodyCaptureStatus) RenderRequest(SecretMasker masker)
    {
        var buffer = _requestBuffer!;
        if (buffer.TotalBytes == 0)
        {
            return (null, _requestCapture!.ReachedEnd ? BodyCaptureStatus.None : BodyCaptureStatus.NotRead);
        }

        var status = buffer.IsTruncated ? BodyCaptureStatus.Truncated
            : _requestCapture!.ReachedEnd ? BodyCaptureStatus.Captured
            : BodyCaptureStatus.PartiallyRead;
        return BodyRenderer.Render(buffer, _requestKind, masker, status);
    }

    private (string?, BodyCaptureStatus) RenderResponse(SecretMasker masker)
    {
        if (_responseCapture.BytesWritten == 0)
        {
            return (null, BodyCaptureStatus.None);
        }

        if (_responseBuffer is null)
        {
            return (null, BodyCaptureStatus.SkippedByRule);
        }

        if (_responseCapture.SkippedContentType)
        {
            return (null, BodyCaptureStatus.SkippedContentType);
        }

        var status = _responseBuffer.IsTruncated ? BodyCaptureStatus.Truncated : BodyCaptureStatus.Captured;
        return BodyRenderer.Render(_responseBuffer, TextContentTypes.Classify(_context.Response.ContentType), masker, status);
    }

    public void Dispose()
    {
        _responseCapture.Dispose();
        _requestBuffer?.Dispose();
        _responseBuffer?.Dispose();
    }
}
