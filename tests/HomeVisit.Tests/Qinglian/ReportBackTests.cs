using HomeVisit.Core.Data;
using HomeVisit.Core.FollowUps;
using Microsoft.EntityFrameworkCore;

namespace HomeVisit.Tests.Qinglian;

/// <summary>Seed 3 三、4 “定期向干部本人和家庭通报进展情况，做到件件有着落，事事有回音”: report-backs and when the next is due.</summary>
public sealed class ReportBackTests : IDisposable
{
    private readonly QinglianWorld _w = new();

    public void Dispose() => _w.Dispose();

    /// <summary>A done 清廉家访 of 张老师's family with an opinion the spouse raised, owned by leader 1; raised 2026-11-24.</summary>
    private async Task<int> OpinionAsync()
    {
        var visit = await _w.PlanAsync(new DateTime(2026, 11, 23, 19, 0, 0));
        _w.S.Clock.Advance(TimeSpan.FromDays(4));
        await _w.RecordAsync(visit, new DateTime(2026, 11, 23, 19, 0, 0));
        return await _w.S.FollowUps.RaiseAsync(_w.S.Leader1, new FollowUpRaise
        {
            VisitId = visit, Kind = FollowUpKind.Suggestion, Summary = "建议单位组织家属开放日", RaisedByName = "张妻", OwnerPersonId = _w.S.LeaderOne.Id,
        });
    }

    private FollowUpReportInput Report(DateOnly on, string content = "已向党组报告，正在研究方案。") =>
        new() { ReportedOn = on.ToDateTime(TimeOnly.MinValue), ToWhom = "张老师及配偶", Content = content };

    [Fact]
    public async Task The_first_report_back_is_due_30_days_after_the_item_was_raised_and_then_30_days_after_the_last()
    {
        var id = await OpinionAsync();

        var fresh = await _w.Reports.HistoryAsync(_w.S.Leader1, id);
        Assert.Equal(new DateOnly(2026, 12, 24), fresh.NextDue);
        Assert.False(fresh.IsDue);

        _w.SetBeijing(new DateTime(2026, 12, 24, 8, 0, 0));
        Assert.True((await _w.Reports.HistoryAsync(_w.S.Leader1, id)).IsDue);
        await _w.Reports.AddAsync(_w.S.Leader1, id, Report(new DateOnly(2026, 12, 20)));

        var after = await _w.Reports.HistoryAsync(_w.S.Leader1, id);
        Assert.Equal(new DateOnly(2027, 1, 19), after.NextDue);
        Assert.False(after.IsDue);
        var report = Assert.Single(after.Reports);
        Assert.Equal("张老师及配偶", report.ToWhom);
        Assert.Equal("李院长", report.CreatedBy);
        Assert.True(await _w.S.ReadAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == nameof(FollowUpReport) && a.Action == "create")));
    }

    [Fact]
    public async Task The_interval_is_configurable()
    {
        _w.ReportOptions.ReportBackIntervalDays = 14;
        var id = await OpinionAsync();

        Assert.Equal(new DateOnly(2026, 12, 8), (await _w.Reports.HistoryAsync(_w.S.Leader1, id)).NextDue);
    }

    [Fact]
    public async Task A_closed_item_has_no_next_report_back_and_takes_none()
    {
        var id = await OpinionAsync();
        var item = await _w.S.FollowUps.GetAsync(_w.S.Leader1, id);
        await _w.S.FollowUps.ResolveAsync(_w.S.Leader1, id, new FollowUpClose { Version = item.Version, Resolution = "已组织开放日", Feedback = "已告知张妻" });

        var history = await _w.Reports.HistoryAsync(_w.S.Leader1, id);
        var error = await Assert.ThrowsAsync<PortalValidationException>(() => _w.Reports.AddAsync(_w.S.Leader1, id, Report(_w.S.Clock.Today.ToDateOnly())));

        Assert.Null(history.NextDue);
        Assert.False(history.CanReport);
        Assert.Equal("该事项已办结或已撤回，不再登记进展通报。", error.Errors["Content"]);
    }

    [Fact]
    public async Task A_report_back_needs_a_day_between_raising_and_today_someone_told_and_what_was_said()
    {
        var id = await OpinionAsync();

        var error = await Assert.ThrowsAsync<PortalValidationException>(() => _w.Reports.AddAsync(_w.S.Leader1, id,
            new FollowUpReportInput { ReportedOn = new DateTime(2026, 11, 23), ToWhom = " ", Content = "" }));
        var future = await Assert.ThrowsAsync<PortalValidationException>(() => _w.Reports.AddAsync(_w.S.Leader1, id, Report(new DateOnly(2026, 11, 25))));

        Assert.Equal("通报日期不能早于事项登记日期（2026-11-24）。", error.Errors[nameof(FollowUpReportInput.ReportedOn)]);
        Assert.Equal("请填写通报对象。", error.Errors[nameof(FollowUpReportInput.ToWhom)]);
        Assert.Equal("请填写通报内容。", error.Errors[nameof(FollowUpReportInput.Content)]);
        Assert.Equal("通报日期不能晚于今天。", future.Errors[nameof(FollowUpReportInput.ReportedOn)]);
        Assert.Equal(0, await _w.S.ReadAsync(db => db.FollowUpReports.CountAsync()));
    }

    [Fact]
    public async Task Report_backs_follow_the_items_visibility()
    {
        var id = await OpinionAsync();

        await Assert.ThrowsAsync<NotFoundException>(() => _w.Reports.AddAsync(_w.S.Leader2, id, Report(_w.S.Clock.Today.ToDateOnly())));
        await Assert.ThrowsAsync<NotFoundException>(() => _w.Reports.HistoryAsync(_w.S.LeaderB, id));
        Assert.Empty((await _w.Reports.DueListAsync(_w.S.Leader2, "qinglian")).Items);
        await _w.Reports.AddAsync(_w.S.Admin, id, Report(_w.S.Clock.Today.ToDateOnly()));
    }

    [Fact]
    public async Task The_programme_page_lists_open_items_most_urgent_first_and_can_show_only_those_due()
    {
        var first = await OpinionAsync();
        _w.S.Clock.Advance(TimeSpan.FromDays(10));
        var second = await _w.S.FollowUps.RaiseAsync(_w.S.Leader1, new FollowUpRaise
        {
            ProgrammeKey = "qinglian", Kind = FollowUpKind.Request, Summary = "希望了解子女就业政策", RaisedByPersonId = _w.StaffOne,
        });
        // Not a qinglian item: never listed here.
        await _w.S.FollowUps.RaiseAsync(_w.S.Leader1, new FollowUpRaise { ProgrammeKey = "lianzheng", Kind = FollowUpKind.Request, Summary = "别的项目" });
        _w.SetBeijing(new DateTime(2026, 12, 30, 9, 0, 0));

        var all = await _w.Reports.DueListAsync(_w.S.Leader1, "qinglian");
        var dueOnly = await _w.Reports.DueListAsync(_w.S.Leader1, "qinglian", dueOnly: true);
        await _w.Reports.AddAsync(_w.S.Leader1, first, Report(new DateOnly(2026, 12, 29)));
        var afterReport = await _w.Reports.DueListAsync(_w.S.Leader1, "qinglian");

        Assert.Equal([first, second], all.Items.Select(r => r.Id));
        Assert.Equal([new DateOnly(2026, 12, 24), new DateOnly(2027, 1, 3)], all.Items.Select(r => r.NextDue));
        Assert.Equal([true, false], all.Items.Select(r => r.IsDue));
        Assert.Equal([first], dueOnly.Items.Select(r => r.Id));
        Assert.Equal([second, first], afterReport.Items.Select(r => r.Id));
        Assert.Equal(new DateOnly(2027, 1, 28), afterReport.Items[1].NextDue);
    }
}

internal static class DateTimeTestExtensions
{
    public static DateOnly ToDateOnly(this DateTime d) => DateOnly.FromDateTime(d);
}
