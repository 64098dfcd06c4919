using AspNetAuditTrail.Events;
using AspNetAuditTrail.Reading;

namespace AspNetAuditTrail.Reports.Insights;

/// <summary>
/// The figures of the overview and of the statistics report for one <see cref="InsightScope"/>, computed in one pass
/// over each kind of row (oldest first) with bounded memory: requests by status class over time, error rate, the slowest
/// endpoints by p95, sign-ins and failed sign-ins over time, security events by type and severity, the users and
/// addresses with most failures (failed sign-ins and 401/403 answers), and business events by category.
/// </summary>
internal sealed class TrailStatistics
{
    private static readonly string[] Classes = ["1xx", "2xx", "3xx", "4xx", "5xx"];

    private TrailStatistics(InsightScope scope)
    {
        Scope = scope;
        Buckets = new TimeBuckets(scope.From, scope.To);
        FailedSignInsOverTime = new long[Buckets.Count];
    }

    public InsightScope Scope { get; }

    public TimeBuckets Buckets { get; }

    public long Requests { get; private set; }

    public long ClientErrors { get; private set; }

    public long ServerErrors { get; private set; }

    /// <summary>Requests per bucket, a series per status class that has any.</summary>
    public IReadOnlyList<ChartSeries> RequestsOverTime { get; private set; } = [];

    /// <summary>The ten slowest endpoints by p95.</summary>
    public IReadOnlyList<EndpointFigures> SlowestEndpoints { get; private set; } = [];

    /// <summary>The ten endpoints with most requests.</summary>
    public IReadOnlyList<EndpointFigures> BusiestEndpoints { get; private set; } = [];

    public long SignIns { get; private set; }

    public long FailedSignIns { get; private set; }

    public long[] FailedSignInsOverTime { get; }

    /// <summary>Security events by type and severity, most first.</summary>
    public IReadOnlyList<(string Key, long Count)> SecurityEvents { get; private set; } = [];

    public IReadOnlyList<(string Key, long Count)> UsersWithMostFailures { get; private set; } = [];

    public IReadOnlyList<(string Key, long Count)> AddressesWithMostFailures { get; private set; } = [];

    public IReadOnlyList<(string Key, long Count)> BusinessEventsByCategory { get; private set; } = [];

    /// <summary>5xx answers as a share of requests (0 when there were none).</summary>
    public double ErrorRate => Requests == 0 ? 0 : (double)ServerErrors / Requests;

    /// <summary>Successful sign-ins as a share of attempts; null when there were none.</summary>
    public double? SignInSuccessRate => SignIns + FailedSignIns == 0 ? null : (double)SignIns / (SignIns + FailedSignIns);

    /// <summary>The figures of the requests alone (the requests report's, over its own filters).</summary>
    public static async Task<TrailStatistics> OfRequestsAsync(IAsyncEnumerable<RequestAuditEvent> rows, InsightScope scope)
    {
        var statistics = new TrailStatistics(scope);
        await statistics.ReadRequestsAsync(rows, new Tally(), new Tally());
        return statistics;
    }

    public static async Task<TrailStatistics> ComputeAsync(IAuditReader reader, InsightScope scope, CancellationToken cancellationToken)
    {
        var statistics = new TrailStatistics(scope);
        var (users, addresses) = (new Tally(), new Tally());
        await statistics.ReadRequestsAsync(reader.StreamAsync<RequestAuditEvent>(scope.From, scope.To, scope.Tenant, cancellationToken), users, addresses);
        await foreach (var login in reader.StreamAsync<LoginAuditEvent>(scope.From, scope.To, scope.Tenant, cancellationToken))
        {
            if (!scope.Includes(login.UserId, login.UserName))
            {
                continue;
            }

            if (login.Status == LoginStatus.Failed)
            {
                statistics.FailedSignIns++;
                statistics.FailedSignInsOverTime[statistics.Buckets.IndexOf(login.OccurredAt)]++;
                users.Add(login.UserName ?? login.UserId ?? "(unknown)");
                addresses.Add(login.IpAddress ?? "(unknown)");
            }
            else if (login.Status == LoginStatus.SignIn)
            {
                statistics.SignIns++;
            }
        }

        var security = new Tally();
        await foreach (var row in reader.StreamAsync<SecurityAuditEvent>(scope.From, scope.To, scope.Tenant, cancellationToken))
        {
            if (scope.Includes(row.UserId, row.UserName))
            {
                security.Add($"{row.EventType} ({row.Severity})");
            }
        }

        var categories = new Tally();
        await foreach (var row in reader.StreamAsync<BusinessAuditEvent>(scope.From, scope.To, scope.Tenant, cancellationToken))
        {
            if (scope.Includes(row.UserId))
            {
                categories.Add(row.Category);
            }
        }

        (statistics.SecurityEvents, statistics.BusinessEventsByCategory) = (security.Top(12), categories.Top(12));
        (statistics.UsersWithMostFailures, statistics.AddressesWithMostFailures) = (users.Top(10), addresses.Top(10));
        return statistics;
    }

    private async Task ReadRequestsAsync(IAsyncEnumerable<RequestAuditEvent> rows, Tally users, Tally addresses)
    {
        var byClass = Classes.Select(_ => new long[Buckets.Count]).ToArray();
        var endpoints = new Dictionary<string, (LatencySample Sample, long Errors)>(StringComparer.Ordinal);
        var random = new Random(17);
        await foreach (var row in rows)
        {
            if (!Scope.Includes(row.UserId))
            {
                continue;
            }

            Requests++;
            var statusClass = Math.Clamp((row.StatusCode / 100) - 1, 0, 4);
            byClass[statusClass][Buckets.IndexOf(row.OccurredAt)]++;
            ClientErrors += statusClass == 3 ? 1 : 0;
            ServerErrors += statusClass == 4 ? 1 : 0;
            if (row.StatusCode is 401 or 403)
            {
                if (row.UserId is not null)
                {
                    users.Add(row.UserId);
                }

                addresses.Add(row.IpAddress ?? "(unknown)");
            }

            var endpoint = $"{row.Method} {row.RouteTemplate ?? row.Path}";
            if (endpoints.TryGetValue(endpoint, out var figures) || endpoints.Count < Tally.MaxKeys)
            {
                figures.Sample ??= new LatencySample(random);
                figures.Sample.Add(row.DurationMs);
                endpoints[endpoint] = (figures.Sample, figures.Errors + (statusClass == 4 ? 1 : 0));
            }
        }

        RequestsOverTime = [.. Classes.Select((name, i) => new ChartSeries(name, "c" + (i + 1), byClass[i])).Where(s => s.Values.Any(v => v > 0))];
        var all = endpoints.Select(e => new EndpointFigures(e.Key, e.Value.Sample.Count, e.Value.Sample.TotalMs / e.Value.Sample.Count, e.Value.Sample.P95(), e.Value.Errors)).ToList();
        SlowestEndpoints = [.. all.OrderByDescending(e => e.P95Ms).ThenBy(e => e.Endpoint, StringComparer.Ordinal).Take(10)];
        BusiestEndpoints = [.. all.OrderByDescending(e => e.Requests).ThenBy(e => e.Endpoint, StringComparer.Ordinal).Take(10)];
    }
}
