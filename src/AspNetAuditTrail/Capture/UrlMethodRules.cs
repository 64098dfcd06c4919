using System.Text.RegularExpressions;
using AspNetAuditTrail.Configuration;

namespace AspNetAuditTrail.Capture;

/// <summary>A compiled list of <see cref="UrlRule"/>: path pattern plus optional method, matched as <see cref="UrlMatcher"/> matches.</summary>
internal sealed class UrlMethodRules
{
    private readonly (Regex Pattern, string? Method)[] _rules;

    public UrlMethodRules(IEnumerable<UrlRule> rules, bool caseSensitive)
    {
        _rules = rules
            .Select(r => (UrlMatcher.Compile(r.Pattern, caseSensitive), NormalizeMethod(r.Method)))
            .ToArray();
    }

    private static string? NormalizeMethod(string? method) =>
        string.IsNullOrWhiteSpace(method) || method.Trim().Equals("ALL", StringComparison.OrdinalIgnoreCase)
            ? null
            : method.Trim();

    public bool Matches(string method, string path)
    {
        path = UrlMatcher.Normalize(path);
        foreach (var (pattern, ruleMethod) in _rules)
        {
            if (ruleMethod is not null && !ruleMethod.Equals(method, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (UrlMatcher.IsMatch(pattern, path))
            {
                return true;
            }
        }

        return false;
    }
}
