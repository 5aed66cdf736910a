using HomeVisit.Core.Data;
using HomeVisit.Core.Programmes;
using HomeVisit.Core.Quotas;

namespace HomeVisit.Tests.Rendering;

/// <summary>English counts one visit, not "1 visits" (quota lines, reminders, any count); Chinese reads as before.</summary>
public sealed class EnglishPluralsTests : IDisposable
{
    private readonly TextsHost _host = new();

    public void Dispose() => _host.Dispose();

    [Fact]
    public void A_quota_line_says_one_visit_and_one_person_in_english_and_keeps_the_plural_for_other_counts()
    {
        var t = _host.Use("en").Core;

        Assert.Equal("planned 1 visit", t.Format("已安排 {0} {1}", 1, t["次"]));
        Assert.Equal("planned 2 visits", t.Format("已安排 {0} {1}", 2, t["次"]));
        Assert.Equal("1 person to go", t.Format("尚差 {0} {1}", 1, t["人"]));
        Assert.Equal("Done 0 / 1 visit", t.Format("已完成 {0} / {1} {2}", 0, 1, t["次"]));
        Assert.Equal("Done 1 / 3 visits", t.Format("已完成 {0} / {1} {2}", 1, 3, t["次"]));
        Assert.Equal("1 person", t.Format("{0} 人", 1));
        Assert.Equal("1 record", t.Format("共 {0} 条记录", 1));
        Assert.Equal("0 records", t.Format("共 {0} 条记录", 0));
    }

    [Fact]
    public void Chinese_counts_are_unchanged()
    {
        var t = _host.Use("zh-CN").Core;

        Assert.Equal("已安排 1 次", t.Format("已安排 {0} {1}", 1, t["次"]));
        Assert.Equal("共 1 条记录", t.Format("共 {0} 条记录", 1));
    }

    [Fact]
    public void A_quota_reason_and_a_reminder_title_owing_one_visit_say_visit_in_english()
    {
        var rule = new QuotaRule { Name = "院领导", Minimum = 1, Count = QuotaCount.Visits };
        var year = Periods.Containing(PeriodKind.Year, new DateOnly(2026, 11, 20), new SemesterStarts());

        var reason = _host.Render(QuotaService.ReasonMessage(rule, year, 0, 0, 1, "次"), "en");
        var title = _host.Render(new PortalMessage("{0}：{1}尚差 {2} {3}", "廉政家访", "院领导", 1, "次"), "en");

        Assert.Contains("at least 1 visit a year", reason);
        Assert.Contains("1 visit to go", reason);
        Assert.DoesNotContain("1 visits", reason);
        Assert.EndsWith("1 visit to go", title);
        Assert.Equal(QuotaService.Reason(rule, year, 0, 0, 1, "次"), _host.Render(QuotaService.ReasonMessage(rule, year, 0, 0, 1, "次"), "zh-CN"));
    }
}
