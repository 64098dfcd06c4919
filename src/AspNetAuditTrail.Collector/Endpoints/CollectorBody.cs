using System.Buffers;
using System.IO.Compression;
using Microsoft.AspNetCore.Http;

namespace AspNetAuditTrail.Collector.Endpoints;

/// <summary>
/// A call's body, as sent (what its token's hash covers) and as JSON to read (gunzipped when it came gzip-compressed);
/// both bounded, both in pooled buffers (a batch of a few hundred KB would otherwise land on the large-object heap).
/// </summary>
internal sealed class CollectorBody : IDisposable
{
    private byte[] _array;

    private CollectorBody(byte[] array, int length) => (_array, Length) = (array, length);

    public int Length { get; }

    public ReadOnlyMemory<byte> Memory => _array.AsMemory(0, Length);

    public sealed class TooLargeException(int limit) : Exception($"The body is larger than {limit} bytes.");

    /// <summary>The bytes as sent, at most <paramref name="limit"/>.</summary>
    public static Task<CollectorBody> ReadRawAsync(HttpRequest request, int limit, CancellationToken cancellationToken) =>
        request.ContentLength > limit
            ? throw new TooLargeException(limit)
            : ReadBoundedAsync(request.Body, limit, (int)(request.ContentLength ?? 16 * 1024), cancellationToken);

    /// <summary>The JSON bytes: the raw body, or its gzip content, at most <paramref name="limit"/> once decompressed; null for the raw body itself.</summary>
    public async Task<CollectorBody?> DecodeAsync(HttpRequest request, int limit, CancellationToken cancellationToken)
    {
        var encoding = request.Headers.ContentEncoding.ToString();
        if (encoding.Length == 0 || encoding.Equals("identity", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        if (!encoding.Equals("gzip", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidDataException($"Content-Encoding '{encoding}' is not supported: send gzip or nothing.");
        }

        await using var gzip = new GZipStream(new MemoryStream(_array, 0, Length, writable: false), CompressionMode.Decompress);
        return await ReadBoundedAsync(gzip, limit, Length * 6, cancellationToken);
    }

    public void Dispose()
    {
        if (_array.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_array);
            _array = [];
        }
    }

    private static async Task<CollectorBody> ReadBoundedAsync(Stream stream, int limit, int sizeHint, CancellationToken cancellationToken)
    {
        var array = ArrayPool<byte>.Shared.Rent(Math.Clamp(sizeHint, 1024, limit + 1));
        var length = 0;
        try
        {
            int read;
            while ((read = await stream.ReadAsync(array.AsMemory(length), cancellationToken)) > 0)
            {
                length += read;
                if (length > limit)
                {
                    throw new TooLargeException(limit);
                }

                if (length == array.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent(Math.Min(array.Length * 2, limit + 1));
                    array.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(array);
                    array = larger;
                }
            }

            return new CollectorBody(array, length);
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(array);
            throw;
        }
    }
}
