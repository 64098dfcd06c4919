using AspNetAuditTrail.Events;

namespace AspNetAuditTrail.Tests.Processes;

public class ProcessOutcomeTests
{
    private static readonly Guid ProcessId = Guid.CreateVersion7();

    private static StepAuditEvent Step(string name, int order, int expected) => new()
    {
        Id = Guid.CreateVersion7(),
        OccurredAt = DateTimeOffset.UnixEpoch,
        ProcessId = ProcessId,
        Name = name,
        Order = order,
        ExpectedRegistrations = expected,
    };

    private static RegistrationAuditEvent Registration(StepAuditEvent step, bool success) => new()
    {
        Id = Guid.CreateVersion7(),
        OccurredAt = DateTimeOffset.UnixEpoch,
        StepId = step.Id,
        Success = success,
    };

    [Theory]
    [InlineData(2, "", "Incomplete")]
    [InlineData(2, "s", "Incomplete")]
    [InlineData(2, "ss", "Succeeded")]
    [InlineData(2, "sf", "Failed")]
    [InlineData(2, "f", "Failed")]
    [InlineData(1, "fs", "Succeeded")]
    [InlineData(2, "sss", "Succeeded")]
    [InlineData(0, "", "Succeeded")]
    public void AStepSucceedsWhenItsSuccessfulRegistrationsReachTheExpectedCount(int expected, string registrations, string outcome)
    {
        var step = Step("validation", 1, expected);

        var result = ProcessOutcome.Evaluate([step], registrations.Select(r => Registration(step, r == 's')));

        Assert.Equal(Enum.Parse<AuditOutcome>(outcome), Assert.Single(result.Steps).Outcome);
        Assert.Equal(Enum.Parse<AuditOutcome>(outcome), result.Outcome);
    }

    [Fact]
    public void AProcessWithARegistrationMissingIsIncompleteNotASuccess()
    {
        var validation = Step("validation", 1, 2);
        var save = Step("save", 2, 1);

        var result = ProcessOutcome.Evaluate([save, validation], [Registration(validation, true), Registration(validation, true)]);

        Assert.Equal(AuditOutcome.Incomplete, result.Outcome);
        Assert.False(result.Succeeded);
        Assert.Equal(["validation", "save"], result.Steps.Select(s => s.Name));
        Assert.Equal([0, 1], result.Steps.Select(s => s.Missing));
    }

    [Fact]
    public void AFailedStepFailsTheProcessEvenWhenAnotherIsIncomplete()
    {
        var validation = Step("validation", 1, 1);
        var save = Step("save", 2, 1);

        var result = ProcessOutcome.Evaluate([validation, save], [Registration(validation, false)]);

        Assert.Equal(AuditOutcome.Failed, result.Outcome);
    }

    [Fact]
    public void EveryStepSucceededIsASuccess()
    {
        var validation = Step("validation", 1, 2);
        var save = Step("save", 2, 1);

        var result = ProcessOutcome.Evaluate(
            [validation, save],
            [Registration(validation, true), Registration(validation, true), Registration(save, true), Registration(Step("other", 3, 1), false)]);

        Assert.True(result.Succeeded);
    }
}
