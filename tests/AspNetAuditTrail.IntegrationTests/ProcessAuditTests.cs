using System.Net;
using System.Net.Http.Json;
using AspNetAuditTrail.Events;
using AspNetAuditTrail.IntegrationTests.Databases;
using AspNetAuditTrail.Sample;
using Microsoft.Extensions.DependencyInjection;

namespace AspNetAuditTrail.IntegrationTests;

public abstract class ProcessAuditTests(AuditDatabase database) : DatabaseTest(database)
{
    private List<IDictionary<string, object?>> Processes() =>
        Database.Query($"SELECT * FROM {Database.Table("process_audit_event")} ORDER BY occurred_at, id");

    /// <summary>A process's outcome, derived from its rows as they were read back.</summary>
    private ProcessOutcome OutcomeOf(object? processId)
    {
        var steps = Database.Query($"SELECT * FROM {Database.Table("step_audit_event")} WHERE process_id = @id", new { id = Id(processId) })
            .Select(s => new StepAuditEvent
            {
                Id = Guid.Parse((string)s["id"]!),
                OccurredAt = DateTimeOffset.UnixEpoch,
                ProcessId = Guid.Parse((string)s["process_id"]!),
                Name = (string)s["name"]!,
                Order = (int)(long)s["step_order"]!,
                ExpectedRegistrations = (int)(long)s["expected_registrations"]!,
            })
            .ToArray();
        var registrations = steps.SelectMany(step => Registrations(step.Id)).ToArray();
        return ProcessOutcome.Evaluate(steps, registrations);
    }

    private IEnumerable<RegistrationAuditEvent> Registrations(Guid stepId) =>
        Database.Query($"SELECT * FROM {Database.Table("registration_audit_event")} WHERE step_id = @id", new { id = Id(stepId.ToString()) })
            .Select(r => new RegistrationAuditEvent
            {
                Id = Guid.Parse((string)r["id"]!),
                OccurredAt = DateTimeOffset.UnixEpoch,
                StepId = stepId,
                Success = (long)r["success"]! == 1,
                Name = (string?)r["name"],
                Description = (string?)r["description"],
            });

    /// <summary>An id as a query parameter: text on SQLite, a UUID elsewhere.</summary>
    private object Id(object? id) => Database.Provider == "Sqlite" ? (string)id! : Guid.Parse((string)id!);

    private List<(string Step, long Success, string Name, string Description)> RegistrationRows(object? processId) =>
        Database.Query($"""
            SELECT s.name AS step, s.step_order, r.success, r.name, r.description, r.occurred_at
            FROM {Database.Table("registration_audit_event")} r JOIN {Database.Table("step_audit_event")} s ON s.id = r.step_id
            WHERE s.process_id = @id ORDER BY s.step_order, r.occurred_at, r.id
            """, new { id = Id(processId) })
            .Select(r => ((string)r["step"]!, (long)r["success"]!, (string)r["name"]!, (string)r["description"]!))
            .ToList();

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string path, object body, string user = "clerk-1")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Add("X-Test-User", user);
        return client.SendAsync(request, Token);
    }

    [Fact]
    public async Task ASuccessfulCreationRecordsItsStepsAndRegistrationsOnItsRequest()
    {
        await using var app = new SampleApp(Database);

        var response = await PostAsync(app.CreateClient(), "/api/products", new { code = "PX-1", name = "Pen", price = 2.5 });
        var request = Assert.Single(await app.DrainAsync());

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var process = Assert.Single(Processes());
        Assert.Equal(("Create product", "clerk-1", request["id"]), ((string)process["name"]!, (string)process["created_by"]!, process["request_event_id"]));
        Assert.Equal("""{"productId":3}""", process["extra_information"]);
        var steps = Database.Query($"SELECT name, step_order, expected_registrations FROM {Database.Table("step_audit_event")} ORDER BY step_order");
        Assert.Equal([("validation", 1L, 2L), ("save", 2L, 1L)],
            steps.Select(s => ((string)s["name"]!, (long)s["step_order"]!, (long)s["expected_registrations"]!)));
        Assert.Equal(
            [("validation", 1L, "code", "Code 'PX-1' is valid."), ("validation", 1L, "data", "Name and price are valid."), ("save", 1L, "product", "Product 3 saved.")],
            RegistrationRows(process["id"]));
        var outcome = OutcomeOf(process["id"]);
        Assert.Equal(AuditOutcome.Succeeded, outcome.Outcome);
        Assert.True(outcome.Succeeded);
    }

    [Fact]
    public async Task InvalidInputIsAFailedRegistrationWithTheErrorsAndLeavesTheSaveStepIncomplete()
    {
        await using var app = new SampleApp(Database);

        var response = await PostAsync(app.CreateClient(), "/api/products", new { code = "", name = "", price = 0 });
        await app.DrainAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var process = Assert.Single(Processes());
        Assert.Equal(
            [("validation", 0L, "code", "The code is required."), ("validation", 0L, "data", "The name is required. The price must be greater than zero.")],
            RegistrationRows(process["id"]));
        var outcome = OutcomeOf(process["id"]);
        Assert.Equal(AuditOutcome.Failed, outcome.Outcome);
        Assert.Equal([AuditOutcome.Failed, AuditOutcome.Incomplete], outcome.Steps.Select(s => s.Outcome));
    }

    [Fact]
    public async Task AnExceptionWhileSavingIsAFailedRegistrationAndTheRowsSurviveTheFailedRequest()
    {
        await using var app = new SampleApp(Database);
        var client = app.CreateClient();

        await PostAsync(client, "/api/products", new { code = "DUP", name = "First", price = 1 });
        var response = await PostAsync(client, "/api/products", new { code = "DUP", name = "Second", price = 1 });
        var requests = await app.DrainAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var failedRequest = requests.Single(r => (long)r["status_code"]! == 500);
        var process = Processes().Single(p => Equals(p["request_event_id"], failedRequest["id"]));
        Assert.Equal(("save", 0L, "product", "InvalidOperationException: A product with the code 'DUP' already exists."), RegistrationRows(process["id"])[2]);
        Assert.Equal(AuditOutcome.Failed, OutcomeOf(process["id"]).Outcome);
        Assert.Equal("System.InvalidOperationException", failedRequest["error_type"]);
    }

    [Fact]
    public async Task EveryProcessOfARequestIsLinkedToIt()
    {
        await using var app = new SampleApp(Database);

        var response = await PostAsync(app.CreateClient(), "/api/products/batch",
            new object[] { new { code = "B-1", name = "One", price = 1 }, new { code = "B-2", name = "", price = 1 } });
        var request = Assert.Single(await app.DrainAsync());

        Assert.Equal("[201,400]", await response.Content.ReadAsStringAsync(Token));
        var processes = Processes();
        Assert.Equal(2, processes.Count);
        Assert.All(processes, p => Assert.Equal(request["id"], p["request_event_id"]));
        Assert.Equal([AuditOutcome.Succeeded, AuditOutcome.Failed], processes.Select(p => OutcomeOf(p["id"]).Outcome));
    }

    [Fact]
    public async Task AProcessOutsideAnyRequestIsWrittenWhenDisposedAndMissingRegistrationsAreNotASuccess()
    {
        await using var app = new SampleApp(Database);
        ProcessOutcome outcome;
        using (var scope = app.Services.CreateScope())
        {
            var process = scope.ServiceProvider.GetRequiredService<CreateProductProcessAudit>();
            process.CodeChecked("JOB-1", []);
            process.DataChecked([]);
            outcome = process.Outcome;
        }

        await app.DrainAsync();

        Assert.Equal(AuditOutcome.Incomplete, outcome.Outcome);
        Assert.False(outcome.Succeeded);
        Assert.Equal(1, outcome.Steps.Single(s => s.Name == "save").Missing);
        var row = Assert.Single(Processes());
        Assert.Null(row["request_event_id"]);
        Assert.Null(row["created_by"]);
        Assert.Equal(2, RegistrationRows(row["id"]).Count);
        Assert.Equal(AuditOutcome.Incomplete, OutcomeOf(row["id"]).Outcome);
        Assert.Empty(Database.RequestRows());
    }
}
