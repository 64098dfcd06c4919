using System.Text.Json;
using System.Text.RegularExpressions;
using AspNetAuditTrail.Events;
using AspNetAuditTrail.Reading;

namespace AspNetAuditTrail.Reports.Insights;

/// <summary>
/// Finds suspicious activity in a period by the rules of <see cref="SuspiciousActivityOptions"/>: brute force by user
/// and by address, cross-tenant attempts, many 403s to one user, a day's volume far above a user's usual one, and
/// administrative actions outside working hours. Reads each kind of row once, oldest first.
/// </summary>
internal static class SuspiciousActivity
{
    public static async Task<IReadOnlyList<SuspiciousFinding>> DetectAsync(
        IAuditReader reader, InsightScope scope, SuspiciousActivityOptions options, CancellationToken cancellationToken)
    {
        var findings = new List<SuspiciousFinding>();
        var (byUser, byAddress) = (new TimeLists(), new TimeLists());
        await foreach (var login in reader.StreamAsync<LoginAuditEvent>(scope.From, scope.To, scope.Tenant, cancellationToken))
        {
            if (login.Status == LoginStatus.Failed && scope.Includes(login.UserId, login.UserName))
            {
                byUser.Add(login.UserName ?? login.UserId, login.OccurredAt);
                byAddress.Add(login.IpAddress, login.OccurredAt);
            }
        }

        findings.AddRange(byUser.Incidents(options.BruteForceThreshold, options.BruteForceWindow, (user, n, first, last) =>
            new(SuspiciousKind.BruteForceUser, SecuritySeverity.Critical, user, null, n, first, last, $"{n} failed sign-ins for user name {user}, {options.BruteForceThreshold} or more within {Minutes(options.BruteForceWindow)}.")));
        findings.AddRange(byAddress.Incidents(options.BruteForceThreshold, options.BruteForceWindow, (ip, n, first, last) =>
            new(SuspiciousKind.BruteForceAddress, SecuritySeverity.Critical, null, ip, n, first, last, $"{n} failed sign-ins from {ip}, {options.BruteForceThreshold} or more within {Minutes(options.BruteForceWindow)}.")));

        var crossTenant = new TimeLists();
        await foreach (var row in reader.StreamAsync<SecurityAuditEvent>(scope.From, scope.To, scope.Tenant, cancellationToken))
        {
            if (row.EventType == SecurityEventType.AccessDenied && scope.Includes(row.UserId, row.UserName) && IsCrossTenant(row.Details))
            {
                crossTenant.Add(row.UserId ?? row.UserName, row.OccurredAt);
            }
        }

        findings.AddRange(crossTenant.Incidents(1, TimeSpan.MaxValue, (user, n, first, last) =>
            new(SuspiciousKind.CrossTenant, SecuritySeverity.Error, user, null, n, first, last, $"User {user} asked for another tenant's records {n} time{(n == 1 ? "" : "s")}.")));
        findings.AddRange(await RequestFindingsAsync(reader, scope, options, cancellationToken));
        return [.. findings.OrderByDescending(f => f.Severity).ThenBy(f => f.First)];
    }

    private static async Task<IEnumerable<SuspiciousFinding>> RequestFindingsAsync(
        IAuditReader reader, InsightScope scope, SuspiciousActivityOptions options, CancellationToken cancellationToken)
    {
        var hours = new WorkingHours(options);
        var administrative = options.AdministrativePaths.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => new Regex("^" + Regex.Escape(p).Replace("\\*", ".*", StringComparison.Ordinal) + "$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(250)))
            .ToArray();
        var (forbidden, afterHours) = (new TimeLists(), new TimeLists());
        var daily = new DailyVolumes();
        var since = scope.From.AddDays(-Math.Max(0, options.BaselineDays));
        await foreach (var row in reader.StreamAsync<RequestAuditEvent>(since, scope.To, scope.Tenant, cancellationToken))
        {
            if (row.UserId is null || !scope.Includes(row.UserId))
            {
                continue;
            }

            daily.Add(row.UserId, row.OccurredAt);
            if (row.OccurredAt < scope.From)
            {
                continue;
            }

            if (row.StatusCode == 403)
            {
                forbidden.Add(row.UserId, row.OccurredAt);
            }

            if (!hours.Contains(row.OccurredAt) && administrative.Any(p => p.IsMatch(row.Path)))
            {
                afterHours.Add($"{row.UserId}\n{hours.LocalDate(row.OccurredAt):yyyy-MM-dd}", row.OccurredAt);
            }
        }

        return forbidden.Incidents(options.ForbiddenThreshold, options.ForbiddenWindow, (user, n, first, last) =>
                new SuspiciousFinding(SuspiciousKind.ManyForbidden, SecuritySeverity.Warning, user, null, n, first, last, $"{n} requests of user {user} refused with 403, {options.ForbiddenThreshold} or more within {Minutes(options.ForbiddenWindow)}."))
            .Concat(afterHours.Incidents(1, TimeSpan.MaxValue, (key, n, first, last) =>
            {
                var user = key[..key.IndexOf('\n', StringComparison.Ordinal)];
                return new SuspiciousFinding(SuspiciousKind.OutsideWorkingHours, SecuritySeverity.Warning, user, null, n, first, last,
                    $"{n} administrative request{(n == 1 ? "" : "s")} by user {user} outside working hours on {key[(key.IndexOf('\n', StringComparison.Ordinal) + 1)..]} ({options.TimeZone}).");
            }))
            .Concat(daily.Unusual(scope, options));
    }

    private static bool IsCrossTenant(string? details)
    {
        if (details is null || !details.Contains("Tenant", StringComparison.Ordinal))
        {
            return false;
        }

        try
        {
            using var json = JsonDocument.Parse(details);
            return json.RootElement.ValueKind == JsonValueKind.Object
                && json.RootElement.TryGetProperty("reason", out var reason) && reason.ValueKind == JsonValueKind.String
                && reason.GetString() is nameof(AccessDenialReason.WrongTenant) or nameof(AccessDenialReason.WrongSubtenant);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static string Minutes(TimeSpan window) => window.TotalMinutes >= 120 ? $"{window.TotalHours:0.#} hours" : $"{window.TotalMinutes:0} minutes";
}
