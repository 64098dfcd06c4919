namespace AspNetAuditTrail.Reports.Insights;

/// <summary>The working days and hours of <see cref="SuspiciousActivityOptions"/>, in its time zone.</summary>
internal sealed class WorkingHours
{
    private readonly TimeZoneInfo _zone;
    private readonly HashSet<DayOfWeek> _days;
    private readonly TimeSpan _start;
    private readonly TimeSpan _end;

    /// <exception cref="InvalidOperationException">The time zone or a day is not known.</exception>
    public WorkingHours(SuspiciousActivityOptions options)
    {
        try
        {
            _zone = TimeZoneInfo.FindSystemTimeZoneById(options.TimeZone);
        }
        catch (TimeZoneNotFoundException)
        {
            throw new InvalidOperationException($"AuditTrail:Suspicious:TimeZone '{options.TimeZone}' is not a time zone of this machine (use an id such as Europe/Lisbon).");
        }

        _days = [.. options.WorkingDays.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(d =>
            Enum.TryParse<DayOfWeek>(d, ignoreCase: true, out var day) && Enum.IsDefined(day)
                ? day
                : throw new InvalidOperationException($"AuditTrail:Suspicious:WorkingDays names '{d}', which is not a day of the week."))];
        (_start, _end) = (options.WorkingHoursStart, options.WorkingHoursEnd);
    }

    /// <summary>Whether the time falls on a working day between the start and the end of the working day.</summary>
    public bool Contains(DateTimeOffset time)
    {
        var local = TimeZoneInfo.ConvertTime(time, _zone);
        return _days.Contains(local.DayOfWeek) && local.TimeOfDay >= _start && local.TimeOfDay < _end;
    }

    /// <summary>The date in the working hours' time zone.</summary>
    public DateOnly LocalDate(DateTimeOffset time) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time, _zone).DateTime);
}
