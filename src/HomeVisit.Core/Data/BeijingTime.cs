namespace HomeVisit.Core.Data;

/// <summary>
/// The portal's business day is China Standard Time whatever the server's zone (servers and containers often
/// run on UTC). Visit times are stored as Beijing wall-clock times; timestamps as UTC.
/// </summary>
public static class BeijingTime
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    /// <summary>Now, as a Beijing wall-clock time.</summary>
    public static DateTime Now(this TimeProvider clock) =>
        TimeZoneInfo.ConvertTimeFromUtc(clock.GetUtcNow().UtcDateTime, Zone);

    public static DateOnly Today(this TimeProvider clock) => DateOnly.FromDateTime(clock.Now());

    public static DateTime FromUtc(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    /// <summary>A UTC timestamp shown as Beijing time.</summary>
    public static DateTime ToBeijing(this DateTime utc) => FromUtc(utc);

    public static DateTime ToUtc(DateTime beijing) =>
        TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(beijing, DateTimeKind.Unspecified), Zone);
}
