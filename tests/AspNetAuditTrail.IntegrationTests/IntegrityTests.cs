using AspNetAuditTrail.Integrity;
using AspNetAuditTrail.IntegrationTests.Databases;
using AspNetAuditTrail.Relational;

namespace AspNetAuditTrail.IntegrationTests;

/// <summary>
/// Tamper evidence on a real database: an untouched trail verifies, and each kind of change made with plain SQL
/// through another connection (past the append-only triggers, as an attacker with the database's keys would) is named.
/// </summary>
public abstract class IntegrityTests(AuditDatabase database) : DatabaseTest(database), IDisposable
{
    private readonly IntegrityTrail _trail = new();

    [Fact]
    public async Task AnUntouchedTrailVerifiesAsOneClosedChainCheckpointedInsideAndOutsideTheDatabase()
    {
        await _trail.WriteAsync(Database, RetentionData.Units(DateTimeOffset.UtcNow));

        var verification = await _trail.VerifyAsync(Database);

        Assert.True(verification.Verified, string.Join("\n", verification.Breaks));
        Assert.Equal(Database.RowCounts().Values.Sum(), verification.Rows);
        var chain = Assert.Single(verification.Chains);
        Assert.True(chain.Closed);
        Assert.Equal(verification.Rows, chain.LastSequence);
        Assert.Equal(chain.LastSequence, chain.CheckpointSequence);
        Assert.Equal(0, chain.UnconfirmedRows);
        Assert.Equal(0L, Database.Scalar<long>($"SELECT count(*) FROM {Database.Requests} WHERE chain_id IS NULL OR row_mac IS NULL"));
        var stored = Database.Scalar<long>($"SELECT count(*) FROM {Database.Table(AuditTables.Checkpoint)}");
        Assert.True(stored >= 3, $"{stored} checkpoints");
        Assert.Equal(stored, Directory.GetFiles(_trail.Folder, "*.json", SearchOption.AllDirectories).Length);
    }

    [Fact]
    public async Task AChangedStatusUserOrTimeIsNamedAsAChangedRow()
    {
        await _trail.WriteAsync(Database, RetentionData.Units(DateTimeOffset.UtcNow));
        var request = Row(AuditTables.Request.Name, 2);
        var login = Row(AuditTables.Login.Name, 1);
        var security = Row(AuditTables.Security.Name, 1);
        Database.ExecuteInMaintenance($"UPDATE {Database.Requests} SET status_code = 299 WHERE id = @id", new { id = request });
        Database.ExecuteInMaintenance($"UPDATE {Database.Table(AuditTables.Login.Name)} SET user_id = 'mallory' WHERE id = @id", new { id = login });
        Database.ExecuteInMaintenance(
            $"UPDATE {Database.Table(AuditTables.Security.Name)} SET occurred_at = {Database.TimeLiteral(new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc))} WHERE id = @id", new { id = security });

        var verification = await _trail.VerifyAsync(Database);

        Assert.False(verification.Verified);
        Assert.Equal(
            new[] { (AuditTables.Request.Name, request), (AuditTables.Login.Name, login), (AuditTables.Security.Name, security) }.Select(r => (r.Item1, Id(r.Item2))).Order(),
            verification.Breaks.Select(b => (Assert.IsType<string>(b.Table), b.Id!.Value)).Order());
        Assert.All(verification.Breaks, b => Assert.Equal(AuditBreakKind.RowChanged, b.Kind));
    }

    [Fact]
    public async Task ADeletedMiddleRowIsNamedMissingByItsPlace()
    {
        await _trail.WriteAsync(Database, RetentionData.Units(DateTimeOffset.UtcNow));
        var id = Row(AuditTables.Registration.Name, 3);
        var sequence = Database.Scalar<long>($"SELECT chain_seq FROM {Database.Table(AuditTables.Registration.Name)} WHERE id = @id", new { id });
        Database.ExecuteInMaintenance($"DELETE FROM {Database.Table(AuditTables.Registration.Name)} WHERE id = @id", new { id });

        var verification = await _trail.VerifyAsync(Database);

        var missing = Assert.Single(verification.Breaks);
        Assert.Equal((AuditBreakKind.RowMissing, sequence), (missing.Kind, missing.Sequence!.Value));
    }

    [Fact]
    public async Task AForgedRowIsNamedInsertedWithOrWithoutACopiedSeal()
    {
        await _trail.WriteAsync(Database, RetentionData.Units(DateTimeOffset.UtcNow));
        var original = Row(AuditTables.Request.Name, 3);
        var (unsealed, copied) = (Guid.CreateVersion7(), Guid.CreateVersion7());
        var columns = AuditTables.Request.Columns.Select(c => c.Name).ToArray();
        string Copy(bool keepSeal) =>
            $"INSERT INTO {Database.Requests} ({string.Join(", ", columns)}) SELECT " +
            string.Join(", ", columns.Select(c => c == "id" ? "@forged" : !keepSeal && c is "chain_id" or "chain_seq" or "row_mac" or "personal_digest" ? "NULL" : c)) +
            $" FROM {Database.Requests} WHERE id = @id";
        Database.Execute(Copy(keepSeal: false), new { forged = Database.IdValue(unsealed), id = original });
        Database.Execute(Copy(keepSeal: true), new { forged = Database.IdValue(copied), id = original });

        var verification = await _trail.VerifyAsync(Database);

        Assert.Equal(new[] { unsealed, copied }.Order(), verification.Breaks.Select(b => b.Id!.Value).Order());
        Assert.All(verification.Breaks, b => Assert.Equal((AuditBreakKind.RowInserted, AuditTables.Request.Name), (b.Kind, b.Table)));
    }

    [Fact]
    public async Task TwoSwappedRowsAreNamedAsAChangedOrder()
    {
        await _trail.WriteAsync(Database, RetentionData.Units(DateTimeOffset.UtcNow));
        var (a, b) = (Row(AuditTables.Request.Name, 4), Row(AuditTables.Request.Name, 5));
        var (sa, sb) = (Database.Scalar<long>($"SELECT chain_seq FROM {Database.Requests} WHERE id = @id", new { id = a }), Database.Scalar<long>($"SELECT chain_seq FROM {Database.Requests} WHERE id = @id", new { id = b }));
        Database.ExecuteInMaintenance($"UPDATE {Database.Requests} SET chain_seq = CASE WHEN id = @a THEN @sb ELSE @sa END WHERE id IN (@a, @b)", new { a, b, sa, sb });

        var verification = await _trail.VerifyAsync(Database);

        Assert.Equal(new[] { Id(a), Id(b) }.Order(), verification.Breaks.Select(x => x.Id!.Value).Order());
        Assert.All(verification.Breaks, x => Assert.Equal(AuditBreakKind.OrderChanged, x.Kind));
    }

    [Fact]
    public async Task TheNewestRowsCutWithTheDatabasesCheckpointsShowAgainstTheCheckpointFolder()
    {
        await _trail.WriteAsync(Database, RetentionData.Units(DateTimeOffset.UtcNow));
        var last = Database.Scalar<long>($"SELECT max(chain_seq) FROM {Database.Requests}");
        Database.CutChainsAfter(last - 6);

        Database.ExecuteInMaintenance($"DELETE FROM {Database.Table(AuditTables.Checkpoint)}");

        var verification = await _trail.VerifyAsync(Database);

        var cut = Assert.Single(verification.Breaks);
        Assert.Equal(AuditBreakKind.TailCut, cut.Kind);
        Assert.True(cut.Sequence <= last - 5, cut.Detail);
    }

    [Fact]
    public async Task AnAlteredStoredCheckpointIsNamedAndTheFoldersCopyStillVerifiesTheRows()
    {
        await _trail.WriteAsync(Database, RetentionData.Units(DateTimeOffset.UtcNow));
        var first = Database.Scalar<long>($"SELECT min(sequence) FROM {Database.Table(AuditTables.Checkpoint)}");
        Database.ExecuteInMaintenance($"UPDATE {Database.Table(AuditTables.Checkpoint)} SET chain_hash = @hash WHERE sequence = @first", new { hash = new string('a', 64), first });

        var verification = await _trail.VerifyAsync(Database);

        var altered = Assert.Single(verification.Breaks);
        Assert.Equal((AuditBreakKind.CheckpointSignature, "audit_checkpoint", first), (altered.Kind, altered.Table!, altered.Sequence!.Value));
    }

    [Fact]
    public async Task TwoAppInstancesWritingOneDatabaseEachVerifyTheirOwnChain()
    {
        await Task.WhenAll(
            _trail.WriteAsync(Database, RetentionData.Units(DateTimeOffset.UtcNow, user: "ana")),
            _trail.WriteAsync(Database, RetentionData.Units(DateTimeOffset.UtcNow, user: "bob")));

        var verification = await _trail.VerifyAsync(Database);

        Assert.True(verification.Verified, string.Join("\n", verification.Breaks));
        Assert.Equal(2, verification.Chains.Count);
        Assert.All(verification.Chains, c => Assert.True(c.Closed && c.Verified));
        Assert.Equal(Database.RowCounts().Values.Sum(), verification.Chains.Sum(c => c.Rows));
    }

    [Fact]
    public async Task RowsJournaledInAnOutageKeepTheirPlaceAndVerifyOnceReplayed()
    {
        var journal = Directory.CreateTempSubdirectory("audit-journal-").FullName;
        await _trail.WriteAsync(Database, RetentionData.Units(DateTimeOffset.UtcNow), new()
        {
            ["AuditTrail:ConnectionString"] = Database.RefusingConnectionString,
            ["AuditTrail:MaxWriteRetries"] = "0",
            ["AuditTrail:JournalFolder"] = journal,
        });
        var expected = RetentionData.Units(DateTimeOffset.UtcNow).Count;

        await _trail.WriteAsync(Database, [], new() { ["AuditTrail:JournalFolder"] = journal });

        var verification = await _trail.VerifyAsync(Database);
        Assert.True(verification.Verified, string.Join("\n", verification.Breaks));
        Assert.Equal(2, verification.Chains.Count);
        Assert.True(Database.Scalar<long>($"SELECT count(*) FROM {Database.Requests}") >= expected + 6);
    }

    [Fact]
    public async Task TheTrailStillVerifiesAfterRetentionAnonymisationAndAPersonsErasure()
    {
        var now = DateTimeOffset.UtcNow;
        var written = RetentionData.Units(now).Concat(RetentionData.Units(now, user: "bob", ip: "10.0.0.2")).ToList();
        long Old(int days) => Database.Scalar<long>($"SELECT count(*) FROM {Database.Requests} WHERE occurred_at < {Database.TimeLiteral(now.AddDays(-days).UtcDateTime)}");
        long Unanonymized(int days) => Database.Scalar<long>(
            $"SELECT count(*) FROM {Database.Requests} WHERE anonymized_at IS NULL AND occurred_at < {Database.TimeLiteral(now.AddDays(-days).UtcDateTime)}");
        await _trail.WriteAsync(Database, written, new()
        {
            ["AuditTrail:Retention:Requests"] = "90",
            ["AuditTrail:Retention:SignIns"] = "30",
            ["AuditTrail:Retention:SecurityEvents"] = "300",
            ["AuditTrail:Retention:Processes"] = "60",
            ["AuditTrail:Retention:BusinessEvents"] = "450",
            ["AuditTrail:Retention:EntityChanges"] = "450",
            ["AuditTrail:Retention:Interval"] = "00:00:01",
            ["AuditTrail:Retention:PauseBetweenBatches"] = "00:00:00",
            ["AuditTrail:Retention:BatchSize"] = "7",
            ["AuditTrail:Anonymization:Requests"] = "10",
            ["AuditTrail:Anonymization:Key"] = IntegrityTrail.ChainKey,
        }, async () =>
        {
            for (var i = 0; i < 300 && (Old(450) > 0 || Unanonymized(10) > 0); i++)
            {
                await Task.Delay(50, Token);
            }
        });
        Assert.True((Old(450), Unanonymized(10)) == (0, 0), string.Join("\n", _trail.Logs.Messages.Where(m => m.Level >= Microsoft.Extensions.Logging.LogLevel.Warning)));
        var afterRetention = await _trail.VerifyAsync(Database);
        Assert.True(afterRetention.Verified, string.Join("\n", afterRetention.Breaks));
        Assert.True(Database.Scalar<long>($"SELECT count(*) FROM {Database.Table(AuditTables.Checkpoint)} WHERE kind = 'Retention'") >= 1, "no retention checkpoint");
        Assert.True(afterRetention.Rows < written.Sum(u => 1 + u.Logins.Count + u.SecurityEvents.Count + u.Processes.Count + u.Steps.Count + u.Registrations.Count + u.BusinessEvents.Count + u.EntityChanges.Count));

        var erased = await ((AspNetAuditTrail.Retention.IAuditPersonalDataStore)Database.CreateStore()).AnonymizeUserAsync(
            "ana", new AspNetAuditTrail.Retention.AuditPseudonymizer(Convert.FromBase64String(IntegrityTrail.ChainKey)), Token);
        Assert.True(erased.Sum(c => c.Rows) > 0);

        var afterErasure = await _trail.VerifyAsync(Database);
        Assert.True(afterErasure.Verified, string.Join("\n", afterErasure.Breaks));
        Assert.Equal(afterRetention.Rows, afterErasure.Rows);
    }

    public void Dispose()
    {
        _trail.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>The id (as the database binds it) of the table's row with the n-th lowest place in the chain.</summary>
    private object Row(string table, int n) =>
        Database.IdValue(Id(Database.Query($"SELECT id FROM {Database.Table(table)} ORDER BY chain_seq")[n - 1]["id"]!));

    private static Guid Id(object value) => value is Guid id ? id : Guid.Parse(value.ToString()!);
}
