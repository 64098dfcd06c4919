using System.Globalization;
using System.Text;

namespace AspNetAuditTrail.Reading;

/// <summary>A place in the newest-first order of requests (time, then id), handed out as an opaque continuation token.</summary>
/// <param name="OccurredAt">The time of the last row of a page.</param>
/// <param name="Id">Its id.</param>
public sealed record AuditPosition(DateTimeOffset OccurredAt, Guid Id)
{
    /// <summary>The opaque token form.</summary>
    public string ToToken() =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"{OccurredAt.UtcTicks.ToString(CultureInfo.InvariantCulture)}|{Id:N}"))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>Reads a token made by <see cref="ToToken"/>; false when it is not one.</summary>
    public static bool TryParse(string? token, out AuditPosition? position)
    {
        position = null;
        if (string.IsNullOrEmpty(token) || token.Length > 100)
        {
            return false;
        }

        try
        {
            var base64 = token.Replace('-', '+').Replace('_', '/');
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=')));
            var parts = text.Split('|');
            if (parts.Length == 2
                && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
                && ticks is >= 0 and <= 3155378975999999999
                && Guid.TryParseExact(parts[1], "N", out var id))
            {
                position = new AuditPosition(new DateTimeOffset(ticks, TimeSpan.Zero), id);
                return true;
            }
        }
        catch (FormatException)
        {
            // Not base64: not a token.
        }

        return false;
    }
}
