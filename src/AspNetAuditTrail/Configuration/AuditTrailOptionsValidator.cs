using System.Text.RegularExpressions;
using AspNetAuditTrail.Integrity;
using AspNetAuditTrail.Retention;
using Microsoft.Extensions.Options;

namespace AspNetAuditTrail.Configuration;

/// <summary>Checks the options at start-up; each failure names the setting.</summary>
internal sealed class AuditTrailOptionsValidator : IValidateOptions<AuditTrailOptions>
{
    private const string Section = AuditTrailOptions.SectionName;
    private const int MaxBodySize = 64 * 1024 * 1024;

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

        Require(failures, options.MaxBodySize is >= 0 and <= MaxBodySize, nameof(options.MaxBodySize), "must be from 0 to 64 MiB");
        Require(failures, options.QueueCapacity is >= 1 and <= 10_000_000, nameof(options.QueueCapacity), "must be from 1 to 10,000,000");
        Require(failures, options.QueueCapacityBytes >= 1024 * 1024, nameof(options.QueueCapacityBytes), "must be at least 1 MiB");
        Require(failures, options.BatchSize is >= 1 and <= 100_000, nameof(options.BatchSize), "must be from 1 to 100,000");
        Within(failures, options.FlushInterval, TimeSpan.FromMilliseconds(1), TimeSpan.FromHours(1), nameof(options.FlushInterval));
        Require(failures, options.MaxWriteRetries is >= 0 and <= 100, nameof(options.MaxWriteRetries), "must be from 0 to 100");
        Within(failures, options.RetryDelay, TimeSpan.Zero, TimeSpan.FromDays(1), nameof(options.RetryDelay));
        Within(failures, options.CircuitBreakDuration, TimeSpan.FromMilliseconds(500), TimeSpan.FromDays(1), nameof(options.CircuitBreakDuration));
        Require(failures, options.MaxJournalSize >= 0, nameof(options.MaxJournalSize), "must be 0 or more bytes");
        Require(failures, options.AuthFailedStatusCode is >= 100 and <= 599, nameof(options.AuthFailedStatusCode), "must be an HTTP status code");
        Require(failures, !string.IsNullOrWhiteSpace(options.UsernameField), nameof(options.UsernameField), "must name a field");
        Require(failures, options.BruteForceThreshold >= 0, nameof(options.BruteForceThreshold), "must be 0 (off) or more");
        Within(failures, options.BruteForceWindow, TimeSpan.FromSeconds(1), TimeSpan.FromDays(30), nameof(options.BruteForceWindow));
        Require(failures, options.BruteForceMaxTracked is >= 1 and <= 10_000_000, nameof(options.BruteForceMaxTracked), "must be from 1 to 10,000,000");
        Require(failures, Enum.IsDefined(options.OverflowPolicy), nameof(options.OverflowPolicy), "must be Spill, Block or Drop");
        Within(failures, options.BlockTimeout, TimeSpan.FromMilliseconds(1), TimeSpan.FromMinutes(1), nameof(options.BlockTimeout));
        Require(failures, Enum.IsDefined(options.WriteMode), nameof(options.WriteMode), "must be Background or Synchronous");
        Within(failures, options.SynchronousWriteTimeout, TimeSpan.FromMilliseconds(1), TimeSpan.FromMinutes(5), nameof(options.SynchronousWriteTimeout));
        Require(failures, options.JournalFolder is null || System.IO.Path.IsPathFullyQualified(options.JournalFolder), nameof(options.JournalFolder),
            "must be an absolute path (or unset for the default)");
        Require(failures, options.ServiceName is null || (options.ServiceName.Length is >= 1 and <= 128 && !options.ServiceName.Any(char.IsControl)),
            nameof(options.ServiceName), "must be 1 to 128 characters on one line (or unset for the application's name)");
        Require(failures, !string.IsNullOrWhiteSpace(options.TenantClaim), nameof(options.TenantClaim), "must name a claim");
        Require(failures, !string.IsNullOrWhiteSpace(options.SubtenantClaim), nameof(options.SubtenantClaim), "must name a claim");
        Require(failures, options.JournalKey is null || IsKey(options.JournalKey), nameof(options.JournalKey), "must be base64 of at least 32 bytes");
        CheckMethods(failures, nameof(options.SkipRequestBodyUrls), options.SkipRequestBodyUrls);
        CheckMethods(failures, nameof(options.SkipResponseBodyUrls), options.SkipResponseBodyUrls);
        CheckMethods(failures, nameof(options.AuthUrls), options.AuthUrls);
        CheckMethods(failures, nameof(options.LogoutUrls), options.LogoutUrls);
        CheckRetention(failures, options.Retention);
        CheckAnonymization(failures, options.Anonymization);
        CheckIntegrity(failures, options.Integrity);

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Require(List<string> failures, bool condition, string setting, string rule)
    {
        if (!condition)
        {
            failures.Add($"{Section}:{setting} {rule}.");
        }
    }

    private static bool IsKey(string text)
    {
        var bytes = new byte[text.Length];
        return Convert.TryFromBase64String(text, bytes, out var written) && written >= 32;
    }

    private static void Within(List<string> failures, TimeSpan value, TimeSpan min, TimeSpan max, string setting) =>
        Require(failures, value >= min && value <= max, setting, $"must be from {min:c} to {max:c}");

    private static void CheckRetention(List<string> failures, AuditRetentionOptions retention)
    {
        const string prefix = nameof(AuditTrailOptions.Retention) + ":";
        Within(failures, retention.Interval, TimeSpan.FromSeconds(1), TimeSpan.FromDays(30), prefix + nameof(retention.Interval));
        Require(failures, retention.BatchSize is >= 1 and <= 2_000, prefix + nameof(retention.BatchSize), "must be from 1 to 2,000");
        Within(failures, retention.PauseBetweenBatches, TimeSpan.Zero, TimeSpan.FromMinutes(1), prefix + nameof(retention.PauseBetweenBatches));
        CheckPeriods(failures, prefix, retention);
        foreach (var (tenant, periods) in retention.Tenants)
        {
            CheckPeriods(failures, $"{prefix}Tenants:{tenant}:", periods);
        }
    }

    private static void CheckAnonymization(List<string> failures, AuditAnonymizationOptions anonymization)
    {
        const string prefix = nameof(AuditTrailOptions.Anonymization) + ":";
        CheckPeriods(failures, prefix, anonymization);
        Require(failures, Enum.IsDefined(anonymization.Mode), prefix + nameof(anonymization.Mode), "must be Pseudonymize or Remove");
        Require(failures, anonymization.Key is null || AuditPseudonymizer.TryDecodeKey(anonymization.Key) is not null, prefix + nameof(anonymization.Key),
            "must be base64 of at least 32 bytes");
        Require(failures, !anonymization.IsEnabled || anonymization.Key is not null, prefix + nameof(anonymization.Key),
            "is required when an anonymisation period is set (keep it out of the audit database, for example in AuditTrail__Anonymization__Key)");
    }

    private static void CheckIntegrity(List<string> failures, AuditIntegrityOptions integrity)
    {
        const string prefix = nameof(AuditTrailOptions.Integrity) + ":";
        var keys = "(keep it out of the audit database, for example in AuditTrail__Integrity__ChainKey and AuditTrail__Integrity__SigningKey; audit-trail keys makes them)";
        Require(failures, !integrity.Enabled || integrity.ChainKey is not null, prefix + nameof(integrity.ChainKey), "is required when integrity is enabled " + keys);
        Require(failures, !integrity.Enabled || integrity.SigningKey is not null, prefix + nameof(integrity.SigningKey), "is required when integrity is enabled " + keys);
        foreach (var key in integrity.PreviousChainKeys.Prepend(integrity.ChainKey).OfType<string>())
        {
            Require(failures, AuditPseudonymizer.TryDecodeKey(key) is not null, prefix + nameof(integrity.ChainKey), "must be base64 of at least 32 bytes");
        }

        foreach (var (key, name) in integrity.PreviousPublicKeys.Select(k => ((string?)k, nameof(integrity.PreviousPublicKeys))).Prepend((integrity.SigningKey, nameof(integrity.SigningKey))))
        {
            Require(failures, key is null || Parses(key, name == nameof(integrity.SigningKey)), prefix + name,
                name == nameof(integrity.SigningKey) ? "must be a P-256 private key, PEM or base64 of PKCS#8" : "must hold P-256 public keys, PEM or base64");
        }

        Require(failures, integrity.CheckpointEveryRows >= 1, prefix + nameof(integrity.CheckpointEveryRows), "must be 1 or more");
        Require(failures, integrity.CheckpointInterval >= TimeSpan.FromSeconds(1), prefix + nameof(integrity.CheckpointInterval), "must be 1 second or more");
        Require(failures, integrity.CheckpointFolder is null || !string.IsNullOrWhiteSpace(integrity.CheckpointFolder), prefix + nameof(integrity.CheckpointFolder), "must be a folder, or unset");
    }

    private static bool Parses(string key, bool isPrivate)
    {
        try
        {
            if (isPrivate)
            {
                AuditSigningKey.Parse(key).Dispose();
            }
            else
            {
                AuditPublicKey.Parse(key);
            }

            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static void CheckPeriods(List<string> failures, string prefix, AuditPeriods periods)
    {
        foreach (var kind in Enum.GetValues<AuditRecordKind>())
        {
            Require(failures, periods.Of(kind) is null or >= 1, prefix + kind, "must be 1 day or more (or unset to keep forever)");
        }

        foreach (var (category, days) in periods.BusinessEventCategories)
        {
            Require(failures, days >= 1, $"{prefix}{nameof(periods.BusinessEventCategories)}:{category}", "must be 1 day or more");
        }
    }

    private static void CheckMethods(List<string> failures, string setting, List<UrlRule> rules)
    {
        for (var i = 0; i < rules.Count; i++)
        {
            var method = rules[i].Method;
            Require(failures, string.IsNullOrWhiteSpace(method) || method.Trim().All(char.IsAsciiLetter), $"{setting}:{i}:Method",
                "must be an HTTP method such as POST, or ALL");
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
