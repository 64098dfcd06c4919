using AspNetAuditTrail.Relational;

namespace AspNetAuditTrail.Tests.Storage;

/// <summary>A row read back that its record cannot hold fails clearly (the schema's constraints normally prevent it).</summary>
public sealed class AuditRowTests
{
    private static readonly Guid Id = Guid.CreateVersion7();

    private static Dictionary<string, object?> Login(string? status) => new()
    {
        ["id"] = Id, ["occurred_at"] = DateTimeOffset.UnixEpoch, ["request_event_id"] = null, ["status"] = status,
        ["user_name"] = "ana", ["user_id"] = null, ["ip_address"] = null, ["extra_information"] = null, ["service_name"] = "api", ["tenant_id"] = null, ["subtenant_id"] = null, ["anonymized_at"] = null,
        ["chain_id"] = null, ["chain_seq"] = null, ["row_mac"] = null, ["personal_digest"] = null,
    };

    [Fact]
    public void AValidRowBecomesItsRecord()
    {
        var login = AuditTables.Login.FromRow(new AuditRow("login_audit_event", Login("Failed")));

        Assert.Equal(Events.LoginStatus.Failed, login.Status);
        Assert.Equal("ana", login.UserName);
        Assert.Null(login.RequestEventId);
    }

    [Theory]
    [InlineData("Hacked", "column status holds Hacked, which is not a LoginStatus")]
    [InlineData("7", "column status holds 7, which is not a LoginStatus")]
    [InlineData(null, "column status holds NULL, which is not a String")]
    public void AValueNoRecordCanHoldNamesTheTableTheRowAndTheColumn(string? status, string expected)
    {
        var error = Assert.Throws<InvalidDataException>(() => AuditTables.Login.FromRow(new AuditRow("login_audit_event", Login(status))));

        Assert.Contains($"Row {Id} of login_audit_event: {expected}.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AMissingColumnSaysTheSchemaIsNotThisVersions()
    {
        var row = Login("SignIn");
        row.Remove("user_name");

        var error = Assert.Throws<InvalidDataException>(() => AuditTables.Login.FromRow(new AuditRow("login_audit_event", row)));

        Assert.Contains("Table login_audit_event has no column user_name", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnIntegerTooLargeForItsPropertyIsNotWrappedAround()
    {
        Assert.Throws<OverflowException>(() => new AuditRow("t", new Dictionary<string, object?> { ["n"] = (long)int.MaxValue + 1 }).Int32("n"));
    }
}
