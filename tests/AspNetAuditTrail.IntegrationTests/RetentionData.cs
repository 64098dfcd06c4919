using AspNetAuditTrail.Events;

namespace AspNetAuditTrail.IntegrationTests;

/// <summary>
/// Rows of every kind at known ages and tenants, for retention and anonymisation tests: per tenant and age, a request
/// with everything linked to it (a sign-in, a security event, a process with two steps of one registration each, a
/// business event of category <c>orders</c> and one of <c>billing</c>, a change of a customer), and a request alone.
/// </summary>
internal static class RetentionData
{
    public static readonly string?[] Tenants = [null, "acme", "globex"];

    /// <summary>Ages in days, none near a cut of the tests' periods.</summary>
    public static readonly int[] Ages = [5, 8, 20, 40, 100, 200, 420, 500];

    public static IReadOnlyList<AuditUnit> Units(DateTimeOffset now, string user = "ana", string ip = "10.0.0.1") =>
        [.. Tenants.SelectMany(tenant => Ages.SelectMany(age => new[] { Linked(now.AddDays(-age), tenant, user, ip), Alone(now.AddDays(-age), tenant, user, ip) }))];

    private static AuditUnit Alone(DateTimeOffset at, string? tenant, string user, string ip) => new() { Request = Request(at, tenant, user, ip) };

    private static AuditUnit Linked(DateTimeOffset at, string? tenant, string user, string ip)
    {
        var request = Request(at, tenant, user, ip);
        var process = new ProcessAuditEvent { Id = Guid.CreateVersion7(at), OccurredAt = at, TenantId = tenant, RequestEventId = request.Id, Name = "Checkout", CreatedBy = user };
        StepAuditEvent[] steps =
        [
            .. Enumerable.Range(1, 2).Select(order => new StepAuditEvent
            {
                Id = Guid.CreateVersion7(at), OccurredAt = at.AddSeconds(order), TenantId = tenant, ProcessId = process.Id, Name = $"Step {order}", Order = order, ExpectedRegistrations = 1, CreatedBy = user,
            }),
        ];
        return new AuditUnit
        {
            Request = request,
            Logins = [new() { Id = Guid.CreateVersion7(at), OccurredAt = at, TenantId = tenant, RequestEventId = request.Id, Status = LoginStatus.SignIn, UserName = user, UserId = user, IpAddress = ip }],
            SecurityEvents =
            [
                new()
                {
                    Id = Guid.CreateVersion7(at), OccurredAt = at, TenantId = tenant, RequestEventId = request.Id, EventType = SecurityEventType.AccessDenied,
                    Severity = SecuritySeverity.Warning, UserId = user, UserName = user, IpAddress = ip, Endpoint = "GET /api/orders",
                },
            ],
            Processes = [process],
            Steps = steps,
            Registrations = [.. steps.Select(s => new RegistrationAuditEvent { Id = Guid.CreateVersion7(at), OccurredAt = at.AddSeconds(3), TenantId = tenant, StepId = s.Id, Success = true, CreatedBy = user })],
            BusinessEvents =
            [
                .. new[] { "orders", "billing" }.Select(category => new BusinessAuditEvent
                {
                    Id = Guid.CreateVersion7(at), OccurredAt = at, ReceivedAt = at, TenantId = tenant, Level = AuditLevel.Info, Category = category, Action = "order.placed",
                    UserId = user, UserKey = user, IpAddress = ip, RequestEventId = request.Id, Input = $$"""{"customer": "{{user}}"}""",
                }),
            ],
            EntityChanges =
            [
                new()
                {
                    Id = Guid.CreateVersion7(at), OccurredAt = at, TenantId = tenant, RequestEventId = request.Id, UserId = user, EntityType = "Customer", EntityId = "7",
                    Action = EntityChangeAction.Updated, Before = $$"""{"name": "{{user}}"}""", After = """{"name": "x"}""", ChangedFields = $$$"""{"name": {"before": "{{{user}}}", "after": "x"}}""",
                },
            ],
        };
    }

    private static RequestAuditEvent Request(DateTimeOffset at, string? tenant, string user, string ip) => new()
    {
        Id = Guid.CreateVersion7(at), OccurredAt = at, TenantId = tenant, Method = "POST", Scheme = "https", Path = $"/api/users/{user}/orders", StatusCode = 200,
        DurationMs = 1, UserId = user, IpAddress = ip, UserAgent = "tests/1.0", RequestBody = $$"""{"name": "{{user}}"}""", RequestBodyStatus = BodyCaptureStatus.Captured,
        ResponseBodyStatus = BodyCaptureStatus.None,
    };
}
