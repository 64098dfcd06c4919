namespace AspNetAuditTrail.Retention;

/// <summary>
/// The rows past their periods at one moment (what retention removes, or anonymisation changes): for each kind, the
/// cuts that its periods make. A tenant's period wins over the global one, and a category's over its kind's: tenant and
/// category, then tenant, then category, then kind.
/// </summary>
public sealed class AuditPeriodPlan
{
    private AuditPeriodPlan(IReadOnlyList<AuditPeriodCut> cuts) => Cuts = cuts;

    /// <summary>The cuts, per kind; a kind without cuts is kept whole.</summary>
    public IReadOnlyList<AuditPeriodCut> Cuts { get; }

    /// <summary>The cuts of one kind.</summary>
    public IEnumerable<AuditPeriodCut> Of(AuditRecordKind kind) => Cuts.Where(c => c.Kind == kind);

    /// <summary>The plan that the configured periods (and their tenants', for retention) make at <paramref name="now"/>.</summary>
    public static AuditPeriodPlan Create(AuditRetentionOptions options, DateTimeOffset now) => Create(options, options?.Tenants ?? [], now);

    /// <summary>The plan that the periods and the tenants' own periods make at <paramref name="now"/>.</summary>
    public static AuditPeriodPlan Create(AuditPeriods options, IReadOnlyDictionary<string, AuditPeriods> tenants, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(tenants);
        DateTimeOffset Before(int days) => now - TimeSpan.FromDays(days);
        var cuts = new List<AuditPeriodCut>();
        foreach (var kind in Enum.GetValues<AuditRecordKind>().Where(k => k != AuditRecordKind.BusinessEvents))
        {
            var own = tenants.Where(t => t.Value.Of(kind) is not null).ToArray();
            cuts.AddRange(own.Select(t => new AuditPeriodCut(kind, Before(t.Value.Of(kind)!.Value)) { TenantId = t.Key }));
            if (options.Of(kind) is { } days)
            {
                cuts.Add(new AuditPeriodCut(kind, Before(days)) { ExceptTenants = [.. own.Select(t => t.Key)] });
            }
        }

        var scoped = tenants.Where(t => t.Value.BusinessEvents is not null || t.Value.BusinessEventCategories.Count > 0).ToArray();
        foreach (var (tenant, periods) in scoped)
        {
            // A tenant's own period for business events replaces the global categories' too.
            var inherited = periods.BusinessEvents is null ? options.BusinessEventCategories : [];
            var categories = periods.BusinessEventCategories.Keys.Union(inherited.Keys).ToArray();
            cuts.AddRange(categories.Select(c => new AuditPeriodCut(
                AuditRecordKind.BusinessEvents,
                Before(periods.BusinessEventCategories.TryGetValue(c, out var days) ? days : inherited[c])) { TenantId = tenant, Category = c }));
            if ((periods.BusinessEvents ?? options.BusinessEvents) is { } rest)
            {
                cuts.Add(new AuditPeriodCut(AuditRecordKind.BusinessEvents, Before(rest)) { TenantId = tenant, ExceptCategories = categories });
            }
        }

        string[] except = [.. scoped.Select(t => t.Key)];
        cuts.AddRange(options.BusinessEventCategories.Select(c => new AuditPeriodCut(AuditRecordKind.BusinessEvents, Before(c.Value))
        {
            ExceptTenants = except, Category = c.Key,
        }));
        if (options.BusinessEvents is { } global)
        {
            cuts.Add(new AuditPeriodCut(AuditRecordKind.BusinessEvents, Before(global))
            {
                ExceptTenants = except, ExceptCategories = [.. options.BusinessEventCategories.Keys],
            });
        }

        return new AuditPeriodPlan(cuts);
    }

    /// <summary>One period for every row of the given kinds (every kind when none is given), ignoring the configured ones.</summary>
    public static AuditPeriodPlan ForDays(int days, DateTimeOffset now, IReadOnlyCollection<AuditRecordKind> kinds)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(days, 1);
        ArgumentNullException.ThrowIfNull(kinds);
        var chosen = kinds.Count == 0 ? Enum.GetValues<AuditRecordKind>() : kinds.Distinct();
        return new AuditPeriodPlan([.. chosen.Select(k => new AuditPeriodCut(k, now - TimeSpan.FromDays(days)))]);
    }

    /// <summary>The part of the plan that removes rows of the given kinds only (every kind when none is given) and, when given, of one tenant only.</summary>
    public AuditPeriodPlan Narrow(IReadOnlyCollection<AuditRecordKind> kinds, string? tenantId)
    {
        ArgumentNullException.ThrowIfNull(kinds);
        var cuts = Cuts.Where(c => kinds.Count == 0 || kinds.Contains(c.Kind));
        if (tenantId is not null)
        {
            cuts = cuts
                .Where(c => c.TenantId == tenantId || (c.TenantId is null && !c.ExceptTenants.Contains(tenantId)))
                .Select(c => c with { TenantId = tenantId, ExceptTenants = [] });
        }

        return new AuditPeriodPlan([.. cuts]);
    }
}
