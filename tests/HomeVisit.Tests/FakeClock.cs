namespace HomeVisit.Tests;

/// <summary>
/// A clock the test moves by hand, in Beijing time (UTC+8, no daylight saving) whatever the machine's zone,
/// so "today" and deadlines mean the same on every runner.
/// </summary>
public sealed class FakeClock(DateTimeOffset utcNow) : TimeProvider
{
    public static readonly TimeZoneInfo Beijing =
        TimeZoneInfo.CreateCustomTimeZone("Test/Beijing", TimeSpan.FromHours(8), "Beijing", "Beijing");

    private DateTimeOffset _utcNow = utcNow.ToUniversalTime();

    /// <summary>A clock at the given Beijing wall-clock time.</summary>
    public static FakeClock AtBeijing(int year, int month, int day, int hour = 10, int minute = 0) =>
        new(new DateTimeOffset(year, month, day, hour, minute, 0, TimeSpan.FromHours(8)));

    public override DateTimeOffset GetUtcNow() => _utcNow;

    public override TimeZoneInfo LocalTimeZone => Beijing;

    public void Advance(TimeSpan by) => _utcNow += by;

    /// <summary>Beijing "today".</summary>
    public DateTime Today => GetLocalNow().Date;
}
