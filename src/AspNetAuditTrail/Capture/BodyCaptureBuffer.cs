using System.Buffers;

namespace AspNetAuditTrail.Capture;

/// <summary>
/// Keeps the first <c>limit</c> bytes of a body that streams past, in a pooled buffer that grows as needed,
/// and counts every byte; a body larger than the limit never costs more than the limit.
/// </summary>
internal sealed class BodyCaptureBuffer : IDisposable
{
    private const int InitialSize = 4096;
    private readonly int _limit;
    private byte[]? _buffer;
    private int _length;

    public BodyCaptureBuffer(int limit)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        _limit = limit;
    }

    /// <summary>All bytes that streamed past, kept or not.</summary>
    public long TotalBytes { get; private set; }

    /// <summary>True when more bytes streamed past than were kept.</summary>
    public bool IsTruncated => TotalBytes > _length;

    /// <summary>The kept bytes.</summary>
    public ReadOnlySpan<byte> Captured => _buffer.AsSpan(0, _length);

    /// <summary>Bytes of buffer held (for tests of the memory bound).</summary>
    internal int Capacity => _buffer?.Length ?? 0;

    public void Append(ReadOnlySpan<byte> data)
    {
        TotalBytes += data.Length;
        var take = Math.Min(_limit - _length, data.Length);
        if (take <= 0)
        {
            return;
        }

        Reserve(_length + take);
        data[..take].CopyTo(_buffer.AsSpan(_length));
        _length += take;
    }

    private void Reserve(int size)
    {
        if (_buffer is not null && _buffer.Length >= size)
        {
            return;
        }

        var next = ArrayPool<byte>.Shared.Rent(Math.Min(_limit, Math.Max(size, Math.Max(InitialSize, (_buffer?.Length ?? 0) * 2))));
        if (_buffer is not null)
        {
            _buffer.AsSpan(0, _length).CopyTo(next);
            ArrayPool<byte>.Shared.Return(_buffer);
        }

        _buffer = next;
    }

    public void Dispose()
    {
        if (_buffer is not null)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = null;
            _length = 0;
        }
    }
}
