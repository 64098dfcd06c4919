using System.Globalization;
using System.Text;

namespace AspNetAuditTrail.Reports.Export;

/// <summary>
/// CSV fields (RFC 4180): quoted when they hold a comma, quote or line break, quotes doubled; a field that a
/// spreadsheet would run as a formula (starting with = + - @, tab or carriage return) is prefixed with a quote.
/// </summary>
internal static class Csv
{
    public static string Field(object? value)
    {
        var text = value switch
        {
            null => "",
            DateTimeOffset time => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture),
            IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? "",
        };
        if (text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' && value is string)
        {
            text = "'" + text;
        }

        return text.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }

    public static string Line(IEnumerable<object?> values)
    {
        var line = new StringBuilder();
        var first = true;
        foreach (var value in values)
        {
            if (!first)
            {
                line.Append(',');
            }

            first = false;
            line.Append(Field(value));
        }

        return line.Append("\r\n").ToString();
    }
}
