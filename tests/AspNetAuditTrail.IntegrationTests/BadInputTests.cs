using System.Net;
using System.Net.Http.Headers;
using System.Text;
using AspNetAuditTrail.IntegrationTests.Databases;

namespace AspNetAuditTrail.IntegrationTests;

/// <summary>Hostile and odd requests: no crash, the app's own answer, and a row with its markers; no secret stored.</summary>
public abstract class BadInputTests(AuditDatabase database) : DatabaseTest(database)
{
    private static readonly Dictionary<string, string?> CaptureUploads = new() { ["AuditTrail:SkipRequestBodyUrls:0:Pattern"] = "^/none$" };

    /// <summary>A body of <c>length</c> bytes made as it is sent, never held whole.</summary>
    private sealed class GeneratedContent(long length, byte fill, string contentType) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            var block = new byte[64 * 1024];
            Array.Fill(block, fill);
            for (var left = length; left > 0; left -= block.Length)
            {
                await stream.WriteAsync(block.AsMemory(0, (int)Math.Min(block.Length, left)));
            }
        }

        protected override bool TryComputeLength(out long size)
        {
            size = length;
            return true;
        }

        public GeneratedContent Typed()
        {
            Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
            return this;
        }
    }

    [Theory]
    [InlineData(10L * 1024 * 1024)]
    [InlineData(100L * 1024 * 1024)]
    public async Task HugeTextBodiesStreamThroughAndAreCut(long size)
    {
        await using var app = new SampleApp(Database, CaptureUploads);

        var response = await app.CreateClient().PostAsync("/api/uploads", new GeneratedContent(size, (byte)'a', "text/plain").Typed(), Token);
        var row = Assert.Single(await app.DrainAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"\"bytes\":{size}", await response.Content.ReadAsStringAsync(Token));
        Assert.Equal("Truncated", row["request_body_status"]);
        Assert.Equal(32768, ((string)row["request_body"]!).Length);
    }

    [Fact]
    public async Task BinaryBytesUnderATextTypeAreStoredReadably()
    {
        await using var app = new SampleApp(Database, CaptureUploads);
        var bytes = Enumerable.Range(0, 4096).Select(i => (byte)(i * 7)).ToArray();
        using var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/plain");

        await app.CreateClient().PostAsync("/api/uploads", content, Token);
        var row = Assert.Single(await app.DrainAsync());

        Assert.Equal("Captured", row["request_body_status"]);
        Assert.Contains('\uFFFD', (string)row["request_body"]!);
    }

    [Theory]
    [InlineData("invalid UTF-8")]
    [InlineData("nested 10,000 deep")]
    public async Task JsonThatCannotBeReadIsNotStoredAndTheRowSaysWhy(string kind)
    {
        await using var app = new SampleApp(Database, CaptureUploads);
        var body = kind == "invalid UTF-8"
            ? [.. "{\"name\":\""u8, 0xC3, 0x28, 0xFF, .. "\",\"password\":\"hunter2\"}"u8]
            : Encoding.ASCII.GetBytes(new string('[', 10_000) + new string(']', 10_000));
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        var response = await app.CreateClient().PostAsync("/api/uploads", content, Token);
        var row = Assert.Single(await app.DrainAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Malformed", row["request_body_status"]);
        Assert.Null(row["request_body"]);
    }

    [Fact]
    public async Task NulCharactersNeverMakeABatchFail()
    {
        await using var app = new SampleApp(Database, CaptureUploads);
        var client = app.CreateClient();
        using var json = new StringContent("{\"note\":\"a\\u0000b\"}", Encoding.UTF8, "application/json");
        using var text = new StringContent("x\0y", Encoding.UTF8, "text/plain");

        await client.PostAsync("/api/uploads", json, Token);
        await client.PostAsync("/api/uploads", text, Token);
        await client.GetAsync("/api/products", Token);
        var rows = await app.DrainAsync();

        Assert.Equal(3, rows.Count);
        Assert.Contains(rows, r => (string?)r["request_body"] == "{\"note\":\"a\\u0000b\"}");
        Assert.Contains(rows, r => (string?)r["request_body"] == "x\uFFFDy");
    }

    [Fact]
    public async Task HugeHeadersLongQueriesAndMultipartUploadsAreRecordedWithinBounds()
    {
        await using var app = new SampleApp(Database, CaptureUploads);
        var client = app.CreateClient();
        using var multipart = new MultipartFormDataContent { { new ByteArrayContent(new byte[200_000]), "file", "photo.png" }, { new StringContent("secret-note"), "password" } };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/uploads?" + string.Join("&", Enumerable.Range(0, 1500).Select(i => $"k{i}=v{i}")) + "&token=abc123") { Content = multipart };
        request.Headers.TryAddWithoutValidation("User-Agent", new string('u', 64 * 1024));

        var response = await client.SendAsync(request, Token);
        var row = Assert.Single(await app.DrainAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("SkippedContentType", row["request_body_status"]);
        Assert.Equal(512, ((string)row["user_agent"]!).Length);
        Assert.EndsWith("…", (string)row["user_agent"]!);
        Assert.EndsWith("&token=***", (string)row["query_string"]!);
        Assert.True(((string)row["query_string"]!).Length > 10_000);
        var values = Database.TableNames().SelectMany(t => Database.Query($"SELECT * FROM {Database.Table(t)}")).SelectMany(r => r.Values).OfType<string>();
        Assert.DoesNotContain(values, v => v.Contains("abc123", StringComparison.Ordinal) || v.Contains("secret-note", StringComparison.Ordinal));
    }
}
