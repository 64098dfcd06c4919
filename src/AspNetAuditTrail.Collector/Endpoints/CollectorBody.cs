using System.IO.Compression;
using Microsoft.AspNetCore.Http;

namespace AspNetAuditTrail.Collector.Endpoints;

/// <summary>A call's body, as sent (what its token's hash covers) and as JSON to read (gunzipped when it came gzip-compressed); both bounded.</summary>
internal static class CollectorBody
{
    public sealed class TooLargeException(int limit) : Exception($"The body is larger than {limit} bytes.");

    /// <summary>The bytes as sent, at most <paramref name="limit"/>.</summary>
    public static async Task<byte[]> ReadRawAsync(HttpRequest request, int limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength > limit)
        {
            throw new TooLargeException(limit);
        }

        return await ReadBoundedAsync(request.Body, limit, cancellationToken);
    }

    /// <summary>The JSON bytes: the raw body, or its gzip content, at most <paramref name="limit"/> once decompressed.</summary>
    public static async Task<byte[]> DecodeAsync(HttpRequest request, byte[] raw, int limit, CancellationToken cancellationToken)
    {
        var encoding = request.Headers.ContentEncoding.ToString();
        if (encoding.Length == 0 || encoding.Equals("identity", StringComparison.OrdinalIgnoreCase))
        {
            return raw;
        }

        if (!encoding.Equals("gzip", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidDataException($"Content-Encoding '{encoding}' is not supported: send gzip or nothing.");
        }

        await using var gzip = new GZipStream(new MemoryStream(raw), CompressionMode.Decompress);
        return await ReadBoundedAsync(gzip, limit, cancellationToken);
    }

    private static async Task<byte[]> ReadBoundedAsync(Stream stream, int limit, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                throw new TooLargeException(limit);
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
