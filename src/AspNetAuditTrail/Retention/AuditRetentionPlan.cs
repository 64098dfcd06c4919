namespace AspNetAuditTrail.Retention;

/// <summary>
/// What retention removes at one moment: for each kind, the cuts that its periods make. A tenant's period wins over
/// the global one, and a category's over its kind's: tenant and category, then tenant, then category, then kind.
/// </summary>
public sealed class AuditRetentionPlan
{
    private AuditRetentionPlan(IReadOnlyList<AuditRetentionCut> cuts) => Cuts = cuts;

    /// <summary>The cuts, per kind; a kind without cuts is kept whole.</summary>
    public IReadOnlyList<AuditRetentionCut> Cuts { get; }

    /// <summary>The cuts of one kind.</summary>
    public IEnumerable<AuditRetentionCut> Of(AuditRecordKind kind) => Cuts.Where(c => c.Kind == kind);

    /// <summary>The plan that the configured periods make at <paramref name="now"/>.</summary>
    public static AuditRetentionPlan Create(AuditRetentionOptions options, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(options);
        DateTimeOffset Before(int days) => now - TimeSpan.FromDays(days);
        var cuts = new List<AuditRetentionCut>();
        foreach (var kind in Enum.GetValues<AuditRecordKind>().Where(k => k != AuditRecordKind.BusinessEvents))
        {
            var own = options.Tenants.Where(t => t.Value.Of(kind) is not null).ToArray();
            cuts.AddRange(own.Select(t => new AuditRetentionCut(kind, Before(t.Value.Of(kind)!.Value)) { TenantId = t.Key }));
            if (options.Of(kind) is { } days)
            {
                cuts.Add(new AuditRetentionCut(kind, Before(days)) { ExceptTenants = [.. own.Select(t => t.Key)] });
            }
        }

        var scoped = options.Tenants.Where(t => t.Value.BusinessEvents is not null || t.Value.BusinessEventCategories.Count > 0).ToArray();
        foreach (var (tenant, periods) in scoped)
        {
            // A tenant's own period for business events replaces the global categories' too.
            var inherited = periods.BusinessEvents is null ? options.BusinessEventCategories : [];
            var categories = periods.BusinessEventCategories.Keys.Union(inherited.Keys).ToArray();
            cuts.AddRange(categories.Select(c => new AuditRetentionCut(
                AuditRecordKind.BusinessEvents,
                Before(periods.BusinessEventCategories.TryGetValue(c, out var days) ? days : inherited[c])) { TenantId = tenant, Category = c }));
            if ((periods.BusinessEvents ?? options.BusinessEvents) is { } rest)
            {
                cuts.Add(new AuditRetentionCut(AuditRecordKind.BusinessEvents, Before(rest)) { TenantId = tenant, ExceptCategories = categories });
            }
        }

        string[] except = [.. scoped.Select(t => t.Key)];
        cuts.AddRange(options.BusinessEventCategories.Select(c => new AuditRetentionCut(AuditRecordKind.BusinessEvents, Before(c.Value))
        {
            ExceptTenants = except, Category = c.Key,
        }));
        if (options.BusinessEvents is { } global)
        {
            cuts.Add(new AuditRetentionCut(AuditRecordKind.BusinessEvents, Before(global))
            {
                ExceptTenants = except, ExceptCategories = [.. options.BusinessEventCategories.Keys],
            });
        }

        return new AuditRetentionPlan(cuts);
    }

    /// <summary>One period for every row of the given kinds (every kind when none is given), ignoring the configured ones.</summary>
    public static AuditRetentionPlan ForDays(int days, DateTimeOffset now, IReadOnlyCollection<AuditRecordKind> kinds)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(days, 1);
        ArgumentNullException.ThrowIfNull(kinds);
        var chosen = kinds.Count == 0 ? Enum.GetValues<AuditRecordKind>() : kinds.Distinct();
        return new AuditRetentionPlan([.. chosen.Select(k => new AuditRetentionCut(k, now - TimeSpan.FromDays(days)))]);
    }

    /// <summary>The part of the plan that removes rows of the given kinds only (every kind when none is given) and, when given, of one tenant only.</summary>
    public AuditRetentionPlan Narrow(IReadOnlyCollection<AuditRecordKind> kinds, string? tenantId)
    {
        ArgumentNullException.ThrowIfNull(kinds);
        var cuts = Cuts.Where(c => kinds.Count == 0 || kinds.Contains(c.Kind));
        if (tenantId is not null)
        {
            cuts = cuts
                .Where(c => c.TenantId == tenantId || (c.TenantId is null && !c.ExceptTenants.Contains(tenantId)))
                .Select(c => c with { TenantId = tenantId, ExceptTenants = [] });
        }

        return new AuditRetentionPlan([.. cuts]);
    }
}
