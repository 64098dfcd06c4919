using AspNetAuditTrail.Configuration;

namespace AspNetAuditTrail.Tests.Configuration;

/// <summary>Every setting is either bounded (each bound checked here) or listed as taking any value: a new setting fails this test until it is one or the other.</summary>
public class OptionBoundsTests
{
    private static readonly string SigningKey = AspNetAuditTrail.Integrity.AuditSigningKey.Create().ExportPrivateKey();

    private static readonly Dictionary<string, Action<AuditTrailOptions>[]> OutOfBounds = new()
    {
        ["ConnectionString"] = [o => o.ConnectionString = null, o => o.ConnectionString = " "],
        ["RequestAuditUrls"] = [o => o.RequestAuditUrls = ["("], o => o.RequestAuditUrls = [""]],
        ["ExcludedUrls"] = [o => o.ExcludedUrls = ["[z-a]"]],
        ["SkipRequestBodyUrls"] = [o => o.SkipRequestBodyUrls = [new UrlRule { Pattern = "(" }], o => o.SkipRequestBodyUrls = [new UrlRule { Pattern = "^/", Method = "PO ST" }]],
        ["SkipResponseBodyUrls"] = [o => o.SkipResponseBodyUrls = [new UrlRule { Pattern = "" }], o => o.SkipResponseBodyUrls = [new UrlRule { Pattern = "^/", Method = "GET;" }]],
        ["AuthUrls"] = [o => o.AuthUrls = [new UrlRule { Pattern = "(" }], o => o.AuthUrls = [new UrlRule { Pattern = "^/", Method = "P0ST" }]],
        ["LogoutUrls"] = [o => o.LogoutUrls = [new UrlRule { Pattern = "(" }], o => o.LogoutUrls = [new UrlRule { Pattern = "^/", Method = "*" }]],
        ["MaxBodySize"] = [o => o.MaxBodySize = -1, o => o.MaxBodySize = (64 * 1024 * 1024) + 1],
        ["QueueCapacity"] = [o => o.QueueCapacity = 0, o => o.QueueCapacity = 10_000_001],
        ["QueueCapacityBytes"] = [o => o.QueueCapacityBytes = 1024],
        ["BatchSize"] = [o => o.BatchSize = 0, o => o.BatchSize = 100_001],
        ["FlushInterval"] = [o => o.FlushInterval = TimeSpan.Zero, o => o.FlushInterval = TimeSpan.FromHours(2)],
        ["MaxWriteRetries"] = [o => o.MaxWriteRetries = -1, o => o.MaxWriteRetries = 101],
        ["RetryDelay"] = [o => o.RetryDelay = TimeSpan.FromSeconds(-1), o => o.RetryDelay = TimeSpan.FromDays(2)],
        ["CircuitBreakDuration"] = [o => o.CircuitBreakDuration = TimeSpan.FromMilliseconds(100), o => o.CircuitBreakDuration = TimeSpan.FromDays(2)],
        ["MaxJournalSize"] = [o => o.MaxJournalSize = -1],
        ["AuthFailedStatusCode"] = [o => o.AuthFailedStatusCode = 99, o => o.AuthFailedStatusCode = 600],
        ["UsernameField"] = [o => o.UsernameField = ""],
        ["BruteForceThreshold"] = [o => o.BruteForceThreshold = -1],
        ["BruteForceWindow"] = [o => o.BruteForceWindow = TimeSpan.Zero, o => o.BruteForceWindow = TimeSpan.FromDays(31)],
        ["BruteForceMaxTracked"] = [o => o.BruteForceMaxTracked = 0, o => o.BruteForceMaxTracked = 10_000_001],
        ["OverflowPolicy"] = [o => o.OverflowPolicy = (AuditOverflowPolicy)42],
        ["BlockTimeout"] = [o => o.BlockTimeout = TimeSpan.FromSeconds(-1), o => o.BlockTimeout = TimeSpan.Zero, o => o.BlockTimeout = TimeSpan.FromMinutes(2)],
        ["WriteMode"] = [o => o.WriteMode = (AuditWriteMode)42],
        ["SynchronousWriteTimeout"] = [o => o.SynchronousWriteTimeout = TimeSpan.FromSeconds(-1), o => o.SynchronousWriteTimeout = TimeSpan.FromMinutes(6)],
        ["JournalKey"] = [o => o.JournalKey = "not base64!", o => o.JournalKey = Convert.ToBase64String(new byte[31])],
        ["ServiceName"] = [o => o.ServiceName = "", o => o.ServiceName = new string('s', 129), o => o.ServiceName = "api\nadmin"],
        ["TenantClaim"] = [o => o.TenantClaim = " "],
        ["SubtenantClaim"] = [o => o.SubtenantClaim = ""],
        ["JournalFolder"] = [o => o.JournalFolder = "relative/folder", o => o.JournalFolder = ""],
        ["Anonymization"] =
        [
            o => o.Anonymization.Requests = 30, o => o.Anonymization.Key = "short", o => o.Anonymization.Key = Convert.ToBase64String(new byte[31]),
            o => o.Anonymization.Mode = (AspNetAuditTrail.Retention.AuditAnonymizationMode)9,
            o => (o.Anonymization.Key, o.Anonymization.SignIns) = (Convert.ToBase64String(new byte[32]), 0),
        ],
        ["Integrity"] =
        [
            o => (o.Integrity.Enabled, o.Integrity.SigningKey) = (true, SigningKey), o => (o.Integrity.Enabled, o.Integrity.ChainKey) = (true, Convert.ToBase64String(new byte[32])),
            o => o.Integrity.ChainKey = Convert.ToBase64String(new byte[31]), o => o.Integrity.SigningKey = "not a key",
            o => o.Integrity.PreviousChainKeys = ["short"], o => o.Integrity.PreviousPublicKeys = [Convert.ToBase64String(new byte[64])],
            o => o.Integrity.CheckpointEveryRows = 0, o => o.Integrity.CheckpointInterval = TimeSpan.FromMilliseconds(500), o => o.Integrity.CheckpointFolder = " ",
        ],
        ["Retention"] =
        [
            o => o.Retention.Interval = TimeSpan.FromMilliseconds(500), o => o.Retention.Interval = TimeSpan.FromDays(31), o => o.Retention.BatchSize = 0,
            o => o.Retention.BatchSize = 2_001, o => o.Retention.PauseBetweenBatches = TimeSpan.FromSeconds(-1), o => o.Retention.PauseBetweenBatches = TimeSpan.FromMinutes(2), o => o.Retention.Requests = 0, o => o.Retention.BusinessEventCategories["billing"] = -1,
            o => o.Retention.Tenants["acme"] = new() { SignIns = 0 }, o => o.Retention.Tenants["acme"] = new() { BusinessEventCategories = { ["orders"] = 0 } },
        ],

        // Any value is valid: flags, free-form names.
        ["CaseSensitiveUrls"] = [],
        ["AutoCreateSchema"] = [],
        ["AuditAccessGranted"] = [],
        ["MaskedFields"] = [],
        ["UserIdClaim"] = [],
    };

    [Fact]
    public void EverySettingIsBoundedOrListedAsFree()
    {
        var settings = typeof(AuditTrailOptions).GetProperties().Where(p => p.CanWrite).Select(p => p.Name).Order();

        Assert.Equal(settings, OutOfBounds.Keys.Order());
    }

    [Fact]
    public void EachValueOutOfBoundsFailsValidationNamingItsSetting()
    {
        foreach (var (setting, breakers) in OutOfBounds)
        {
            foreach (var breakIt in breakers)
            {
                var options = new AuditTrailOptions { ConnectionString = "Data Source=audit.db" };
                breakIt(options);

                var failure = Assert.Single(new AuditTrailOptionsValidator().Validate(null, options).Failures ?? []);
                Assert.StartsWith($"AuditTrail:{setting}", failure);
            }
        }
    }
}
