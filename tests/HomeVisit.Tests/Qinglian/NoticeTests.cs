using AngleSharp.Html.Parser;
using HomeVisit.Core.Data;
using HomeVisit.Programmes.Qinglian;
using HomeVisit.Core.Visits;
using Microsoft.EntityFrameworkCore;

namespace HomeVisit.Tests.Qinglian;

/// <summary>Seed 3 二、2 “家访前3天将相关事宜书面通知家访对象”: planning and the written notice at their edges. Today is 2026-11-20 (Friday).</summary>
public sealed class NoticeTests : IDisposable
{
    private readonly QinglianWorld _w = new();

    public void Dispose() => _w.Dispose();

    private NoticeSent Sent(long version, DateTime? on = null, NoticeMethod method = NoticeMethod.HandDelivered) =>
        new() { Version = version, SentOn = on ?? _w.S.Clock.Today, Method = method, Recipient = "张老师及配偶张妻" };

    [Fact]
    public async Task A_visit_three_days_ahead_can_be_planned_and_two_days_ahead_is_refused_with_the_earliest_date()
    {
        var ok = await _w.PlanAsync(new DateTime(2026, 11, 23, 0, 0, 0));

        var error = await Assert.ThrowsAsync<PortalValidationException>(() =>
            _w.PlanAsync(new DateTime(2026, 11, 22, 23, 59, 0), confirmRepeat: true));

        Assert.Equal(VisitStatus.Planned, (await _w.S.VisitRowAsync(ok)).Status);
        Assert.Equal("本项目须在家访前 3 天书面通知家访对象，最早可安排在 2026-11-23。", error.Errors[nameof(VisitPlan.PlannedStart)]);
        Assert.Equal(1, await _w.S.ReadAsync(db => db.Visits.CountAsync()));
    }

    [Fact]
    public async Task A_notice_delivered_today_for_a_visit_in_three_days_marks_the_visit_notified_in_time()
    {
        var id = await _w.PlanAsync(new DateTime(2026, 11, 23, 19, 0, 0));
        var version = (await _w.S.VisitRowAsync(id)).Version;

        await _w.Notices.RecordSentAsync(_w.S.Leader1, id, Sent(version));

        var row = await _w.S.VisitRowAsync(id);
        Assert.Equal(VisitStatus.Notified, row.Status);
        Assert.NotNull(row.NotifiedAt);
        var status = await _w.Notices.StatusAsync(_w.S.Leader1, id);
        Assert.Equal(NoticeState.InTime, status.State);
        Assert.Equal(new DateOnly(2026, 11, 20), status.Latest!.SentOn);
        Assert.Equal("张老师及配偶张妻", status.Latest.Recipient);
        Assert.Equal("李院长", status.Latest.SentBy);
        Assert.Equal(NoticeState.InTime, (await _w.RowAsync(_w.S.Leader1, _w.StaffOne)).Notice!.State);
        Assert.True(await _w.S.ReadAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == nameof(QinglianNotice) && a.Action == "create" && a.UserName == "leader1")));
    }

    [Fact]
    public async Task A_notice_that_reaches_the_family_two_days_before_the_visit_is_refused_and_says_by_when_it_was_due()
    {
        var id = await _w.PlanAsync(new DateTime(2026, 11, 23, 19, 0, 0));
        var version = (await _w.S.VisitRowAsync(id)).Version;
        _w.S.Clock.Advance(TimeSpan.FromDays(1));

        var error = await Assert.ThrowsAsync<PortalValidationException>(() => _w.Notices.RecordSentAsync(_w.S.Leader1, id, Sent(version)));
        // The core's plain "mark notified" refuses too: the rule is the programme's, not the page's.
        var core = await Assert.ThrowsAsync<PortalValidationException>(() => _w.S.Visits.MarkNotifiedAsync(_w.S.Leader1, id, version));

        Assert.Equal("通知须在家访前 3 天书面送达：本次家访在 2026-11-23，最迟应在 2026-11-20 送达。请先将家访改期到 2026-11-24 或以后，再登记送达。",
            error.Errors[nameof(NoticeSent.SentOn)]);
        Assert.Contains("最迟应在 2026-11-20 通知", core.Errors["Status"]);
        Assert.Equal(VisitStatus.Planned, (await _w.S.VisitRowAsync(id)).Status);
        Assert.Equal(0, await _w.S.ReadAsync(db => db.QinglianNotices.CountAsync()));
        // Delivered on the day it was due (recorded a day late) still counts.
        await _w.Notices.RecordSentAsync(_w.S.Leader1, id, Sent(version, new DateTime(2026, 11, 20)));
        Assert.Equal(NoticeState.InTime, (await _w.Notices.StatusAsync(_w.S.Leader1, id)).State);
    }

    [Fact]
    public async Task Delivery_dates_in_the_future_or_before_the_plan_and_spoken_notices_are_refused()
    {
        var id = await _w.PlanAsync(new DateTime(2026, 11, 30, 19, 0, 0));
        var version = (await _w.S.VisitRowAsync(id)).Version;

        var future = await Assert.ThrowsAsync<PortalValidationException>(() => _w.Notices.RecordSentAsync(_w.S.Leader1, id, Sent(version, new DateTime(2026, 11, 21))));
        var before = await Assert.ThrowsAsync<PortalValidationException>(() => _w.Notices.RecordSentAsync(_w.S.Leader1, id, Sent(version, new DateTime(2026, 11, 19))));
        var spoken = await Assert.ThrowsAsync<PortalValidationException>(() => _w.Notices.RecordSentAsync(_w.S.Leader1, id, Sent(version, method: NoticeMethod.Verbal)));
        var nobody = await Assert.ThrowsAsync<PortalValidationException>(() =>
            _w.Notices.RecordSentAsync(_w.S.Leader1, id, new NoticeSent { Version = version, SentOn = _w.S.Clock.Today, Recipient = "  " }));

        Assert.Equal("送达日期不能晚于今天。", future.Errors[nameof(NoticeSent.SentOn)]);
        Assert.Equal("送达日期不能早于安排家访的日期（2026-11-20）。", before.Errors[nameof(NoticeSent.SentOn)]);
        Assert.Equal("本项目须书面通知家访对象，口头或电话通知不能作为书面通知送达。", spoken.Errors[nameof(NoticeSent.Method)]);
        Assert.Equal("请填写送达对象。", nobody.Errors[nameof(NoticeSent.Recipient)]);
        Assert.Equal(VisitStatus.Planned, (await _w.S.VisitRowAsync(id)).Status);
    }

    [Fact]
    public async Task A_notice_goes_out_of_date_when_the_visit_is_moved_and_a_new_one_puts_it_right()
    {
        var id = await _w.PlanAsync(new DateTime(2026, 11, 25, 19, 0, 0));
        await _w.Notices.RecordSentAsync(_w.S.Leader1, id, Sent((await _w.S.VisitRowAsync(id)).Version));
        var plan = await _w.S.Visits.GetPlanAsync(_w.S.Leader1, id);
        plan.PlannedStart = new DateTime(2026, 11, 26, 19, 0, 0);
        await _w.S.Visits.SavePlanAsync(_w.S.Leader1, plan);

        Assert.Equal(NoticeState.PlanChanged, (await _w.Notices.StatusAsync(_w.S.Leader1, id)).State);

        await _w.Notices.RecordSentAsync(_w.S.Leader1, id, Sent((await _w.S.VisitRowAsync(id)).Version));
        var status = await _w.Notices.StatusAsync(_w.S.Leader1, id);
        Assert.Equal(NoticeState.InTime, status.State);
        Assert.Equal(new DateTime(2026, 11, 26, 19, 0, 0), status.Latest!.VisitTime);
        Assert.Equal(2, (await _w.Notices.GetAsync(_w.S.Leader1, id)).History.Count);
    }

    [Fact]
    public async Task A_stale_version_is_refused_and_only_the_visitors_and_overseers_may_record_the_notice()
    {
        var id = await _w.PlanAsync(new DateTime(2026, 11, 25, 19, 0, 0));
        var version = (await _w.S.VisitRowAsync(id)).Version;

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => _w.Notices.RecordSentAsync(_w.S.Leader1, id, Sent(version - 1)));
        await Assert.ThrowsAsync<NotFoundException>(() => _w.Notices.RecordSentAsync(_w.S.Leader2, id, Sent(version)));
        await Assert.ThrowsAsync<NotFoundException>(() => _w.Notices.GetAsync(_w.S.Staff1, id));
        await Assert.ThrowsAsync<NotFoundException>(() => _w.Notices.GetAsync(_w.S.LeaderB, id));
        await _w.Notices.RecordSentAsync(_w.S.Admin, id, Sent(version));
        Assert.Equal(VisitStatus.Notified, (await _w.S.VisitRowAsync(id)).Status);
    }

    [Fact]
    public async Task The_printed_notice_says_who_when_where_who_visits_why_and_whom_to_call_and_the_read_is_audited()
    {
        var id = await _w.PlanAsync(new DateTime(2026, 11, 23, 19, 0, 0));

        var doc = await _w.Notices.GetAsync(_w.S.Leader1, id);
        var text = new HtmlParser().ParseDocument(doc.Html).Body!.TextContent;

        Assert.Equal("家访通知书", doc.Title);
        Assert.Contains("张老师同志及家属（张妻、张小明、张父）", text);
        Assert.Contains("2026年11月23日（星期一）19:00—20:30", text);
        Assert.Contains("张老师家中", text);
        Assert.Contains("李院长（副院长）", text);
        Assert.Contains("联系人：李院长", text);
        Assert.Contains("甲示范学院", text);
        Assert.Contains("本通知须在家访前 3 天送达", text);
        Assert.DoesNotContain("{{", text);
        Assert.Equal(new DateOnly(2026, 11, 20), doc.Notice.LatestSendDay);
        Assert.True(doc.CanRecord);
        Assert.True(await _w.S.ReadAsync(db => db.AuditEntries.AnyAsync(a =>
            a.Action == "read" && a.EntityType == nameof(Visit) && a.EntityId == id.ToString() && a.Detail == "家访通知书")));
    }

    [Fact]
    public async Task Names_with_markup_are_printed_as_text()
    {
        await using (var db = _w.S.Context())
        {
            var spouse = await db.FamilyMembers.SingleAsync(f => f.Id == _w.S.StaffOneSpouse.Id);
            spouse.Name = "<script>alert(1)</script>[x](javascript:alert(2))";
            await db.SaveChangesAsync();
        }
        var id = await _w.PlanAsync(new DateTime(2026, 11, 23, 19, 0, 0));

        var doc = new HtmlParser().ParseDocument((await _w.Notices.GetAsync(_w.S.Leader1, id)).Html);

        Assert.Empty(doc.QuerySelectorAll("script"));
        Assert.DoesNotContain(doc.QuerySelectorAll("a"), a => a.GetAttribute("href")?.Contains("javascript", StringComparison.OrdinalIgnoreCase) == true);
        Assert.Contains("<script>alert(1)</script>[x](javascript:alert(2))", doc.Body!.TextContent);
    }
}
