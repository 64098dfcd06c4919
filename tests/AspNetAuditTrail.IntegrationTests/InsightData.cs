using AspNetAuditTrail.Events;

namespace AspNetAuditTrail.IntegrationTests;

/// <summary>
/// One day of activity with known figures (Wednesday 2026-11-18, UTC), and the two weeks before it, for the overview,
/// the suspicious-activity view and their reports. The comments give the numbers the tests expect.
/// </summary>
internal static class InsightData
{
    public static readonly DateTimeOffset Day = new(2026, 11, 18, 0, 0, 0, TimeSpan.Zero);

    /// <summary><c>from</c> and <c>to</c> of the day, for a query string.</summary>
    public const string Period = "from=2026-11-18T00:00:00Z&to=2026-11-19T00:00:00Z";

    /// <summary>Requests in the day: 30 + 6 + 4 + 25 + 2 + 150 + 120.</summary>
    public const int Requests = 337;

    /// <summary>Makes the schema and writes the rows, through the store (as an app would).</summary>
    public static async Task SeedAsync(Databases.AuditDatabase database)
    {
        var store = database.CreateStore();
        await ((Storage.IAuditSchemaMigrator)store).MigrateAsync(TestContext.Current.CancellationToken);
        await store.WriteAsync(Units(), TestContext.Current.CancellationToken);
    }

    public static IReadOnlyList<AuditUnit> Units()
    {
        var units = new List<AuditUnit>();
        void Add(int count, Func<int, RequestAuditEvent> request) => units.AddRange(Enumerable.Range(0, count).Select(i => new AuditUnit { Request = request(i) }));

        // 30 GET /api/orders of 1 to 30 ms at 09:00 (10 of tenant acme); 6 404s at 10:00; 4 500s of 100 ms at 11:00.
        Add(30, i => Request(Day.AddHours(9).AddSeconds(i), "GET", "/api/orders", 200, i + 1, "ana", "10.0.0.1", i < 10 ? "acme" : null));
        Add(6, i => Request(Day.AddHours(10).AddSeconds(i), "GET", "/api/missing", 404, 1, "ana", "10.0.0.1"));
        Add(4, i => Request(Day.AddHours(11).AddSeconds(i), "POST", "/api/orders", 500, 100, "ana", "10.0.0.1"));

        // 25 403s to mallory within half an hour: probing.
        Add(25, i => Request(Day.AddHours(14).AddMinutes(i), "GET", $"/api/orders/{i}", 403, 2, "mallory", "198.51.100.20"));

        // dave administers at 10:00 (working hours) and at 22:30 (not).
        Add(2, i => Request(Day.AddHours(i == 0 ? 10 : 22.5), "POST", "/admin/users", 200, 3, "dave", "10.0.0.4"));

        // erin usually makes 10 requests a day and makes 150 today; frank usually 50 and makes 120 (under 3 times).
        for (var day = 1; day <= 14; day++)
        {
            Add(10, i => Request(Day.AddDays(-day).AddHours(12).AddSeconds(i), "GET", "/api/reports", 200, 5, "erin", "10.0.0.5"));
            Add(50, i => Request(Day.AddDays(-day).AddHours(12).AddSeconds(i), "GET", "/api/reports", 200, 5, "frank", "10.0.0.6"));
        }

        Add(150, i => Request(Day.AddHours(12).AddSeconds(i), "GET", "/api/reports", 200, 5, "erin", "10.0.0.5"));
        Add(120, i => Request(Day.AddHours(12).AddSeconds(i), "GET", "/api/reports", 200, 5, "frank", "10.0.0.6"));

        // Sign-ins: 6 failures for victim from 203.0.113.5 within 5 minutes (brute force), 3 for oops hours apart, 2 successes.
        var logins = new List<LoginAuditEvent>();
        logins.AddRange(Enumerable.Range(0, 6).Select(i => Login(Day.AddHours(3).AddMinutes(i), LoginStatus.Failed, "victim", "203.0.113.5")));
        logins.AddRange(Enumerable.Range(0, 3).Select(i => Login(Day.AddHours(4 + (3 * i)), LoginStatus.Failed, "oops", "198.51.100.7")));
        logins.AddRange(Enumerable.Range(0, 2).Select(i => Login(Day.AddHours(9).AddMinutes(i), LoginStatus.SignIn, "ana", "10.0.0.1")));

        // Security: mallory reaches for another tenant's records twice; one suspicious-activity alarm.
        SecurityAuditEvent[] security =
        [
            .. Enumerable.Range(0, 2).Select(i => Security(Day.AddHours(15).AddMinutes(i), SecurityEventType.AccessDenied, SecuritySeverity.Warning, "mallory",
                """{"reason":"WrongTenant","resource":"order 7","tenantId":"globex"}""")),
            Security(Day.AddHours(3).AddMinutes(5), SecurityEventType.SuspiciousActivity, SecuritySeverity.Critical, "victim", """{"reason":"repeated failed sign-ins"}"""),
        ];

        // Business events: 3 of category orders, 1 of billing.
        BusinessAuditEvent[] events = [.. new[] { "orders", "orders", "orders", "billing" }.Select((category, i) => Business(Day.AddHours(16).AddMinutes(i), category))];
        // A checkout whose second step has no registration: incomplete.
        var process = new ProcessAuditEvent { Id = Guid.CreateVersion7(Day.AddHours(17)), OccurredAt = Day.AddHours(17), Name = "Checkout", CreatedBy = "ana" };
        StepAuditEvent[] steps =
        [
            .. new[] { "Reserve stock", "Charge card" }.Select((name, i) => new StepAuditEvent
            {
                Id = Guid.CreateVersion7(Day.AddHours(17)), OccurredAt = Day.AddHours(17).AddSeconds(i + 1), ProcessId = process.Id, Name = name, Order = i + 1, ExpectedRegistrations = 1, CreatedBy = "ana",
            }),
        ];
        RegistrationAuditEvent[] registrations = [new() { Id = Guid.CreateVersion7(Day.AddHours(17)), OccurredAt = Day.AddHours(17).AddSeconds(3), StepId = steps[0].Id, Success = true, Name = "stock", Description = "2 reserved" }];
        units.Add(new AuditUnit { Logins = logins, SecurityEvents = security, BusinessEvents = events, Processes = [process], Steps = steps, Registrations = registrations });
        return units;
    }

    private static RequestAuditEvent Request(DateTimeOffset at, string method, string path, int status, double ms, string user, string ip, string? tenant = null) => new()
    {
        Id = Guid.CreateVersion7(at), OccurredAt = at, TenantId = tenant, Method = method, Scheme = "https", Path = path, StatusCode = status, DurationMs = ms,
        UserId = user, IpAddress = ip, RequestBodyStatus = BodyCaptureStatus.None, ResponseBodyStatus = BodyCaptureStatus.None,
    };

    private static LoginAuditEvent Login(DateTimeOffset at, LoginStatus status, string user, string ip) =>
        new() { Id = Guid.CreateVersion7(at), OccurredAt = at, Status = status, UserName = user, UserId = status == LoginStatus.SignIn ? user : null, IpAddress = ip };

    private static SecurityAuditEvent Security(DateTimeOffset at, SecurityEventType type, SecuritySeverity severity, string user, string details) =>
        new() { Id = Guid.CreateVersion7(at), OccurredAt = at, EventType = type, Severity = severity, UserId = user, UserName = user, IpAddress = "198.51.100.20", Details = details };

    private static BusinessAuditEvent Business(DateTimeOffset at, string category) =>
        new() { Id = Guid.CreateVersion7(at), OccurredAt = at, ReceivedAt = at, Level = AuditLevel.Info, Category = category, Action = "order.placed", UserId = "ana" };
}
