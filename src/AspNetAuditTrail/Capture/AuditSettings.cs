using AspNetAuditTrail.Configuration;

namespace AspNetAuditTrail.Capture;

/// <summary>The options compiled once per change: regexes, masked-field set and the per-path decision cache.</summary>
internal sealed class AuditSettings
{
    /// <summary>What <see cref="AuditTrailOptions.RequestAuditUrls"/> means when left empty.</summary>
    public const string DefaultAuditUrl = "^/api/";

    public AuditSettings(AuditTrailOptions options)
    {
        Options = options;
        Urls = new UrlMatcher(options.RequestAuditUrls.Count > 0 ? options.RequestAuditUrls : [DefaultAuditUrl], options.ExcludedUrls);
        SkipRequestBody = new UrlMethodRules(options.SkipRequestBodyUrls);
        SkipResponseBody = new UrlMethodRules(options.SkipResponseBodyUrls);
        Masker = new SecretMasker(options.MaskedFields);
    }

    public AuditTrailOptions Options { get; }

    public UrlMatcher Urls { get; }

    public UrlMethodRules SkipRequestBody { get; }

    public UrlMethodRules SkipResponseBody { get; }

    public SecretMasker Masker { get; }
}
