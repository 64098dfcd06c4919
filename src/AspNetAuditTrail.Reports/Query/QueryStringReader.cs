using System.Globalization;
using AspNetAuditTrail.Reading;
using Microsoft.AspNetCore.Http;

namespace AspNetAuditTrail.Reports.Query;

/// <summary>Reads filters from a query string, collecting one message per bad filter, named by the filter.</summary>
internal sealed class QueryStringReader(IQueryCollection values)
{
    private const int MaxListValues = 50;

    public Dictionary<string, string[]> Errors { get; } = new(StringComparer.Ordinal);

    public string? Get(string name) => values.TryGetValue(name, out var v) && !string.IsNullOrWhiteSpace(v.ToString()) ? v.ToString().Trim() : null;

    public void Fail(string name, string message) => Errors[name] = [message];

    /// <summary>A filter that only applies to another kind of row is an error, not silently ignored.</summary>
    public void Refuse(string kind, params string[] names)
    {
        foreach (var name in names.Where(n => Get(n) is not null))
        {
            Fail(name, $"'{name}' does not apply to kind={kind}.");
        }
    }

    public DateTimeOffset? Time(string name)
    {
        if (Get(name) is not { } text)
        {
            return null;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time))
        {
            return time;
        }

        Fail(name, $"'{name}' must be a date and time, for example 2026-11-24T08:00:00Z.");
        return null;
    }

    public string? Text(string name, int maxLength)
    {
        var text = Get(name);
        if (text is not null && text.Length > maxLength)
        {
            Fail(name, $"'{name}' is longer than {maxLength} characters.");
            return null;
        }

        return text;
    }

    /// <summary>A filter that takes several values, repeated (<c>service=a&amp;service=b</c>) or comma-separated.</summary>
    public IReadOnlyList<string> List(string name, int maxLength)
    {
        var items = values.TryGetValue(name, out var v)
            ? v.SelectMany(s => (s ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Distinct(StringComparer.Ordinal).ToArray()
            : [];
        if (items.Length > MaxListValues || items.Any(i => i.Length > maxLength))
        {
            Fail(name, $"'{name}' takes at most {MaxListValues} values of at most {maxLength} characters each.");
            return [];
        }

        return items;
    }

    public int PageSize(int fallback)
    {
        if (Get("pageSize") is not { } text)
        {
            return fallback;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var size) && size is >= 1 and <= 1000)
        {
            return size;
        }

        Fail("pageSize", "'pageSize' must be a number from 1 to 1000.");
        return fallback;
    }

    public AuditPosition? After()
    {
        if (Get("after") is not { } text)
        {
            return null;
        }

        if (AuditPosition.TryParse(text, out var position))
        {
            return position;
        }

        Fail("after", "'after' is not a continuation token from a previous page.");
        return null;
    }

    public void CheckRange(DateTimeOffset? from, DateTimeOffset? to)
    {
        if (from is { } start && to is { } end && start > end)
        {
            Fail("to", "'to' is before 'from'.");
        }
    }
}
