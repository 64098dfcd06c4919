using System.IO.Pipelines;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;

namespace AspNetAuditTrail.Capture;

/// <summary>
/// Stands in for the response body feature: everything written goes straight to the real response (or, when
/// <paramref name="hold"/> is on, is held until <see cref="ReleaseAsync"/>), is counted, and its first bytes are
/// kept when the response's content type is text.
/// </summary>
internal sealed class ResponseBodyCapture(IHttpResponseBodyFeature inner, HttpResponse response, BodyCaptureBuffer? buffer, bool hold)
    : Stream, IHttpResponseBodyFeature
{
    private readonly FileBufferingWriteStream? _held = hold ? new FileBufferingWriteStream() : null;
    private PipeWriter? _writer;
    private bool? _keeping;

    /// <summary>Bytes of body written.</summary>
    public long BytesWritten { get; private set; }

    /// <summary>True when the body's content type was not text, so nothing was kept.</summary>
    public bool SkippedContentType => _keeping == false && buffer is not null;

    public IHttpResponseBodyFeature Inner => inner;

    Stream IHttpResponseBodyFeature.Stream => this;

    /// <summary>
    /// The server's own writer, watched as bytes are advanced; a held response goes through this stream instead,
    /// into the held buffer.
    /// </summary>
    public PipeWriter Writer => _writer ??= _held is null
        ? new CountingPipeWriter(inner.Writer, this)
        : PipeWriter.Create(this, new StreamPipeWriterOptions(leaveOpen: true));

    public void DisableBuffering()
    {
        if (_held is null)
        {
            inner.DisableBuffering();
        }
    }

    public Task StartAsync(CancellationToken cancellationToken = default) =>
        _held is null ? inner.StartAsync(cancellationToken) : Task.CompletedTask;

    public Task SendFileAsync(string path, long offset, long? count, CancellationToken cancellationToken = default) =>
        SendFileFallback.SendFileAsync(this, path, offset, count, cancellationToken);

    public async Task CompleteAsync()
    {
        await FlushWriterAsync();
        if (_held is null)
        {
            await inner.CompleteAsync();
        }
    }

    /// <summary>Sends the held body to the real response.</summary>
    public async Task ReleaseAsync(CancellationToken cancellationToken)
    {
        if (_held is not null)
        {
            await _held.DrainBufferAsync(inner.Stream, cancellationToken);
        }
    }

    /// <summary>Sends what the application left in the pipe writer; called when the application is done.</summary>
    public async ValueTask FlushWriterAsync()
    {
        if (_writer is { CanGetUnflushedBytes: true, UnflushedBytes: > 0 })
        {
            await _writer.FlushAsync();
        }
    }

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    private Stream Target => _held ?? inner.Stream;

    public override void Write(ReadOnlySpan<byte> source)
    {
        Observe(source);
        Target.Write(source);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> source, CancellationToken cancellationToken = default)
    {
        Observe(source.Span);
        return Target.WriteAsync(source, cancellationToken);
    }

    /// <summary>Counts bytes on their way to the client and keeps them when the body is text.</summary>
    public void Observe(ReadOnlySpan<byte> source)
    {
        BytesWritten += source.Length;
        _keeping ??= buffer is not null && TextContentTypes.IsText(response.ContentType);
        if (_keeping == true)
        {
            buffer!.Append(source);
        }
    }

    public override void Flush() => Target.Flush();

    public override Task FlushAsync(CancellationToken cancellationToken) => Target.FlushAsync(cancellationToken);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _held?.Dispose();
        }

        base.Dispose(disposing);
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
}
