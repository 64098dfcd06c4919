using System.Text;
using AspNetAuditTrail.Capture;
using AspNetAuditTrail.Events;

namespace AspNetAuditTrail.Tests.Capture;

public class BodyCaptureTests
{
    private static readonly SecretMasker Masker = new([]);

    private static async Task<(BodyCaptureBuffer Buffer, RequestBodyCaptureStream Stream, byte[] ReadBack)> ReadThroughAsync(
        byte[] body, int limit, int chunk)
    {
        var buffer = new BodyCaptureBuffer(limit);
        var stream = new RequestBodyCaptureStream(new MemoryStream(body), buffer);
        var readBack = new MemoryStream();
        var block = new byte[chunk];
        int read;
        while ((read = await stream.ReadAsync(block, TestContext.Current.CancellationToken)) > 0)
        {
            readBack.Write(block, 0, read);
        }

        return (buffer, stream, readBack.ToArray());
    }

    [Theory]
    [InlineData(4096, 4096, false)]
    [InlineData(4097, 4096, true)]
    [InlineData(4095, 4096, false)]
    [InlineData(40_000, 4097, true)]
    [InlineData(0, 4096, false)]
    public async Task KeepsUpToTheLimitAndPassesEverythingThrough(int size, int limit, bool truncated)
    {
        var body = Encoding.ASCII.GetBytes(new string('a', size));

        var (buffer, stream, readBack) = await ReadThroughAsync(body, limit, chunk: 1000);

        Assert.Equal(body, readBack);
        Assert.True(stream.ReachedEnd);
        Assert.Equal(size, buffer.TotalBytes);
        Assert.Equal(Math.Min(size, limit), buffer.Captured.Length);
        Assert.Equal(truncated, buffer.IsTruncated);
    }

    [Theory]
    [InlineData("é", 2)]
    [InlineData("€", 3)]
    [InlineData("😀", 4)]
    [InlineData("東", 3)]
    public async Task AMultibyteCharacterCutAtTheLimitIsDroppedNotGarbled(string character, int width)
    {
        // 4095 ASCII bytes then multibyte characters: the limit of 4097 falls inside the first of them.
        var text = new string('a', 4095) + string.Concat(Enumerable.Repeat(character, 10));
        var body = Encoding.UTF8.GetBytes(text);
        Assert.Equal(width, Encoding.UTF8.GetByteCount(character));

        var (buffer, _, _) = await ReadThroughAsync(body, limit: 4097, chunk: 7);
        var (stored, status) = BodyRenderer.Render(buffer, BodyKind.Text, Masker, BodyCaptureStatus.Truncated);

        Assert.Equal(BodyCaptureStatus.Truncated, status);
        Assert.NotNull(stored);
        Assert.DoesNotContain('\uFFFD', stored);
        var wholeCharacters = (4097 - 4095) / width;
        Assert.Equal(text[..(4095 + (wholeCharacters * character.Length))], stored);
    }

    [Theory]
    [InlineData(4095)]
    [InlineData(4096)]
    [InlineData(4097)]
    public void EveryCutOfMultibyteTextDecodesToAPrefix(int limit)
    {
        var text = string.Concat(Enumerable.Repeat("aé€😀", 2000));
        var bytes = Encoding.UTF8.GetBytes(text);
        using var buffer = new BodyCaptureBuffer(limit);
        buffer.Append(bytes);

        var decoded = BodyRenderer.DecodeUtf8(buffer.Captured, isComplete: false);

        Assert.StartsWith(decoded, text, StringComparison.Ordinal);
        Assert.True(bytes.Length - Encoding.UTF8.GetByteCount(decoded) > 0);
        Assert.True(limit - Encoding.UTF8.GetByteCount(decoded) < 4);
    }

    [Fact]
    public async Task AHundredMegabyteUploadKeepsOnlyTheLimitInMemory()
    {
        const long size = 100L * 1024 * 1024;
        var buffer = new BodyCaptureBuffer(32 * 1024);
        var stream = new RequestBodyCaptureStream(new RepeatingStream(size), buffer);
        var block = new byte[64 * 1024];
        long total = 0;
        int read;
        while ((read = await stream.ReadAsync(block, TestContext.Current.CancellationToken)) > 0)
        {
            total += read;
        }

        Assert.Equal(size, total);
        Assert.Equal(size, buffer.TotalBytes);
        Assert.Equal(32 * 1024, buffer.Captured.Length);
        Assert.True(buffer.Capacity <= 64 * 1024, $"buffer holds {buffer.Capacity} bytes");
    }

    [Fact]
    public void AppReadingPartOfTheBodyIsNotAtTheEnd()
    {
        var buffer = new BodyCaptureBuffer(100);
        var stream = new RequestBodyCaptureStream(new MemoryStream(new byte[50]), buffer);

        Assert.Equal(10, stream.Read(new byte[10]));

        Assert.False(stream.ReachedEnd);
        Assert.Equal(10, buffer.TotalBytes);
    }

    [Fact]
    public void MalformedJsonIsNotStoredAndSaysWhy()
    {
        using var buffer = new BodyCaptureBuffer(100);
        buffer.Append("{\"password\":\"x\""u8);

        var (body, status) = BodyRenderer.Render(buffer, BodyKind.Json, Masker, BodyCaptureStatus.Captured);

        Assert.Null(body);
        Assert.Equal(BodyCaptureStatus.Malformed, status);
    }

    [Fact]
    public void TruncatedJsonIsStoredMaskedUpToTheCut()
    {
        var json = Encoding.UTF8.GetBytes("{\"password\":\"hunter2\",\"items\":[" + string.Join(",", Enumerable.Range(0, 2000)) + "]}");
        using var buffer = new BodyCaptureBuffer(4096);
        buffer.Append(json);

        var (body, status) = BodyRenderer.Render(buffer, BodyKind.Json, Masker, BodyCaptureStatus.Truncated);

        Assert.Equal(BodyCaptureStatus.Truncated, status);
        Assert.StartsWith("{\"password\":\"***\",\"items\":[0,1,2,", body);
        Assert.DoesNotContain("hunter2", body);
    }

    [Fact]
    public void FormBodiesAreMasked()
    {
        using var buffer = new BodyCaptureBuffer(100);
        buffer.Append("user=bob&password=hunter2"u8);

        var (body, _) = BodyRenderer.Render(buffer, BodyKind.Form, Masker, BodyCaptureStatus.Captured);

        Assert.Equal("user=bob&password=***", body);
    }

    [Theory]
    [InlineData("application/json", "Json")]
    [InlineData("application/json; charset=utf-8", "Json")]
    [InlineData("application/problem+json", "Json")]
    [InlineData("text/json", "Json")]
    [InlineData("Text/JSON; charset=utf-16", "Json")]
    [InlineData(" application/vnd.api+json ; ext=x", "Json")]
    [InlineData("application/x-www-form-urlencoded", "Form")]
    [InlineData("text/plain; charset=utf-8", "Text")]
    [InlineData("text/csv", "Text")]
    [InlineData("application/xml", "Text")]
    [InlineData("application/atom+xml", "Text")]
    [InlineData("application/octet-stream", "Binary")]
    [InlineData("multipart/form-data; boundary=x", "Binary")]
    [InlineData("image/png", "Binary")]
    [InlineData(null, "Binary")]
    public void ContentTypesAreClassified(string? contentType, string kind)
    {
        Assert.Equal(Enum.Parse<BodyKind>(kind), TextContentTypes.Classify(contentType));
    }

    /// <summary>A read-only stream of <c>length</c> bytes that holds none of them.</summary>
    private sealed class RepeatingStream(long length) : Stream
    {
        private long _position;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => length;

        public override long Position
        {
            get => _position;
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, length - _position);
            buffer.AsSpan(offset, n).Fill((byte)'x');
            _position += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
