namespace HomeVisit.Core.Data;

/// <summary>
/// The one place that decides the institution's "now" and "today": the institution's time zone (configuration key
/// <c>Institution:TimeZone</c>, an IANA id, default Asia/Shanghai) whatever the server's zone, because servers and
/// containers often run on UTC and between 00:00 and 08:00 Beijing time the UTC date is still yesterday.
/// Visit times are stored as the institution's wall-clock times; timestamps as UTC.
/// Never use DateTime.Today, DateTime.Now, TimeProvider.GetLocalNow() or UtcNow.Date for a business day.
/// </summary>
public static class InstitutionTime
{
    public const string Section = "Institution";
    public const string DefaultZoneId = "Asia/Shanghai";

    /// <summary>
    /// Static rather than per request: every page, service and job of one deployment serves institutions of one
    /// region, and the extension methods below are called from places (Razor markup, static helpers) that have no
    /// services at hand. Set once at start from configuration.
    /// </summary>
    public static TimeZoneInfo Zone { get; private set; } = TimeZoneInfo.FindSystemTimeZoneById(DefaultZoneId);

    /// <summary>Sets the institution's zone from an IANA (or Windows) id; a blank id keeps the default.</summary>
    public static void Configure(string? zoneId)
    {
        Zone = TimeZoneInfo.FindSystemTimeZoneById(string.IsNullOrWhiteSpace(zoneId) ? DefaultZoneId : zoneId.Trim());
    }

    /// <summary>Now, as the institution's wall-clock time.</summary>
    public static DateTime Now(this TimeProvider clock) =>
        TimeZoneInfo.ConvertTimeFromUtc(clock.GetUtcNow().UtcDateTime, Zone);

    /// <summary>The institution's business day.</summary>
    public static DateOnly Today(this TimeProvider clock) => DateOnly.FromDateTime(clock.Now());

    public static DateTime FromUtc(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    /// <summary>A UTC timestamp shown as the institution's wall-clock time.</summary>
    public static DateTime ToInstitutionTime(this DateTime utc) => FromUtc(utc);

    public static DateTime ToUtc(DateTime wallClock) =>
        TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(wallClock, DateTimeKind.Unspecified), Zone);
}
