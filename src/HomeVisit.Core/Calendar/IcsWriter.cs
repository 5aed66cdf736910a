using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace HomeVisit.Core.Calendar;

public sealed record IcsEvent(
    string Uid, int Sequence, DateTime Start, DateTime End, string Summary, string? Description, string? Url, bool Cancelled);

/// <summary>
/// Builds the iCalendar (RFC 5545) feed with Ical.Net, which escapes text, ends lines with CRLF and folds them at
/// 75 octets without splitting a UTF-8 character. Times are the institution's wall-clock times
/// (<see cref="Data.InstitutionTime"/>, default Asia/Shanghai), written with that TZID and its VTIMEZONE so every
/// calendar app shows them as planned.
/// </summary>
public static class IcsWriter
{
    private const string ShanghaiId = "Asia/Shanghai";

    /// <summary>The institution's IANA zone id, the TZID of every time in the feed.</summary>
    public static string TimeZoneId => Data.InstitutionTime.Zone.Id;

    public static string Write(string calendarName, IEnumerable<IcsEvent> events, DateTime stampUtc)
    {
        var calendar = new Ical.Net.Calendar
        {
            ProductId = "-//HomeVisit Portal//家访工作平台//ZH",
            Scale = "GREGORIAN",
            Method = "PUBLISH",
        };
        // Outlook and Apple Calendar name a subscribed calendar by these non-standard properties.
        calendar.AddProperty("X-WR-CALNAME", calendarName);
        calendar.AddProperty("X-WR-TIMEZONE", TimeZoneId);
        calendar.TimeZones.Add(TimeZoneId == ShanghaiId ? Shanghai() : VTimeZone.FromDateTimeZone(TimeZoneId));

        var stamp = new CalDateTime(DateTime.SpecifyKind(stampUtc, DateTimeKind.Utc), CalDateTime.UtcTzId);
        foreach (var e in events)
        {
            var item = new CalendarEvent
            {
                Uid = e.Uid,
                Sequence = e.Sequence,
                DtStamp = stamp,
                DtStart = Beijing(e.Start),
                DtEnd = Beijing(e.End),
                Summary = e.Summary,
                Status = e.Cancelled ? EventStatus.Cancelled : EventStatus.Confirmed,
            };
            if (e.Description is not null) item.Description = e.Description;
            if (e.Url is not null) item.Url = new Uri(e.Url);
            calendar.Events.Add(item);
        }
        return new CalendarSerializer().SerializeToString(calendar)!;
    }

    private static CalDateTime Beijing(DateTime wallClock) =>
        new(DateTime.SpecifyKind(wallClock, DateTimeKind.Unspecified), TimeZoneId, hasTime: true);

    /// <summary>
    /// China has kept UTC+8 without daylight saving since 1991, so one STANDARD component describes the zone.
    /// Ical.Net's generated VTIMEZONE for Asia/Shanghai carries a yearly rule from the 1991 DST end instead, which
    /// some clients show as a transition every September.
    /// </summary>
    private static VTimeZone Shanghai()
    {
        var zone = new VTimeZone(ShanghaiId);
        // Ical.Net adds X-LIC-LOCATION; the feed carries no property named LOCATION at all (the place of a visit
        // can be a home address, and the tests guard the word).
        zone.Properties.Remove("X-LIC-LOCATION");
        zone.TimeZoneInfos.Add(new VTimeZoneInfo("STANDARD")
        {
            DtStart = new CalDateTime(1970, 1, 1, 0, 0, 0, null),
            OffsetFrom = new UtcOffset(TimeSpan.FromHours(8)),
            OffsetTo = new UtcOffset(TimeSpan.FromHours(8)),
            TimeZoneName = "CST",
        });
        return zone;
    }
}
