using System.Globalization;
using HomeVisit.Core.Data;
using HomeVisit.Core.Programmes;
using HomeVisit.Core.Quotas;
using HomeVisit.Portal.Localization;
using HomeVisit.Portal.Programmes;

namespace HomeVisit.Tests.Rendering;

/// <summary>
/// Core messages built with data inside (quota reasons, reminder titles) are shown in the reader's language
/// (issue 14 item 7): the service gives a <see cref="PortalMessage"/>, the page renders it through Texts.
/// </summary>
public sealed class CoreMessageTextsTests : IDisposable
{
    private readonly TextsHost _host = new();

    public void Dispose() => _host.Dispose();

    private string Render(PortalMessage message, string culture) => _host.Render(message, culture);

    [Fact]
    public void A_quota_reason_reads_in_english_for_english_users_and_as_before_in_chinese()
    {
        var rule = new QuotaRule { Name = "二级学院（教学部）领导", Source = "第四条（四）", Minimum = 4, Count = QuotaCount.DistinctPeople };
        var year = Periods.Containing(PeriodKind.Year, new DateOnly(2026, 11, 20), new SemesterStarts());

        var message = QuotaService.ReasonMessage(rule, year, 1, 1, 3, "人");

        Assert.Equal(QuotaService.Reason(rule, year, 1, 1, 3, "人"), Render(message, "zh-CN"));
        var english = Render(message, "en");
        Assert.StartsWith("2026", english);
        Assert.Contains("at least 4 people a year; done 1, planned 1, 3 people to go.", english);
        Assert.DoesNotContain("尚差", english);
    }

    [Fact]
    public void A_reminder_title_with_a_date_and_a_programme_name_reads_in_english()
    {
        var title = new PortalMessage("{0:M月d日 HH:mm} {1}", new DateTime(2026, 11, 21, 19, 0, 0), new PortalMessage("{0}：{1}", "廉政家访", "张老师"));

        Assert.Equal("11月21日 19:00 廉政家访：张老师", Render(title, "zh-CN"));
        Assert.Equal("Nov 21 19:00 Integrity home visits: 张老师", Render(title, "en"));
        Assert.Equal("Follow-up item overdue: 希望了解子女入学政策", Render(new PortalMessage("跟踪事项已超期：{0}", "希望了解子女入学政策"), "en"));
    }
    [Fact]
    public void A_modules_reminder_reads_in_english_through_the_module_its_kind_names()
    {
        // As the start page picks the texts: by the programme the reminder's kind names (清廉家访's changed household list).
        var kind = HomeVisit.Core.Reminders.ReminderKinds.OfProgramme("qinglian", "list-changed");
        var texts = _host.Programme(HomeVisit.Core.Reminders.ReminderKinds.ProgrammeOf(kind));
        var half = Periods.Containing(PeriodKind.HalfYear, new DateOnly(2026, 12, 8), new SemesterStarts());
        var title = new PortalMessage("{0}的家访名单确认后人员有变动，请重新确认", half);
        var detail = new HomeVisit.Programmes.Qinglian.HouseholdListChange(7, 1, ["张一", "张二", "张三", "张四", "张五"]).Message();

        Assert.Equal("2026年下半年的家访名单确认后人员有变动，请重新确认", _host.Render(title, "zh-CN", texts));
        Assert.Equal("新增 7 人：张一、张二、张三、张四、张五等；减少 1 人", _host.Render(detail, "zh-CN", texts));
        Assert.DoesNotMatch(@"\p{IsCJKUnifiedIdeographs}", _host.Render(title, "en", texts));
        Assert.Equal("7 added: 张一, 张二, 张三, 张四, 张五 and others; 1 removed", _host.Render(detail, "en", texts));
        Assert.Null(HomeVisit.Core.Reminders.ReminderKinds.ProgrammeOf(HomeVisit.Core.Reminders.ReminderKinds.QuotaGap));
    }

    [Fact]
    public void A_per_link_quota_reason_of_lianxi_reads_in_english_and_as_before_in_chinese()
    {
        var rule = new QuotaRule { Name = "与联系党支部书记谈心", Source = "四、1", Minimum = 1, Count = QuotaCount.Visits, Per = QuotaPer.LinkedBranchSecretary };
        var semester = Periods.Containing(PeriodKind.Semester, new DateOnly(2026, 11, 20), new SemesterStarts());

        var message = QuotaService.LinkReasonMessage(rule, semester, 2, 2, 1, 0, 1);

        Assert.Equal(QuotaService.LinkReason(rule, semester, 2, 2, 1, 0, 1), message.ToString());
        Assert.Equal(QuotaService.LinkReason(rule, semester, 2, 2, 1, 0, 1), Render(message, "zh-CN"));
        var english = Render(message, "en");
        Assert.Contains("at least once a semester with each linked branch's secretary (2 branches, 2 in all); done 1, planned 0, 1 to go.", english);
        Assert.DoesNotContain("尚差", english);
    }
}
