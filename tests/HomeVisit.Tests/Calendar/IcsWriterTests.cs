using System.Text;
using HomeVisit.Core.Calendar;

namespace HomeVisit.Tests.Calendar;

public sealed class IcsWriterTests
{
    private static readonly DateTime Stamp = new(2026, 11, 20, 2, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Chinese_text_with_special_characters_survives_escaping_and_folding_and_every_line_fits_75_octets()
    {
        var summary = "廉政家访：张三、李四;王五,赵六；钱七\\备注\n第二行 " + new string('家', 40);
        var ics = IcsWriter.Write("我的家访日程", [new IcsEvent("visit-7-inst-1@homevisit", 3, new DateTime(2026, 12, 1, 19, 30, 0), new DateTime(2026, 12, 1, 21, 0, 0), summary, "说明，含；分号", "https://portal.example/visits/7", false)], Stamp);

        Assert.All(IcsReader.PhysicalLines(ics), line => Assert.True(Encoding.UTF8.GetByteCount(line) <= 75, $"{Encoding.UTF8.GetByteCount(line)} octets: {line}"));
        Assert.Contains(IcsReader.PhysicalLines(ics), l => l.StartsWith(' ')); // the long summary was folded
        var e = Assert.Single(IcsReader.Events(ics));
        Assert.Equal(summary, IcsReader.Unescape(e["SUMMARY"].Value));
        Assert.Equal("说明，含；分号", IcsReader.Unescape(e["DESCRIPTION"].Value));
        Assert.Contains("\\;", e["SUMMARY"].Value);
        Assert.Contains("\\,", e["SUMMARY"].Value);
        Assert.Contains("\\\\", e["SUMMARY"].Value);
        Assert.Contains("\\n", e["SUMMARY"].Value);
    }

    [Fact]
    public void Times_are_in_asia_shanghai_with_its_timezone_and_the_event_carries_uid_stamp_and_sequence()
    {
        var ics = IcsWriter.Write("日程", [new IcsEvent("visit-1-inst-1@homevisit", 5, new DateTime(2026, 12, 31, 23, 30, 0), new DateTime(2027, 1, 1, 0, 30, 0), "家访", null, null, true)], Stamp);
        var all = IcsReader.Parse(ics);

        Assert.Equal(("BEGIN", "VCALENDAR"), (all[0].Name, all[0].Value));
        Assert.Contains(all, p => p.Name == "VERSION" && p.Value == "2.0");
        Assert.Contains(all, p => p.Name == "TZID" && p.Value == "Asia/Shanghai");
        Assert.Contains(all, p => p.Name == "TZOFFSETTO" && p.Value == "+0800");
        var e = Assert.Single(IcsReader.Events(ics));
        Assert.Equal("visit-1-inst-1@homevisit", e["UID"].Value);
        Assert.Equal("5", e["SEQUENCE"].Value);
        Assert.Equal("20261120T020000Z", e["DTSTAMP"].Value);
        Assert.Equal("Asia/Shanghai", e["DTSTART"].Parameters["TZID"]);
        Assert.Equal("20261231T233000", e["DTSTART"].Value);
        Assert.Equal("20270101T003000", e["DTEND"].Value);
        Assert.Equal("CANCELLED", e["STATUS"].Value);
    }

    [Fact]
    public void Folding_never_splits_a_multibyte_character()
    {
        var folded = IcsWriter.Fold("SUMMARY:" + new string('访', 60));
        var pieces = folded.Split("\r\n");
        Assert.True(pieces.Length > 1);
        Assert.All(pieces, p => Assert.DoesNotContain('\uFFFD', Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(p))));
        Assert.Equal("SUMMARY:" + new string('访', 60), string.Concat(pieces.Select((p, i) => i == 0 ? p : p[1..])));
    }
}
