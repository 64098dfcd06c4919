using AspNetAuditTrail.Capture;
using AspNetAuditTrail.Configuration;

namespace AspNetAuditTrail.Tests.Capture;

public class UrlMatcherTests
{
    [Theory]
    [InlineData("/api/products", true)]
    [InlineData("/api/products/", true)]
    [InlineData("/API/Products", true)]
    [InlineData("/api/", false)]
    [InlineData("/api", false)]
    [InlineData("/health", false)]
    [InlineData("/v1/api/products", false)]
    public void DefaultAuditsPathsUnderApi(string path, bool audited)
    {
        var settings = new AuditSettings(new AuditTrailOptions());

        Assert.Equal(audited, settings.Urls.IsAudited(path));
    }

    [Fact]
    public void ExcludedUrlsWinOverIncludedOnes()
    {
        var matcher = new UrlMatcher(["^/api/"], ["^/api/internal$"], caseSensitive: false);

        Assert.True(matcher.IsAudited("/api/products"));
        Assert.False(matcher.IsAudited("/api/internal"));
        Assert.False(matcher.IsAudited("/api/Internal/"));
    }

    [Fact]
    public void CaseSensitiveUrlsMatchCaseAsWritten()
    {
        var settings = new AuditSettings(new AuditTrailOptions { CaseSensitiveUrls = true });

        Assert.True(settings.Urls.IsAudited("/api/products/"));
        Assert.False(settings.Urls.IsAudited("/API/products"));
        Assert.False(settings.AuthUrls.Matches("POST", "/API/token"));
        Assert.True(settings.AuthUrls.Matches("POST", "/api/token/"));
    }

    [Fact]
    public void CachedDecisionIsTheSameAsTheFirst()
    {
        var matcher = new UrlMatcher(["^/orders/\\d+$"], [], caseSensitive: false);

        Assert.True(matcher.IsAudited("/orders/12"));
        Assert.True(matcher.IsAudited("/orders/12"));
        Assert.False(matcher.IsAudited("/orders/x"));
        Assert.False(matcher.IsAudited("/orders/x"));
    }

    [Fact]
    public void ConfiguredListReplacesTheDefault()
    {
        var settings = new AuditSettings(new AuditTrailOptions { RequestAuditUrls = ["^/orders"] });

        Assert.True(settings.Urls.IsAudited("/orders/1"));
        Assert.False(settings.Urls.IsAudited("/api/products"));
    }

    [Theory]
    [InlineData("POST", "/api/token", true)]
    [InlineData("post", "/api/token", true)]
    [InlineData("POST", "/API/Token/", true)]
    [InlineData("GET", "/api/token", false)]
    [InlineData("GET", "/api/files/1", true)]
    [InlineData("DELETE", "/api/files/1", true)]
    [InlineData("GET", "/api/products", false)]
    public void BodyRulesMatchPathAndMethod(string method, string path, bool matches)
    {
        var rules = new UrlMethodRules(
        [
            new UrlRule { Pattern = "^/api/token$", Method = "POST" },
            new UrlRule { Pattern = "^/api/files/", Method = "ALL" },
        ], caseSensitive: false);

        Assert.Equal(matches, rules.Matches(method, path));
    }
}
