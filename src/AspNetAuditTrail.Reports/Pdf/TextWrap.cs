using System.Text;

namespace AspNetAuditTrail.Reports.Pdf;

/// <summary>Breaks text into lines that fit a width: after / ? &amp; , and spaces when it can, anywhere when it must.</summary>
internal static class TextWrap
{
    private const string BreakAfter = "/?&, ";

    public static List<string> Lines(string text, double width, Func<string, double> measure)
    {
        // Most cells fit as they are: one measurement, nothing built.
        if (!text.Contains('\n', StringComparison.Ordinal) && measure(text) <= width)
        {
            return [text];
        }

        var lines = new List<string>();
        foreach (var paragraph in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            var line = new StringBuilder();
            foreach (var token in Tokens(paragraph))
            {
                if (line.Length > 0 && measure(line + token) > width)
                {
                    lines.Add(line.ToString().TrimEnd());
                    line.Clear();
                }

                if (measure(token) <= width)
                {
                    line.Append(token);
                    continue;
                }

                // A token wider than the column: cut it by characters.
                foreach (var ch in token)
                {
                    if (line.Length > 0 && measure(line.ToString() + ch) > width)
                    {
                        lines.Add(line.ToString());
                        line.Clear();
                    }

                    line.Append(ch);
                }
            }

            lines.Add(line.ToString().TrimEnd());
        }

        return lines;
    }

    private static IEnumerable<string> Tokens(string text)
    {
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (BreakAfter.Contains(text[i], StringComparison.Ordinal))
            {
                yield return text[start..(i + 1)];
                start = i + 1;
            }
        }

        if (start < text.Length)
        {
            yield return text[start..];
        }
    }
}
