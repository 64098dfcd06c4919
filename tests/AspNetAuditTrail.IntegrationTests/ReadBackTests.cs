using System.Text.Json;
using AspNetAuditTrail.Events;
using AspNetAuditTrail.IntegrationTests.Databases;
using AspNetAuditTrail.Reading;
using AspNetAuditTrail.Storage;

namespace AspNetAuditTrail.IntegrationTests;

/// <summary>Every event record, with every property set, comes back from its table as it was written.</summary>
public abstract class ReadBackTests(AuditDatabase database) : DatabaseTest(database)
{
    private static readonly DateTimeOffset At = new(2026, 11, 30, 9, 15, 42, 123, TimeSpan.Zero);

    // JSON in the form PostgreSQL's jsonb gives it back, so that text equality holds on every dialect.
    private const string Json = """{"k": "v"}""";

    [Fact]
    public async Task EveryColumnOfEveryTableIsReadBackIntoItsRecord()
    {
        var unit = FullUnit();
        var store = Database.CreateStore();
        await ((IAuditSchemaMigrator)store).MigrateAsync(Token);
        await store.WriteAsync([unit], Token);
        var reader = (IAuditReader)store;

        var details = await reader.GetRequestAsync(unit.Request!.Id, null, Token);

        Assert.NotNull(details);
        Assert.Equal(JsonSerializer.Serialize(unit.Request), JsonSerializer.Serialize(details.Request));
        Assert.Equal(unit.Logins, details.Logins);
        Assert.Equal(unit.SecurityEvents, details.SecurityEvents);
        Assert.Equal(unit.Processes, details.Processes);
        Assert.Equal(unit.Steps, details.Steps);
        Assert.Equal(unit.Registrations, details.Registrations);
        Assert.Equal(unit.BusinessEvents, details.BusinessEvents);
        Assert.Equal(unit.EntityChanges, details.EntityChanges);
        Assert.Equal(unit.EntityChanges, await ToListAsync(reader.StreamAsync<EntityChangeAuditEvent>(null, null, new AuditTenant("globex"), Token)));
        Assert.Equal(unit.BusinessEvents, await ToListAsync(reader.StreamAsync<BusinessAuditEvent>(null, null, null, Token)));
        Assert.Equal(unit.Steps, await ToListAsync(reader.StreamAsync<StepAuditEvent>(At, null, null, Token)));
        Assert.Equal(unit.Registrations, await ToListAsync(reader.StreamAsync<RegistrationAuditEvent>(null, At.AddDays(1), null, Token)));
    }

    private static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> rows)
    {
        var list = new List<T>();
        await foreach (var row in rows)
        {
            list.Add(row);
        }

        return list;
    }

    private static AuditUnit FullUnit()
    {
        var request = new RequestAuditEvent
        {
            Id = Guid.CreateVersion7(At), OccurredAt = At, ServiceName = "billing-api", TenantId = "globex", SubtenantId = "finance", AnonymizedAt = At.AddDays(1), Method = "PATCH", Scheme = "https", Host = "api.example.com:8443",
            Path = "/api/orders/7", QueryString = "expand=lines&x=%C3%A7", StatusCode = 422, DurationMs = 12.5, ResponseSize = 5_000_000_000,
            IpAddress = "2001:db8::7", UserAgent = "tests/1.0", UserId = "ana", RequestContentType = "application/json",
            RequestBody = """{"password":"***"}""", RequestBodyStatus = BodyCaptureStatus.Truncated, ResponseContentType = "application/problem+json",
            ResponseBody = "ação", ResponseBodyStatus = BodyCaptureStatus.CaptureFailed, ErrorType = "System.InvalidOperationException",
            ErrorMessage = "bad", ErrorStackTrace = "at X()", ExtraInformation = Json, TraceId = "0af7651916cd43dd8448eb211c80319c",
            RequestId = "0HN:00000001", Controller = "Orders", Action = "Patch", RouteTemplate = "api/orders/{id}", RouteValues = Json,
            ActionArguments = Json, ValidationErrors = Json, ResultType = "ObjectResult", ResultStatusCode = 422,
        };
        var process = new ProcessAuditEvent
        {
            Id = Guid.CreateVersion7(At), OccurredAt = At, ServiceName = "billing-api", TenantId = "globex", SubtenantId = "finance", RequestEventId = request.Id, Name = "Checkout", Description = "d",
            CreatedBy = "ana", ExtraInformation = Json,
        };
        var step = new StepAuditEvent
        {
            Id = Guid.CreateVersion7(At), OccurredAt = At, ServiceName = "billing-api", TenantId = "globex", SubtenantId = "finance", ProcessId = process.Id, Name = "Pay", Description = "d", Order = 3,
            ExpectedRegistrations = 2, CreatedBy = "ana",
        };
        return new AuditUnit
        {
            Request = request,
            Logins = [new() { Id = Guid.CreateVersion7(At), OccurredAt = At, ServiceName = "billing-api", TenantId = "globex", SubtenantId = "finance", RequestEventId = request.Id, Status = LoginStatus.SignOut, UserName = "ana@example.com", UserId = "ana", IpAddress = "10.0.0.1", ExtraInformation = Json }],
            SecurityEvents =
            [
                new()
                {
                    Id = Guid.CreateVersion7(At), OccurredAt = At, ServiceName = "billing-api", TenantId = "globex", SubtenantId = "finance", RequestEventId = request.Id, EventType = SecurityEventType.SuspiciousActivity,
                    Severity = SecuritySeverity.Critical, UserId = "ana", UserName = "ana@example.com", IpAddress = "10.0.0.1", Endpoint = "PATCH /api/orders/7", Details = Json,
                },
            ],
            Processes = [process],
            Steps = [step],
            BusinessEvents =
            [
                new()
                {
                    Id = Guid.CreateVersion7(At), OccurredAt = At, ReceivedAt = At.AddSeconds(1), ServiceName = "billing-api", TenantId = "globex", SubtenantId = "finance", Level = AuditLevel.Critical,
                    Category = "Billing", Action = "invoice.void", Message = "m", Outcome = AuditEventOutcome.Failure, UserKey = "sub-1", UserId = "ana",
                    SessionId = "s1", ResourceType = "invoice", ResourceId = "42", Input = Json, Output = Json, Metadata = Json, ErrorCode = "E1",
                    ErrorMessage = "bad", StackTrace = "at Y()", DurationMs = 3.25, RequestEventId = request.Id, TraceId = "0af7651916cd43dd8448eb211c80319c",
                    IpAddress = "10.0.0.2",
                },
            ],
            Registrations = [new() { Id = Guid.CreateVersion7(At), OccurredAt = At, ServiceName = "billing-api", TenantId = "globex", SubtenantId = "finance", StepId = step.Id, Success = true, Name = "card", Description = "d", CreatedBy = "ana" }],
            EntityChanges =
            [
                new()
                {
                    Id = Guid.CreateVersion7(At), OccurredAt = At, ServiceName = "billing-api", TenantId = "globex", SubtenantId = "finance", AnonymizedAt = At.AddDays(2),
                    RequestEventId = request.Id, ProcessId = process.Id, UserId = "ana", EntityType = "Product", TableName = "products", EntityId = """{"shop": 1, "sku": "a"}""",
                    Action = EntityChangeAction.Updated, Before = Json, After = Json, ChangedFields = Json, Source = EntityChangeSource.Database, TransactionId = "tx-9",
                },
            ],
        };
    }
}
