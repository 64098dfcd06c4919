using System.Globalization;

namespace AspNetAuditTrail.Reports.Insights;

/// <summary>A period cut into equal buckets for charts over time: at most <see cref="Max"/>, each 1, 5, 15 or 30 minutes, 1 to 12 hours, a day or a week.</summary>
internal sealed class TimeBuckets
{
    /// <summary>The most buckets a chart draws.</summary>
    public const int Max = 48;

    private static readonly TimeSpan[] Sizes =
    [
        TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(30),
        TimeSpan.FromHours(1), TimeSpan.FromHours(2), TimeSpan.FromHours(3), TimeSpan.FromHours(6), TimeSpan.FromHours(12),
        TimeSpan.FromDays(1), TimeSpan.FromDays(7),
    ];

    public TimeBuckets(DateTimeOffset from, DateTimeOffset to)
    {
        var length = to > from ? to - from : TimeSpan.FromMinutes(1);
        Size = Sizes.FirstOrDefault(s => length / s <= Max - 1, Sizes[^1]);
        Start = new DateTimeOffset(from.UtcTicks - (from.UtcTicks % Size.Ticks), TimeSpan.Zero);
        Count = Math.Clamp((int)Math.Ceiling((to - Start) / Size), 1, Max);
    }

    /// <summary>The length of one bucket.</summary>
    public TimeSpan Size { get; }

    /// <summary>The start of the first bucket (the period's start, rounded down to a whole bucket).</summary>
    public DateTimeOffset Start { get; }

    /// <summary>How many buckets there are.</summary>
    public int Count { get; }

    /// <summary>The bucket a time falls in (times outside the period: the nearest end).</summary>
    public int IndexOf(DateTimeOffset time) => (int)Math.Clamp((time - Start) / Size, 0, Count - 1);

    /// <summary>The bucket's start, as a short label: the time within a day, the date for days and weeks.</summary>
    public string Label(int index)
    {
        var start = (Start + (Size * index)).UtcDateTime;
        return start.ToString(Size >= TimeSpan.FromDays(1) ? "MM-dd" : Count * Size > TimeSpan.FromDays(1) ? "MM-dd HH:mm" : "HH:mm", CultureInfo.InvariantCulture);
    }
}
