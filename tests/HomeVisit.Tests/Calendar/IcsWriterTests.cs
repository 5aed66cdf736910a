using System.Text;
using HomeVisit.Core.Calendar;
using Ical.Net;
using IcalCalendar = Ical.Net.Calendar;

namespace HomeVisit.Tests.Calendar;

/// <summary>
/// The feed as a calendar app reads it: parsed back with Ical.Net's reader, plus the wire-level rules (CRLF,
/// 75-octet lines, escaping) checked on the raw bytes, since a parser forgives what some clients do not.
/// </summary>
public sealed class IcsWriterTests
{
    private static readonly DateTime Stamp = new(2026, 11, 20, 2, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Chinese_text_with_special_characters_survives_escaping_and_folding_and_every_line_fits_75_octets()
    {
        var summary = "廉政家访：张三、李四;王五,赵六；钱七\\备注\n第二行 " + new string('家', 40);
        var ics = IcsWriter.Write("我的家访日程", [new IcsEvent("visit-7-inst-1@homevisit", 3, new DateTime(2026, 12, 1, 19, 30, 0), new DateTime(2026, 12, 1, 21, 0, 0), summary, "说明，含；分号", "https://portal.example/visits/7", false)], Stamp);

        Assert.All(PhysicalLines(ics), line => Assert.True(Encoding.UTF8.GetByteCount(line) <= 75, $"{Encoding.UTF8.GetByteCount(line)} octets: {line}"));
        Assert.Contains(PhysicalLines(ics), l => l.StartsWith(' ')); // the long summary was folded
        var e = Assert.Single(IcalCalendar.Load(ics)!.Events);
        Assert.Equal(summary, e.Summary);
        Assert.Equal("说明，含；分号", e.Description);
        var rawSummary = RawValue(ics, "SUMMARY");
        Assert.Contains("\\;", rawSummary);
        Assert.Contains("\\,", rawSummary);
        Assert.Contains("\\\\", rawSummary);
        Assert.Contains("\\n", rawSummary);
    }

    [Fact]
    public void Times_are_in_asia_shanghai_with_its_timezone_and_the_event_carries_uid_stamp_and_sequence()
    {
        var ics = IcsWriter.Write("日程", [new IcsEvent("visit-1-inst-1@homevisit", 5, new DateTime(2026, 12, 31, 23, 30, 0), new DateTime(2027, 1, 1, 0, 30, 0), "家访", null, null, true)], Stamp);
        var calendar = IcalCalendar.Load(ics)!;

        Assert.StartsWith("BEGIN:VCALENDAR\r\n", ics);
        Assert.Equal("2.0", calendar.Version);
        var zone = Assert.Single(calendar.TimeZones);
        Assert.Equal("Asia/Shanghai", zone.TzId);
        Assert.All(zone.TimeZoneInfos, info => Assert.Equal(TimeSpan.FromHours(8), info.OffsetTo!.Offset));
        Assert.Contains("TZOFFSETTO:+0800\r\n", ics);
        var e = Assert.Single(calendar.Events);
        Assert.Equal("visit-1-inst-1@homevisit", e.Uid);
        Assert.Equal(5, e.Sequence);
        Assert.Equal(Stamp, e.DtStamp!.AsUtc);
        Assert.True(e.DtStamp.IsUtc);
        Assert.Equal("Asia/Shanghai", e.DtStart!.TzId);
        Assert.Equal(new DateTime(2026, 12, 31, 23, 30, 0), e.DtStart.Value);
        Assert.Equal(new DateTime(2026, 12, 31, 15, 30, 0, DateTimeKind.Utc), e.DtStart.AsUtc); // Beijing is UTC+8
        Assert.Equal(new DateTime(2027, 1, 1, 0, 30, 0), e.DtEnd!.Value);
        Assert.Equal(EventStatus.Cancelled, e.Status);
        Assert.Contains("DTSTART;TZID=Asia/Shanghai:20261231T233000\r\n", ics);
    }

    [Fact]
    public void Folding_never_splits_a_multibyte_character()
    {
        var summary = new string('访', 60);
        var ics = IcsWriter.Write("日程", [new IcsEvent("visit-2-inst-1@homevisit", 1, new DateTime(2026, 12, 1, 9, 0, 0), new DateTime(2026, 12, 1, 10, 0, 0), summary, null, null, false)], Stamp);

        // Split the bytes, not the string: a fold inside a character would leave invalid UTF-8 on one line.
        var strict = new UTF8Encoding(false, throwOnInvalidBytes: true);
        var lines = Split(Encoding.UTF8.GetBytes(ics)).Select(strict.GetString).ToList();
        var start = lines.FindIndex(l => l.StartsWith("SUMMARY:", StringComparison.Ordinal));
        var pieces = lines.Skip(start).TakeWhile((l, i) => i == 0 || l.StartsWith(' ')).ToList();
        Assert.True(pieces.Count > 1);
        Assert.Equal("SUMMARY:" + summary, string.Concat(pieces.Select((p, i) => i == 0 ? p : p[1..])));
        Assert.Equal(summary, Assert.Single(IcalCalendar.Load(ics)!.Events).Summary);
    }

    private static string[] PhysicalLines(string ics)
    {
        Assert.EndsWith("\r\n", ics);
        Assert.DoesNotContain("\n", ics.Replace("\r\n", ""));
        return ics[..^2].Split("\r\n");
    }

    /// <summary>A property's value as written (still escaped), after RFC 5545 unfolding.</summary>
    private static string RawValue(string ics, string name) =>
        ics.Replace("\r\n ", "").Split("\r\n").Single(l => l.StartsWith(name + ":", StringComparison.Ordinal))[(name.Length + 1)..];

    private static IEnumerable<byte[]> Split(byte[] bytes)
    {
        var start = 0;
        for (var i = 0; i + 1 < bytes.Length; i++)
        {
            if (bytes[i] != '\r' || bytes[i + 1] != '\n') continue;
            yield return bytes[start..i];
            start = i + 2;
        }
    }
}
