using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Http;

namespace AspNetAuditTrail.Reports.Page;

/// <summary>
/// What every admin page shares: its only stylesheet (allowed by hash: the pages run no script and load nothing), the
/// Content-Security-Policy, the head and the navigation between the views.
/// </summary>
internal static class PageShell
{
    internal const string Stylesheet =
        "body{font-family:system-ui,sans-serif;margin:1.5rem;color:#1c1c1c}" +
        ".verified{color:#006b35}.broken{color:#c00000;font-weight:bold}" +
        "table{border-collapse:collapse;width:100%;font-size:.85rem}" +
        "th,td{border-bottom:1px solid #ddd;padding:.3rem .4rem;text-align:left;vertical-align:top}" +
        "th{background:#eef1f4} td.path{word-break:break-all}" +
        "form{display:flex;flex-wrap:wrap;gap:.6rem;align-items:end;margin:1rem 0}" +
        "label{display:flex;flex-direction:column;font-size:.8rem}" +
        ".downloads a{display:inline-block;margin:.2rem .4rem .2rem 0;padding:.35rem .7rem;border:1px solid #345;border-radius:4px;text-decoration:none;color:#123}" +
        ".errors{color:#a00} .s4{color:#a60} .s5{color:#c00;font-weight:bold} ul.fields{margin:0;padding-left:1rem}" +
        "dl{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem;font-size:.85rem}dt{font-weight:bold}dd{margin:0}" +
        "pre{white-space:pre-wrap;word-break:break-all;margin:0;font-size:.8rem;background:#f6f8fa;padding:.3rem}" +
        "nav{display:flex;gap:1rem;font-size:.9rem}nav a[aria-current]{font-weight:bold;text-decoration:none;color:#1c1c1c}" +
        ".figures{display:flex;flex-wrap:wrap;gap:.5rem 2rem;margin:.4rem 0;font-size:.9rem}.figures b{font-size:1.25rem;display:block}" +
        ".grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(300px,1fr));gap:.8rem}" +
        ".card{margin:0;border:1px solid #dde2e7;border-radius:6px;padding:.5rem}figcaption{font-weight:bold;font-size:.85rem}" +
        ".chart{width:100%;height:auto;display:block}.chart text{font-size:10px;fill:#333}.axis{stroke:#999}" +
        ".key{width:.7rem;height:.7rem;margin-right:.2rem}.legend{display:flex;gap:.8rem;font-size:.75rem;margin:.2rem 0}" +
        ".c1{fill:#7a7a7a}.c2{fill:#2e7d32}.c3{fill:#1565c0}.c4{fill:#ef8f00}.c5{fill:#c62828}.c6{fill:#6a1b9a}" +
        "details{font-size:.75rem}.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}" +
        ".none{color:#666;font-size:.8rem}";

    internal static readonly string ContentSecurityPolicy =
        $"default-src 'none'; style-src 'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(Stylesheet)))}'; " +
        "form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    private static readonly (string Path, string Label)[] Views =
    [
        ("/overview", "Overview"), ("/", "Requests"), ("/logins", "Sign-ins"), ("/security", "Security events"), ("/processes", "Processes"),
        ("/?kind=event", "Business events"), ("/?kind=change", "Changes of records"), ("/suspicious", "Suspicious activity"),
    ];

    private static readonly HtmlEncoder Html = HtmlEncoder.Default;

    /// <summary>The admin group's base path for links (<c>/audit</c>).</summary>
    public static string Prefix(HttpContext context, string ownPath)
    {
        var path = context.Request.PathBase + context.Request.Path.Value!.TrimEnd('/');
        return ownPath.Length > 0 && path.EndsWith(ownPath, StringComparison.Ordinal) ? path[..^ownPath.Length] : path;
    }

    /// <summary>Sets the policy and writes the head, the navigation (<paramref name="current"/> marked) and the heading: the title, or <paramref name="heading"/> (HTML, already encoded).</summary>
    public static StringBuilder Begin(HttpContext context, string title, string prefix, string current, string? heading = null)
    {
        context.Response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        var html = new StringBuilder();
        html.Append($"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>{Html.Encode(title)}</title>
            <style>{Stylesheet}</style></head><body><nav aria-label="Views">
            """);
        foreach (var (path, label) in Views)
        {
            var mark = path == current ? " aria-current=\"page\"" : "";
            html.Append($"<a href=\"{Html.Encode(prefix + path)}\"{mark}>{label}</a>");
        }

        return html.Append("</nav>").Append(heading ?? $"<h1>{Html.Encode(title)}</h1>");
    }

    /// <summary>Closes the page and answers it.</summary>
    public static IResult End(StringBuilder html, int statusCode = StatusCodes.Status200OK) =>
        Results.Content(html.Append("</body></html>").ToString(), "text/html; charset=utf-8", Encoding.UTF8, statusCode);
}
