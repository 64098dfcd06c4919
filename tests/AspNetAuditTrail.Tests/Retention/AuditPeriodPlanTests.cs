using AspNetAuditTrail.Retention;

namespace AspNetAuditTrail.Tests.Retention;

public sealed class AuditPeriodPlanTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);

    private static DateTimeOffset DaysAgo(int days) => Now.AddDays(-days);

    [Fact]
    public void NoPeriodMeansNoCutAndTheJobIsOff()
    {
        var options = new AuditRetentionOptions();

        Assert.Empty(AuditPeriodPlan.Create(options, Now).Cuts);
        Assert.False(options.IsEnabled);
        Assert.True(new AuditRetentionOptions { Tenants = { ["acme"] = new() { BusinessEventCategories = { ["x"] = 1 } } } }.IsEnabled);
    }

    [Fact]
    public void ATenantsPeriodReplacesTheGlobalOneForItsRowsOnly()
    {
        var plan = AuditPeriodPlan.Create(new AuditRetentionOptions { Requests = 30, Tenants = { ["acme"] = new() { Requests = 7 }, ["globex"] = new() { SignIns = 5 } } }, Now);

        Assert.Equal(
            [
                new AuditPeriodCut(AuditRecordKind.Requests, DaysAgo(7)) { TenantId = "acme" },
                new AuditPeriodCut(AuditRecordKind.Requests, DaysAgo(30)) { ExceptTenants = ["acme"] },
            ],
            plan.Of(AuditRecordKind.Requests).ToArray(),
            CutComparer.Instance);
        Assert.Equal([new AuditPeriodCut(AuditRecordKind.SignIns, DaysAgo(5)) { TenantId = "globex" }], plan.Of(AuditRecordKind.SignIns).ToArray(), CutComparer.Instance);
    }

    [Fact]
    public void BusinessEventsFollowTenantAndCategoryThenTenantThenCategoryThenKind()
    {
        var plan = AuditPeriodPlan.Create(
            new AuditRetentionOptions
            {
                BusinessEvents = 60,
                BusinessEventCategories = { ["billing"] = 450 },
                Tenants = { ["acme"] = new() { BusinessEventCategories = { ["orders"] = 15 } }, ["globex"] = new() { BusinessEvents = 20 } },
            },
            Now);

        Assert.Equal(
            [
                // acme sets a category only: the global categories and period still apply to its other rows.
                new AuditPeriodCut(AuditRecordKind.BusinessEvents, DaysAgo(15)) { TenantId = "acme", Category = "orders" },
                new AuditPeriodCut(AuditRecordKind.BusinessEvents, DaysAgo(450)) { TenantId = "acme", Category = "billing" },
                new AuditPeriodCut(AuditRecordKind.BusinessEvents, DaysAgo(60)) { TenantId = "acme", ExceptCategories = ["orders", "billing"] },

                // globex sets its own period for business events: it replaces the global categories too.
                new AuditPeriodCut(AuditRecordKind.BusinessEvents, DaysAgo(20)) { TenantId = "globex" },
                new AuditPeriodCut(AuditRecordKind.BusinessEvents, DaysAgo(450)) { ExceptTenants = ["acme", "globex"], Category = "billing" },
                new AuditPeriodCut(AuditRecordKind.BusinessEvents, DaysAgo(60)) { ExceptTenants = ["acme", "globex"], ExceptCategories = ["billing"] },
            ],
            plan.Cuts.ToArray(),
            CutComparer.Instance);
    }

    [Fact]
    public void NarrowingToATenantKeepsItsOwnCutsAndTheGlobalOnesThatCoverIt()
    {
        var plan = AuditPeriodPlan.Create(new AuditRetentionOptions { Requests = 30, SignIns = 90, Tenants = { ["acme"] = new() { Requests = 7 } } }, Now);

        Assert.Equal(
            [new AuditPeriodCut(AuditRecordKind.Requests, DaysAgo(7)) { TenantId = "acme" }, new AuditPeriodCut(AuditRecordKind.SignIns, DaysAgo(90)) { TenantId = "acme" }],
            plan.Narrow([], "acme").Cuts.ToArray(),
            CutComparer.Instance);
        Assert.Equal(
            [new AuditPeriodCut(AuditRecordKind.Requests, DaysAgo(30)) { TenantId = "globex" }],
            plan.Narrow([AuditRecordKind.Requests], "globex").Cuts.ToArray(),
            CutComparer.Instance);
        Assert.Equal([AuditRecordKind.SignIns, AuditRecordKind.Processes], AuditPeriodPlan.ForDays(3, Now, [AuditRecordKind.SignIns, AuditRecordKind.Processes]).Cuts.Select(c => c.Kind));
        Assert.Equal(Enum.GetValues<AuditRecordKind>().Length, AuditPeriodPlan.ForDays(3, Now, []).Cuts.Count);
    }

    /// <summary>Cuts compared by value, their lists included.</summary>
    private sealed class CutComparer : IEqualityComparer<AuditPeriodCut>
    {
        public static readonly CutComparer Instance = new();

        public bool Equals(AuditPeriodCut? x, AuditPeriodCut? y) =>
            x is not null && y is not null && (x.Kind, x.Before, x.TenantId, x.Category) == (y.Kind, y.Before, y.TenantId, y.Category)
            && x.ExceptTenants.SequenceEqual(y.ExceptTenants) && x.ExceptCategories.SequenceEqual(y.ExceptCategories);

        public int GetHashCode(AuditPeriodCut obj) => HashCode.Combine(obj.Kind, obj.Before, obj.TenantId, obj.Category);
    }
}
