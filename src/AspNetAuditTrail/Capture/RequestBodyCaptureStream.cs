namespace AspNetAuditTrail.Capture;

/// <summary>
/// Stands in for the request body: the application reads through it as usual, and the first bytes it reads
/// are kept. Nothing is read ahead, so an upload streams through with bounded memory.
/// </summary>
internal sealed class RequestBodyCaptureStream(Stream inner, BodyCaptureBuffer buffer) : Stream
{
    /// <summary>True once the application read the body to its end.</summary>
    public bool ReachedEnd { get; private set; }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> destination)
    {
        var read = inner.Read(destination);
        Observe(destination[..read], destination.Length);
        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> destination, CancellationToken cancellationToken = default)
    {
        var read = await inner.ReadAsync(destination, cancellationToken);
        Observe(destination.Span[..read], destination.Length);
        return read;
    }

    private void Observe(ReadOnlySpan<byte> read, int requested)
    {
        if (read.IsEmpty && requested > 0)
        {
            ReachedEnd = true;
        }

        buffer.Append(read);
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
