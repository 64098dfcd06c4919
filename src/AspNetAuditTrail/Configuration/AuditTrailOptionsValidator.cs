using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace AspNetAuditTrail.Configuration;

/// <summary>Checks the options at start-up; each failure names the setting.</summary>
internal sealed class AuditTrailOptionsValidator : IValidateOptions<AuditTrailOptions>
{
    private const string Section = AuditTrailOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, AuditTrailOptions options)
    {
        var failures = new List<string>();
        CheckPatterns(failures, nameof(options.RequestAuditUrls), options.RequestAuditUrls);
        CheckPatterns(failures, nameof(options.ExcludedUrls), options.ExcludedUrls);
        CheckPatterns(failures, nameof(options.SkipRequestBodyUrls) + ":{0}:Pattern", options.SkipRequestBodyUrls.Select(r => r.Pattern));
        CheckPatterns(failures, nameof(options.SkipResponseBodyUrls) + ":{0}:Pattern", options.SkipResponseBodyUrls.Select(r => r.Pattern));
        CheckPatterns(failures, nameof(options.AuthUrls) + ":{0}:Pattern", options.AuthUrls.Select(r => r.Pattern));
        CheckPatterns(failures, nameof(options.LogoutUrls) + ":{0}:Pattern", options.LogoutUrls.Select(r => r.Pattern));

        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            failures.Add($"{Section}:ConnectionString is required: set it in configuration or pass it to the store (for example .UseSqlite(\"Data Source=audit.db\")).");
        }

        Require(failures, options.MaxBodySize >= 0, nameof(options.MaxBodySize), "must be 0 or more bytes");
        Require(failures, options.QueueCapacity >= 1, nameof(options.QueueCapacity), "must be at least 1");
        Require(failures, options.BatchSize >= 1, nameof(options.BatchSize), "must be at least 1");
        Require(failures, options.FlushInterval > TimeSpan.Zero, nameof(options.FlushInterval), "must be longer than zero");
        Require(failures, options.MaxWriteRetries >= 0, nameof(options.MaxWriteRetries), "must be 0 or more");
        Require(failures, options.RetryDelay >= TimeSpan.Zero, nameof(options.RetryDelay), "must not be negative");
        Require(failures, options.CircuitBreakDuration >= TimeSpan.FromMilliseconds(500), nameof(options.CircuitBreakDuration), "must be at least half a second");
        Require(failures, options.MaxJournalSize >= 0, nameof(options.MaxJournalSize), "must be 0 or more bytes");
        Require(failures, options.AuthFailedStatusCode is >= 100 and <= 599, nameof(options.AuthFailedStatusCode), "must be an HTTP status code");
        Require(failures, !string.IsNullOrWhiteSpace(options.UsernameField), nameof(options.UsernameField), "must name a field");
        Require(failures, options.BruteForceThreshold >= 0, nameof(options.BruteForceThreshold), "must be 0 (off) or more");
        Require(failures, options.BruteForceWindow > TimeSpan.Zero, nameof(options.BruteForceWindow), "must be longer than zero");
        Require(failures, options.BruteForceMaxTracked >= 1, nameof(options.BruteForceMaxTracked), "must be at least 1");

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Require(List<string> failures, bool condition, string setting, string rule)
    {
        if (!condition)
        {
            failures.Add($"{Section}:{setting} {rule}.");
        }
    }

    private static void CheckPatterns(List<string> failures, string setting, IEnumerable<string?> patterns)
    {
        var index = 0;
        foreach (var pattern in patterns)
        {
            var key = setting.Contains("{0}", StringComparison.Ordinal)
                ? string.Format(System.Globalization.CultureInfo.InvariantCulture, setting, index)
                : $"{setting}:{index}";
            if (string.IsNullOrEmpty(pattern))
            {
                failures.Add($"{Section}:{key} is empty: give a regular expression.");
            }
            else
            {
                try
                {
                    _ = new Regex(pattern, RegexOptions.CultureInvariant);
                }
                catch (ArgumentException ex)
                {
                    failures.Add($"{Section}:{key} '{pattern}' is not a valid regular expression: {ex.Message}");
                }
            }

            index++;
        }
    }
}
