using System.Text;
using AspNetAuditTrail.Capture;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace AspNetAuditTrail.Tests.Capture;

public class ResponseBodyCaptureTests
{
    [Fact]
    public async Task BytesWrittenThroughThePipeWriterReachTheClientAndAreCountedAndKept()
    {
        var client = new MemoryStream();
        var context = new DefaultHttpContext();
        context.Response.ContentType = "application/json";
        var buffer = new BodyCaptureBuffer(limit: 1024);
        var capture = new ResponseBodyCapture(new StreamResponseBodyFeature(client), context.Response, buffer, hold: false);
        var writer = capture.Writer;
        var token = TestContext.Current.CancellationToken;

        // Two advances into one lent span, then a write of its own: every byte once, in order.
        var span = writer.GetSpan(16);
        Encoding.ASCII.GetBytes("{\"a\":", span);
        writer.Advance(3);
        writer.Advance(2);
        await writer.WriteAsync(Encoding.ASCII.GetBytes("1}"), token);
        await writer.FlushAsync(token);

        Assert.Equal("{\"a\":1}", Encoding.ASCII.GetString(client.ToArray()));
        Assert.Equal(7, capture.BytesWritten);
        Assert.Equal("{\"a\":1}", Encoding.ASCII.GetString(buffer.Captured));
    }

    [Fact]
    public async Task ABinaryResponseIsCountedButNotKept()
    {
        var client = new MemoryStream();
        var context = new DefaultHttpContext();
        context.Response.ContentType = "image/png";
        var buffer = new BodyCaptureBuffer(limit: 1024);
        var capture = new ResponseBodyCapture(new StreamResponseBodyFeature(client), context.Response, buffer, hold: false);

        await capture.Writer.WriteAsync(new byte[300], TestContext.Current.CancellationToken);
        await capture.Writer.FlushAsync(TestContext.Current.CancellationToken);

        Assert.Equal(300, client.Length);
        Assert.Equal(300, capture.BytesWritten);
        Assert.True(capture.SkippedContentType);
        Assert.Equal(0, buffer.Captured.Length);
    }
}
