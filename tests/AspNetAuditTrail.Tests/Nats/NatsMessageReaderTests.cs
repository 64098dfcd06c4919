using System.Text;
using AspNetAuditTrail.Events;
using AspNetAuditTrail.Nats;
using AspNetAuditTrail.Wire;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;

namespace AspNetAuditTrail.Tests.Nats;

/// <summary>A message as the collector reads it: a published unit comes back whole under the subject's service; anything else is refused with a reason.</summary>
public sealed class NatsMessageReaderTests : IDisposable
{
    private readonly ServiceProvider _services = new ServiceCollection()
        .AddSingleton<IHostEnvironment>(new HostingEnvironment { ApplicationName = "nats-reader-tests" })
        .AddAuditTrail(o => o.ConnectionString = "Data Source=unused.db")
        .UseStore(_ => new Tests.Writing.RecordingStore())
        .Services.BuildServiceProvider();

    private IAuditIngest Ingest => _services.GetRequiredService<IAuditIngest>();

    public void Dispose() => _services.Dispose();

    [Fact]
    public void APublishedUnitReadsBackUnderTheSubjectsService()
    {
        var at = new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.Zero);
        var request = new RequestAuditEvent { Id = Guid.CreateVersion7(at), OccurredAt = at, ServiceName = "claimed", Method = "GET", Scheme = "https", Path = "/api/x", StatusCode = 200,
            DurationMs = 1, RequestBodyStatus = BodyCaptureStatus.None, ResponseBodyStatus = BodyCaptureStatus.None,
        };
        var unit = new AuditUnit { Request = request, Logins = [new() { Id = Guid.CreateVersion7(at), OccurredAt = at, RequestEventId = request.Id, Status = LoginStatus.SignIn, UserName = "ana" }] };

        var result = NatsMessageReader.Read(Ingest, NatsAuditStore.Message(unit), "orders-api", 1000);

        Assert.Null(result.Error);
        var read = Assert.Single(result.Units!);
        Assert.Equal(request.Id, read.Request!.Id);
        Assert.Equal("orders-api", read.Request.ServiceName);
        Assert.Equal("ana", Assert.Single(read.Logins).UserName);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("{not json", "not JSON")]
    [InlineData("""{"version":1,"items":[{"kind":"request","id":"nope"}]}""", "items")]
    public void AMessageThatCanNeverBeWrittenSaysWhy(string body, string expected)
    {
        var result = NatsMessageReader.Read(Ingest, Encoding.UTF8.GetBytes(body), "orders-api", 1000);
        Assert.Null(result.Units);
        Assert.Contains(expected, result.Error);
    }
}
