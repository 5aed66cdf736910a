using System.Globalization;
using System.Text;

namespace HomeVisit.Core.Calendar;

public sealed record IcsEvent(
    string Uid, int Sequence, DateTime Start, DateTime End, string Summary, string? Description, string? Url, bool Cancelled);

/// <summary>
/// Writes an iCalendar (RFC 5545) feed: CRLF line ends, text escaped (§3.3.11), lines folded at 75 octets
/// without splitting a UTF-8 character (§3.1), times in Asia/Shanghai with its VTIMEZONE.
/// </summary>
public static class IcsWriter
{
    public const string TimeZoneId = "Asia/Shanghai";

    public static string Write(string calendarName, IEnumerable<IcsEvent> events, DateTime stampUtc)
    {
        var sb = new StringBuilder();
        void Line(string text) => sb.Append(Fold(text)).Append("\r\n");

        Line("BEGIN:VCALENDAR");
        Line("VERSION:2.0");
        Line("PRODID:-//HomeVisit Portal//家访工作平台//ZH");
        Line("CALSCALE:GREGORIAN");
        Line("METHOD:PUBLISH");
        Line("X-WR-CALNAME:" + Escape(calendarName));
        Line("X-WR-TIMEZONE:" + TimeZoneId);
        // China has kept UTC+8 without daylight saving since 1991; one STANDARD component describes it.
        Line("BEGIN:VTIMEZONE");
        Line("TZID:" + TimeZoneId);
        Line("BEGIN:STANDARD");
        Line("DTSTART:19700101T000000");
        Line("TZOFFSETFROM:+0800");
        Line("TZOFFSETTO:+0800");
        Line("TZNAME:CST");
        Line("END:STANDARD");
        Line("END:VTIMEZONE");
        var stamp = Utc(stampUtc);
        foreach (var e in events)
        {
            Line("BEGIN:VEVENT");
            Line("UID:" + e.Uid);
            Line("SEQUENCE:" + e.Sequence.ToString(CultureInfo.InvariantCulture));
            Line("DTSTAMP:" + stamp);
            Line($"DTSTART;TZID={TimeZoneId}:{Local(e.Start)}");
            Line($"DTEND;TZID={TimeZoneId}:{Local(e.End)}");
            Line("SUMMARY:" + Escape(e.Summary));
            if (e.Description is not null) Line("DESCRIPTION:" + Escape(e.Description));
            if (e.Url is not null) Line("URL:" + e.Url);
            Line("STATUS:" + (e.Cancelled ? "CANCELLED" : "CONFIRMED"));
            Line("END:VEVENT");
        }
        Line("END:VCALENDAR");
        return sb.ToString();
    }

    /// <summary>Escapes TEXT values: backslash, semicolon, comma and newlines.</summary>
    public static string Escape(string text) => text
        .Replace("\\", "\\\\")
        .Replace(";", "\\;")
        .Replace(",", "\\,")
        .Replace("\r\n", "\\n")
        .Replace("\n", "\\n")
        .Replace("\r", "\\n");

    /// <summary>Folds a content line into lines of at most 75 octets; continuation lines start with a space.</summary>
    public static string Fold(string line)
    {
        var bytes = Encoding.UTF8.GetByteCount(line);
        if (bytes <= 75) return line;
        var sb = new StringBuilder();
        var octets = 0;
        var limit = 75;
        foreach (var rune in line.EnumerateRunes())
        {
            var size = rune.Utf8SequenceLength;
            if (octets + size > limit)
            {
                sb.Append("\r\n ");
                octets = 0;
                limit = 74; // the leading space counts
            }
            sb.Append(rune.ToString());
            octets += size;
        }
        return sb.ToString();
    }

    private static string Local(DateTime beijing) => beijing.ToString("yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture);

    private static string Utc(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
}
