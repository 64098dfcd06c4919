using AspNetAuditTrail.Capture;

namespace AspNetAuditTrail.Tests.Capture;

public class BruteForceDetectorTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    private static IReadOnlyList<(string Kind, string Key, int Failures)> Fail(BruteForceDetector detector, string? user, string? ip, TimeSpan after, int maxTracked = 100) =>
        detector.RecordFailure(user, ip, Start + after, threshold: 5, Window, maxTracked);

    [Fact]
    public void TheFifthFailureWithinTheWindowRaisesTheAlarmOnce()
    {
        var detector = new BruteForceDetector();

        for (var i = 0; i < 4; i++)
        {
            Assert.Empty(Fail(detector, "carol", null, TimeSpan.FromMinutes(i)));
        }

        Assert.Equal([("user", "carol", 5)], Fail(detector, "carol", null, TimeSpan.FromMinutes(4)));
        Assert.Empty(Fail(detector, "carol", null, TimeSpan.FromMinutes(5)));
        Assert.Empty(Fail(detector, "carol", null, TimeSpan.FromMinutes(6)));
    }

    [Fact]
    public void FailuresOlderThanTheWindowDoNotCount()
    {
        var detector = new BruteForceDetector();

        for (var i = 0; i < 4; i++)
        {
            Fail(detector, "carol", null, TimeSpan.FromMinutes(i * 5));
        }

        // The first failure (minute 0) is 15 minutes old at minute 15: four failures remain in the window.
        Assert.Empty(Fail(detector, "carol", null, TimeSpan.FromMinutes(15)));
        Assert.Single(Fail(detector, "carol", null, TimeSpan.FromMinutes(16)));
    }

    [Fact]
    public void UserNamesAndAddressesAreCountedApart()
    {
        var detector = new BruteForceDetector();

        for (var i = 0; i < 4; i++)
        {
            Assert.Empty(Fail(detector, $"user{i}", "203.0.113.5", TimeSpan.FromSeconds(i)));
        }

        Assert.Equal([("ip", "203.0.113.5", 5)], Fail(detector, "user4", "203.0.113.5", TimeSpan.FromSeconds(4)));
    }

    [Fact]
    public void UserNamesAreCaseInsensitive()
    {
        var detector = new BruteForceDetector();

        foreach (var name in new[] { "Carol", "CAROL", "carol", "cArol" })
        {
            Fail(detector, name, null, TimeSpan.Zero);
        }

        Assert.Single(Fail(detector, "CaRoL", null, TimeSpan.Zero));
    }

    [Fact]
    public void MemoryStaysBoundedUnderManyNames()
    {
        var detector = new BruteForceDetector();

        for (var i = 0; i < 10_000; i++)
        {
            Fail(detector, $"random-{i}", null, TimeSpan.FromMilliseconds(i), maxTracked: 500);
        }

        Assert.True(detector.TrackedKeys <= 500, $"{detector.TrackedKeys} keys tracked");
    }

    [Fact]
    public void ZeroTurnsDetectionOff()
    {
        var detector = new BruteForceDetector();

        for (var i = 0; i < 10; i++)
        {
            Assert.Empty(detector.RecordFailure("carol", null, Start, threshold: 0, Window, 100));
        }
    }
}
