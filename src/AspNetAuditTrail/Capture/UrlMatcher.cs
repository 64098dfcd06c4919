using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace AspNetAuditTrail.Capture;

/// <summary>
/// Decides whether a path is audited: one include list, one exclude list, decisions cached per path. Like routing,
/// patterns ignore case (unless <see cref="Configuration.AuditTrailOptions.CaseSensitiveUrls"/>) and a trailing slash.
/// </summary>
internal sealed class UrlMatcher
{
    private const int MaxCachedPaths = 10_000;
    internal static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(250);

    private readonly Regex[] _include;
    private readonly Regex[] _exclude;
    private readonly ConcurrentDictionary<string, bool> _decisions = new(StringComparer.Ordinal);

    public UrlMatcher(IEnumerable<string> include, IEnumerable<string> exclude, bool caseSensitive)
    {
        _include = include.Select(p => Compile(p, caseSensitive)).ToArray();
        _exclude = exclude.Select(p => Compile(p, caseSensitive)).ToArray();
    }

    internal static Regex Compile(string pattern, bool caseSensitive) => new(
        pattern,
        RegexOptions.Compiled | RegexOptions.CultureInvariant | (caseSensitive ? RegexOptions.None : RegexOptions.IgnoreCase),
        MatchTimeout);

    /// <summary>The path as URL patterns see it: without a trailing slash, as routing treats <c>/api/token/</c> like <c>/api/token</c>.</summary>
    internal static string Normalize(string path)
    {
        var trimmed = path.TrimEnd('/');
        return trimmed.Length == path.Length ? path : trimmed.Length == 0 ? "/" : trimmed;
    }

    /// <summary>True when the path matches an include pattern and no exclude pattern.</summary>
    public bool IsAudited(string path)
    {
        if (_decisions.TryGetValue(path, out var audited))
        {
            return audited;
        }

        var normalized = Normalize(path);
        audited = AnyMatch(_include, normalized) && !AnyMatch(_exclude, normalized);
        if (_decisions.Count < MaxCachedPaths)
        {
            _decisions.TryAdd(path, audited);
        }

        return audited;
    }

    private static bool AnyMatch(Regex[] patterns, string path)
    {
        foreach (var pattern in patterns)
        {
            if (IsMatch(pattern, path))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Matches with a time limit: a pattern that cannot decide in time does not match.</summary>
    internal static bool IsMatch(Regex pattern, string path)
    {
        try
        {
            return pattern.IsMatch(path);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }
}
