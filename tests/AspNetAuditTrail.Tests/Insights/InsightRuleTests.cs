using AspNetAuditTrail.Alerts;
using AspNetAuditTrail.Reports;
using AspNetAuditTrail.Reports.Insights;

namespace AspNetAuditTrail.Tests.Insights;

public sealed class InsightRuleTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 18, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void BurstsFarApartAreSeparateIncidentsAndABurstGrowsWhileItsWindowsOverlap()
    {
        DateTimeOffset[] times =
        [
            .. Enumerable.Range(0, 5).Select(i => T0.AddMinutes(i)),                 // 0-4: a burst
            .. Enumerable.Range(0, 3).Select(i => T0.AddMinutes(14 + i)),             // 5-7: continue it (windows overlap)
            T0.AddHours(2),                                                            // 8: alone
            .. Enumerable.Range(0, 5).Select(i => T0.AddHours(5).AddSeconds(i)),      // 9-13: another burst
        ];

        Assert.Equal([(0, 7), (9, 13)], Bursts.Find(times, 5, TimeSpan.FromMinutes(15)));
        Assert.Empty(Bursts.Find(times[..4], 5, TimeSpan.FromMinutes(15)));
        Assert.Equal([(0, 13)], Bursts.Find(times, 1, TimeSpan.MaxValue));
    }

    [Theory]
    [InlineData(1, 60, 24)]        // a day: hours
    [InlineData(7, 360, 28)]       // a week: 6 hours
    [InlineData(30, 1440, 30)]     // a month: days
    [InlineData(366, 10080, 48)]   // a year: weeks, at most 48
    public void TimeBucketsPickAWholeSizeAndNeverMoreThan48(int days, int minutes, int count)
    {
        var buckets = new TimeBuckets(T0, T0.AddDays(days));
        Assert.Equal(TimeSpan.FromMinutes(minutes), buckets.Size);
        Assert.Equal(count, buckets.Count);
        Assert.Equal(0, buckets.IndexOf(T0.AddDays(-3)));
        Assert.Equal(count - 1, buckets.IndexOf(T0.AddDays(days + 3)));
    }

    [Fact]
    public void WorkingHoursAreReadInTheirTimeZone()
    {
        var hours = new WorkingHours(new SuspiciousActivityOptions { TimeZone = "America/Sao_Paulo" });
        Assert.True(hours.Contains(T0.AddHours(12)));    // Wednesday 09:00 in São Paulo
        Assert.False(hours.Contains(T0.AddHours(10)));   // 07:00 there
        Assert.False(hours.Contains(T0.AddDays(3).AddHours(12)));   // Saturday
        Assert.Throws<InvalidOperationException>(() => new WorkingHours(new SuspiciousActivityOptions { WorkingDays = "Monday,Funday" }));
        Assert.Throws<InvalidOperationException>(() => new WorkingHours(new SuspiciousActivityOptions { TimeZone = "Mars/Olympus" }));
    }

    [Fact]
    public void UnusualVolumeComparesADayWithTheUsualDayBeforeIt()
    {
        var volumes = new DailyVolumes();
        for (var day = 1; day <= 14; day++)
        {
            for (var i = 0; i < 40; i++)
            {
                volumes.Add("ana", T0.AddDays(-day).AddMinutes(i));
            }
        }

        for (var i = 0; i < 299; i++)
        {
            volumes.Add("new", T0.AddSeconds(i));
            if (i < 119)
            {
                volumes.Add("ana", T0.AddMinutes(i));
            }
        }

        var options = new SuspiciousActivityOptions();
        Assert.Empty(volumes.Unusual(new InsightScope(T0, T0.AddDays(1)), options));   // ana: 119 < 3 × 40; new, without history: 299 < 3 × 100
        volumes.Add("ana", T0.AddHours(3));
        volumes.Add("new", T0.AddHours(3));
        Assert.Equal(["ana", "new"], volumes.Unusual(new InsightScope(T0, T0.AddDays(1)), options).Select(f => f.User));
    }

    [Fact]
    public void ASchedulesNextRunIsItsTimeOfDayInItsZoneOnItsDay()
    {
        var now = new DateTimeOffset(2026, 11, 18, 10, 0, 0, TimeSpan.Zero);   // Wednesday
        Assert.Equal(new DateTimeOffset(2026, 11, 19, 7, 0, 0, TimeSpan.Zero), ReportScheduler.Next(new ReportSchedule(), now));
        Assert.Equal(new DateTimeOffset(2026, 11, 18, 11, 0, 0, TimeSpan.Zero), ReportScheduler.Next(new ReportSchedule { At = TimeSpan.FromHours(11) }, now));
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 7, 0, 0, TimeSpan.Zero), ReportScheduler.Next(new ReportSchedule { Every = "Weekly" }, now));
        Assert.Equal(new DateTimeOffset(2026, 11, 19, 10, 0, 0, TimeSpan.Zero), ReportScheduler.Next(new ReportSchedule { TimeZone = "America/Sao_Paulo" }, now));
    }
}
