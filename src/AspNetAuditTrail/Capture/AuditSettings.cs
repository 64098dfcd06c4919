using AspNetAuditTrail.Configuration;

namespace AspNetAuditTrail.Capture;

/// <summary>The options compiled once per change: regexes, masked-field set and the per-path decision cache.</summary>
internal sealed class AuditSettings
{
    /// <summary>What <see cref="AuditTrailOptions.RequestAuditUrls"/> means when left empty.</summary>
    public const string DefaultAuditUrl = "^/api/";

    /// <summary>What <see cref="AuditTrailOptions.AuthUrls"/> means when left empty.</summary>
    public static readonly UrlRule DefaultAuthUrl = new() { Pattern = "^/api/token$", Method = "POST" };

    /// <summary>What <see cref="AuditTrailOptions.LogoutUrls"/> means when left empty.</summary>
    public static readonly UrlRule DefaultLogoutUrl = new() { Pattern = "^/api/logout$", Method = "POST" };

    public AuditSettings(AuditTrailOptions options)
    {
        Options = options;
        List<UrlRule> authUrls = options.AuthUrls.Count > 0 ? options.AuthUrls : [DefaultAuthUrl];
        List<UrlRule> logoutUrls = options.LogoutUrls.Count > 0 ? options.LogoutUrls : [DefaultLogoutUrl];
        var caseSensitive = options.CaseSensitiveUrls;
        AuthUrls = new UrlMethodRules(authUrls, caseSensitive);
        LogoutUrls = new UrlMethodRules(logoutUrls, caseSensitive);

        // Sign-in and sign-out endpoints are always audited.
        var audited = options.RequestAuditUrls.Count > 0 ? options.RequestAuditUrls : [DefaultAuditUrl];
        Urls = new UrlMatcher(audited.Concat(authUrls.Concat(logoutUrls).Select(r => r.Pattern)), options.ExcludedUrls, caseSensitive);
        SkipRequestBody = new UrlMethodRules(options.SkipRequestBodyUrls, caseSensitive);
        SkipResponseBody = new UrlMethodRules(options.SkipResponseBodyUrls, caseSensitive);
        Masker = new SecretMasker(options.MaskedFields);
    }

    public AuditTrailOptions Options { get; }

    public UrlMatcher Urls { get; }

    public UrlMethodRules SkipRequestBody { get; }

    public UrlMethodRules SkipResponseBody { get; }

    public SecretMasker Masker { get; }

    public UrlMethodRules AuthUrls { get; }

    public UrlMethodRules LogoutUrls { get; }
}
