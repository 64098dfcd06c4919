using System.Text;
using System.Text.Json;
using AspNetAuditTrail.Events;
using AspNetAuditTrail.Wire;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;

namespace AspNetAuditTrail.Tests.Wire;

/// <summary>The wire format: what a forwarder writes, a collector reads back; what it refuses, it names.</summary>
public sealed class AuditWireFormatTests : IDisposable
{
    private static readonly DateTimeOffset At = new(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);
    private readonly ServiceProvider _services;
    private readonly IAuditIngest _ingest;

    public AuditWireFormatTests()
    {
        _services = new ServiceCollection()
            .AddSingleton<IHostEnvironment>(new HostingEnvironment { ApplicationName = "wire-tests" })
            .AddAuditTrail(o => { o.ConnectionString = "Data Source=unused.db"; o.MaxBodySize = 200; o.MaskedFields = ["cardNumber"]; })
            .UseStore(_ => new Tests.Writing.RecordingStore())
            .Services.BuildServiceProvider();
        _ingest = _services.GetRequiredService<IAuditIngest>();
    }

    public void Dispose() => _services.Dispose();

    private static AuditUnit Unit()
    {
        var request = new RequestAuditEvent
        {
            Id = Guid.CreateVersion7(At), OccurredAt = At, ServiceName = "sender-says", Method = "POST", Scheme = "https", Path = "/api/orders",
            StatusCode = 201, DurationMs = 4.5, RequestBodyStatus = BodyCaptureStatus.Captured, ResponseBodyStatus = BodyCaptureStatus.None,
            RequestBody = "line 1\nline 2", ExtraInformation = """{"orderId":7}""",
        };
        var process = new ProcessAuditEvent { Id = Guid.CreateVersion7(At), OccurredAt = At, RequestEventId = request.Id, Name = "Checkout" };
        var step = new StepAuditEvent { Id = Guid.CreateVersion7(At), OccurredAt = At, ProcessId = process.Id, Name = "pay", Order = 1, ExpectedRegistrations = 1 };
        return new AuditUnit
        {
            Request = request,
            Logins = [new() { Id = Guid.CreateVersion7(At), OccurredAt = At, RequestEventId = request.Id, Status = LoginStatus.SignIn, UserName = "ana" }],
            Processes = [process],
            Steps = [step],
            Registrations = [new() { Id = Guid.CreateVersion7(At), OccurredAt = At, StepId = step.Id, Success = true }],
            BusinessEvents =
            [
                new()
                {
                    Id = Guid.CreateVersion7(At), OccurredAt = At, ReceivedAt = At, Level = AuditLevel.Warning, Category = "Billing", Action = "order.place",
                    UserKey = "sub-1", RequestEventId = request.Id, Input = """{"cardNumber":"4111","n":1}""",
                },
            ],
        };
    }

    private static JsonElement Batch(params AuditUnit[] units)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            AuditWireFormat.WriteBatch(writer, units);
        }

        return JsonDocument.Parse(buffer.ToArray()).RootElement;
    }

    private (bool Ok, IReadOnlyList<AuditUnit> Units, IReadOnlyDictionary<string, string[]> Errors) Read(string json, int maxItems = 100)
    {
        var ok = _ingest.TryRead(JsonDocument.Parse(json).RootElement, "billing-api", maxItems, out var units, out var errors);
        return (ok, units, errors);
    }

    [Fact]
    public void AWrittenBatchReadsBackAsItsUnitWithTheSendersServiceName()
    {
        var sent = Unit();
        var batch = Batch(sent);

        Assert.True(_ingest.TryRead(batch, "billing-api", 100, out var units, out var errors), string.Join("; ", errors.Select(e => $"{e.Key}: {e.Value[0]}")));

        var unit = Assert.Single(units);
        Assert.Equal(1, batch.GetProperty("version").GetInt32());
        Assert.Equal(["request", "login", "process", "step", "registration", "event"], batch.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("kind").GetString()));
        Assert.Equal(JsonSerializer.Serialize(sent.Request), JsonSerializer.Serialize(unit.Request).Replace("billing-api", "sender-says", StringComparison.Ordinal));
        Assert.Equal(sent.Logins[0] with { ServiceName = "billing-api" }, Assert.Single(unit.Logins));
        Assert.Equal(sent.Steps[0] with { ServiceName = "billing-api" }, Assert.Single(unit.Steps));
        var businessEvent = Assert.Single(unit.BusinessEvents);
        Assert.Equal(("billing-api", "sub-1", AuditLevel.Warning), (businessEvent.ServiceName, businessEvent.UserId, businessEvent.Level));
        Assert.Equal("""{"cardNumber":"***","n":1}""", businessEvent.Input);
    }

    [Fact]
    public void AnEventFromAnySenderNeedsOnlyItsAction()
    {
        var (ok, units, _) = Read("""{"action":"cluster.create","message":"Cluster\u0007 created","userKey":"u-1","metadata":{"password":"x","big":"%BIG%"}}""".Replace("%BIG%", new string('x', 500), StringComparison.Ordinal));

        Assert.True(ok);
        var e = Assert.Single(Assert.Single(units).BusinessEvents);
        Assert.Equal((AuditLevel.Info, AuditCategories.UserAction, "billing-api", "u-1"), (e.Level, e.Category, e.ServiceName, e.UserId));
        Assert.Equal(7, e.Id.Version);
        Assert.Equal("Cluster\\u0007 created", e.Message);
        Assert.Equal("""{"password":"***","big":"[omitted: 502 bytes]"}""", e.Metadata);
    }

    [Fact]
    public void AChangeOfARecordTravelsWithItsValuesMasked()
    {
        var (ok, units, errors) = Read("""
            {"version":1,"items":[{"kind":"change","id":"0198a000-0000-7000-8000-000000000001","occurredAt":"2026-12-01T10:00:00Z","entityType":"Product","entityId":"7",
            "action":"Updated","before":{"price":1,"pin":"1234"},"after":{"price":2,"pin":"9999"},"changedFields":{"price":{"before":1,"after":2}},"source":"Application"}]}
            """);

        Assert.True(ok, string.Join("; ", errors.Select(e => $"{e.Key}: {e.Value[0]}")));
        var change = Assert.Single(Assert.Single(units).EntityChanges);
        Assert.Equal(("Product", "7", EntityChangeAction.Updated, "billing-api"), (change.EntityType, change.EntityId, change.Action, change.ServiceName));
        Assert.Equal(("""{"price":1,"pin":"***"}""", """{"price":2,"pin":"***"}"""), (change.Before, change.After));
    }

    [Theory]
    [InlineData("""[1]""", "$")]
    [InlineData("""{"version":2,"items":[]}""", "version")]
    [InlineData("""{"version":1,"items":{}}""", "items")]
    [InlineData("""{"version":1,"items":[{"kind":"event"}]}""", "items[0].action")]
    [InlineData("""{"version":1,"items":[{"action":"a"},{"kind":"shipment","action":"a"}]}""", "items[1].kind")]
    [InlineData("""{"version":1,"items":[{"action":"a","level":"Loud"}]}""", "items[0].level")]
    [InlineData("""{"version":1,"items":[{"action":"a","level":3}]}""", "items[0].level")]
    [InlineData("""{"version":1,"items":[{"action":"a","durationMs":"slow"}]}""", "items[0].durationMs")]
    [InlineData("""{"version":1,"items":[{"action":"a","input":[1,2]}]}""", "items[0].input")]
    [InlineData("""{"version":1,"items":[{"action":"a","requestEventId":"0190a000-0000-7000-8000-000000000001"}]}""", "items[0].requestEventId")]
    [InlineData("""{"version":1,"items":[{"action":"a","id":"0190a000-0000-7000-8000-000000000001"},{"action":"b","id":"0190a000-0000-7000-8000-000000000001"}]}""", "items[1].id")]
    [InlineData("""{"version":1,"items":[{"kind":"login","id":"0190a000-0000-7000-8000-000000000001","occurredAt":"2026-12-01T10:00:00Z"}]}""", "items[0]")]
    public void ABadItemIsNamedByIndexAndFieldAndNothingIsRead(string json, string key)
    {
        var (ok, units, errors) = Read(json);

        Assert.False(ok);
        Assert.Empty(units);
        Assert.Equal(key, Assert.Single(errors).Key);
    }

    [Fact]
    public void AnUnknownFieldAndTooManyItemsAreRefused()
    {
        Assert.Equal("items[0].actoin", Assert.Single(Read("""{"action":"a","actoin":"typo"}""").Errors).Key);
        Assert.Contains("actoin", Assert.Single(Read("""{"action":"a","actoin":"typo"}""").Errors).Value[0], StringComparison.Ordinal);
        var many = "{\"version\":1,\"items\":[" + string.Join(",", Enumerable.Repeat("""{"action":"a"}""", 11)) + "]}";
        Assert.Equal("items", Assert.Single(Read(many, maxItems: 10).Errors).Key);
        Assert.True(Read(Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(many)), maxItems: 11).Ok);
    }
}
