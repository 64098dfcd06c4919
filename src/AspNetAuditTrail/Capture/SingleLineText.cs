using System.Text;

namespace AspNetAuditTrail.Capture;

/// <summary>
/// Makes a single-line field (path, query string, user name, user agent, endpoint) safe to show: C0 and C1 control
/// characters and bidirectional controls are written as visible <c>\uXXXX</c> escapes, so that a CR/LF cannot forge a
/// line in a report and a right-to-left override cannot disguise a path on a page.
/// </summary>
internal static class SingleLineText
{
    /// <summary>The value with every control character escaped; the same instance when it holds none.</summary>
    public static string? Neutralize(string? value)
    {
        if (value is null)
        {
            return null;
        }

        var first = IndexOfControl(value);
        if (first < 0)
        {
            return value;
        }

        var builder = new StringBuilder(value.Length + 12);
        builder.Append(value, 0, first);
        for (var i = first; i < value.Length; i++)
        {
            var c = value[i];
            if (IsControl(c))
            {
                builder.Append("\\u").Append(((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private static int IndexOfControl(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            if (IsControl(value[i]))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>C0, DEL and C1 controls; the bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) and marks (U+200E, U+200F, U+061C).</summary>
    private static bool IsControl(char c) =>
        c < 0x20 || c is >= '\u007F' and <= '\u009F' or >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069' or '\u200E' or '\u200F' or '\u061C';
}
