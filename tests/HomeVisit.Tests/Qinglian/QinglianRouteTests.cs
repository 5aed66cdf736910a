using HomeVisit.Core.Data;
using HomeVisit.Core.Institutions;
using HomeVisit.Programmes.Qinglian;
using HomeVisit.Core.Quotas;
using HomeVisit.Core.Visits;
using Microsoft.EntityFrameworkCore;

namespace HomeVisit.Tests.Qinglian;

/// <summary>
/// Issue 16 items 1–3: 清廉家访's rules hold when the visit is planned on the general 安排家访 form
/// (<see cref="VisitService.SavePlanAsync"/>), moved on the calendar (<see cref="VisitService.RescheduleAsync"/>), or
/// marked with the visit page's plain buttons (标记已通知, 登记家访结果), not only on the household pages.
/// </summary>
public sealed class QinglianRouteTests : IDisposable
{
    private readonly QinglianWorld _w = new();

    public void Dispose() => _w.Dispose();

    /// <summary>The general form's plan of 张老师's household by leader 1 (李院长, who oversees 甲学院).</summary>
    private VisitPlan GeneralPlan(DateTime at, int? target = null, int? visitor = null) => new()
    {
        ProgrammeKey = QinglianProgramme.Key, Form = VisitForm.HomeVisit, PlannedStart = at, DurationMinutes = 60,
        VisitorIds = [visitor ?? _w.S.LeaderOne.Id], TargetPersonIds = [target ?? _w.StaffOne],
    };

    [Fact]
    public async Task A_visit_planned_on_the_general_form_cannot_be_recorded_done_without_its_written_notice_and_earns_no_quota()
    {
        var id = await _w.Visits.SavePlanAsync(_w.S.Leader1, GeneralPlan(new DateTime(2026, 11, 24, 19, 0, 0)));
        _w.SetBeijing(new DateTime(2026, 11, 24, 21, 0, 0));

        var error = await Assert.ThrowsAsync<PortalValidationException>(() => _w.RecordAsync(id, new DateTime(2026, 11, 24, 19, 0, 0), notice: false));

        Assert.Equal("本项目须在家访前 3 天书面通知家访对象；尚未登记书面通知送达，不能登记家访结果。", error.Errors[nameof(VisitOutcome.ActualStart)]);
        Assert.Equal(VisitStatus.Planned, (await _w.S.VisitRowAsync(id)).Status);
        var quotas = await new QuotaService(_w.S.Db.Factory, _w.S.Rules, _w.Catalog).MyQuotasAsync(_w.S.Leader1, QinglianProgramme.Key, DateOnly.FromDateTime(_w.S.Clock.Today));
        Assert.NotEmpty(quotas.Lines);
        Assert.Equal(0, quotas.Lines.Sum(l => l.Done));
    }

    [Fact]
    public async Task The_plain_mark_notified_button_refuses_a_visit_without_a_written_notice_and_the_delivered_notice_marks_it()
    {
        var id = await _w.Visits.SavePlanAsync(_w.S.Leader1, GeneralPlan(new DateTime(2026, 11, 27, 19, 0, 0)));
        var version = (await _w.S.VisitRowAsync(id)).Version;

        var error = await Assert.ThrowsAsync<PortalValidationException>(() => _w.Visits.MarkNotifiedAsync(_w.S.Leader1, id, version));

        Assert.Equal("本项目须在家访前 3 天书面通知家访对象：请打印家访通知书，送达后登记送达，即标记为已通知。", error.Errors["Status"]);
        Assert.Equal(VisitStatus.Planned, (await _w.S.VisitRowAsync(id)).Status);
        await _w.NoticeAsync(id);
        Assert.Equal(VisitStatus.Notified, (await _w.S.VisitRowAsync(id)).Status);
        _w.SetBeijing(new DateTime(2026, 11, 27, 21, 0, 0));
        await _w.RecordAsync(id, new DateTime(2026, 11, 27, 19, 0, 0));
        Assert.Equal(VisitStatus.Done, (await _w.S.VisitRowAsync(id)).Status);
    }

    [Fact]
    public async Task A_visit_moved_on_the_calendar_after_its_notice_cannot_be_recorded_until_the_family_is_told_again()
    {
        var id = await _w.Visits.SavePlanAsync(_w.S.Leader1, GeneralPlan(new DateTime(2026, 11, 25, 19, 0, 0)));
        await _w.NoticeAsync(id);
        await _w.Visits.RescheduleAsync(_w.S.Leader1, id, (await _w.S.VisitRowAsync(id)).Version, new DateTime(2026, 11, 26, 19, 0, 0));
        _w.SetBeijing(new DateTime(2026, 11, 26, 21, 0, 0));

        var error = await Assert.ThrowsAsync<PortalValidationException>(() => _w.RecordAsync(id, new DateTime(2026, 11, 26, 19, 0, 0), notice: false));

        Assert.Equal("家访时间在书面通知送达后改动过，须重新书面通知家访对象后才能登记家访结果。", error.Errors[nameof(VisitOutcome.ActualStart)]);
        Assert.Equal(NoticeState.PlanChanged, (await _w.Notices.StatusAsync(_w.S.Leader1, id)).State);
    }

    [Fact]
    public async Task The_general_form_refuses_a_second_visit_of_a_household_in_the_half_year_unless_confirmed()
    {
        await _w.Visits.SavePlanAsync(_w.S.Leader1, GeneralPlan(new DateTime(2026, 11, 27, 19, 0, 0)));

        var error = await Assert.ThrowsAsync<PortalValidationException>(() =>
            _w.Visits.SavePlanAsync(_w.S.Leader1, GeneralPlan(new DateTime(2026, 12, 10, 19, 0, 0))));

        // A warning, confirmed like every other (VisitPlan.AcceptWarnings): the form asks “请确认” and saves again.
        Assert.True(error.IsWarning);
        Assert.Equal("本半年已安排家访（2026-11-27 19:00），请勿重复安排；如确需再次家访，请确认后再安排。", error.Errors[nameof(VisitPlan.PlannedStart)]);
        Assert.Equal(1, await _w.S.ReadAsync(db => db.Visits.CountAsync()));
        var plan = GeneralPlan(new DateTime(2026, 12, 10, 19, 0, 0));
        plan.AcceptWarnings = true;
        var second = await _w.Visits.SavePlanAsync(_w.S.Leader1, plan);
        // A confirmed repeat moved within its half year on the calendar is not asked about again; moved into the next, it is a first visit there.
        await _w.Visits.RescheduleAsync(_w.S.Leader1, second, (await _w.S.VisitRowAsync(second)).Version, new DateTime(2026, 12, 11, 19, 0, 0));
        await _w.Visits.RescheduleAsync(_w.S.Leader1, second, (await _w.S.VisitRowAsync(second)).Version, new DateTime(2027, 1, 8, 19, 0, 0));
        Assert.Equal(new DateTime(2027, 1, 8, 19, 0, 0), (await _w.S.VisitRowAsync(second)).PlannedStart);
    }

    [Fact]
    public async Task A_calendar_move_into_a_half_year_the_household_was_already_visited_in_is_asked_about_and_moved_only_when_confirmed()
    {
        await _w.Visits.SavePlanAsync(_w.S.Leader1, GeneralPlan(new DateTime(2026, 12, 20, 19, 0, 0)));
        var next = await _w.Visits.SavePlanAsync(_w.S.Leader1, GeneralPlan(new DateTime(2027, 1, 8, 19, 0, 0)));

        var version = (await _w.S.VisitRowAsync(next)).Version;
        var error = await Assert.ThrowsAsync<PortalValidationException>(() =>
            _w.Visits.RescheduleAsync(_w.S.Leader1, next, version, new DateTime(2026, 12, 28, 19, 0, 0)));

        Assert.True(error.IsWarning);
        Assert.StartsWith("本半年已安排家访（2026-12-20 19:00）", error.Errors[nameof(VisitPlan.PlannedStart)]);
        Assert.Equal(new DateTime(2027, 1, 8, 19, 0, 0), (await _w.S.VisitRowAsync(next)).PlannedStart);
        // The calendar's “请确认”, answered yes: the same parameter as the form's.
        await _w.Visits.RescheduleAsync(_w.S.Leader1, next, version, new DateTime(2026, 12, 28, 19, 0, 0), acceptWarnings: true);
        Assert.Equal(new DateTime(2026, 12, 28, 19, 0, 0), (await _w.S.VisitRowAsync(next)).PlannedStart);
    }

    [Fact]
    public async Task On_the_general_form_a_deputy_cannot_visit_a_fellow_team_member_nor_a_leader_another_units_staff()
    {
        // 乙学院: 王院长 (leader 2) is the head; 李院长 (leader 1) and 赵老师 are its deputies, fellow 班子成员.
        await using (var db = _w.S.Context())
        {
            db.UnitLeaderships.AddRange(
                new UnitLeadership { InstitutionId = _w.S.InstitutionA, UnitId = _w.S.CollegeYi, PersonId = _w.S.LeaderOne.Id, Role = LeadershipRole.Deputy },
                new UnitLeadership { InstitutionId = _w.S.InstitutionA, UnitId = _w.S.CollegeYi, PersonId = _w.S.StaffTwo.Id, Role = LeadershipRole.Deputy });
            await db.SaveChangesAsync();
        }
        var at = new DateTime(2026, 11, 27, 19, 0, 0);

        var deputy = await Assert.ThrowsAsync<PortalValidationException>(() =>
            _w.Visits.SavePlanAsync(_w.S.Leader1, GeneralPlan(at, target: _w.S.StaffTwo.Id)));
        var otherUnit = await Assert.ThrowsAsync<PortalValidationException>(() =>
            _w.Visits.SavePlanAsync(_w.S.Leader2, GeneralPlan(at, target: _w.StaffOne, visitor: _w.S.LeaderTwo.Id)));

        Assert.Equal("赵老师 的家庭不在您负责家访的范围内：单位“一把手”家访班子成员，班子成员家访所分管的干部职工（二、1）。",
            deputy.Errors[nameof(VisitPlan.TargetPersonIds)]);
        Assert.StartsWith("张老师 的家庭不在您负责家访的范围内", otherUnit.Errors[nameof(VisitPlan.TargetPersonIds)]);
        Assert.Equal(0, await _w.S.ReadAsync(db => db.Visits.CountAsync()));
        // The head visits the team member; the programme's overseers (纪检监察, the 派驻纪检监察组长 of 二、1) are not limited.
        await _w.Visits.SavePlanAsync(_w.S.Leader2, GeneralPlan(at, target: _w.S.StaffTwo.Id, visitor: _w.S.LeaderTwo.Id));
        await _w.Visits.SavePlanAsync(_w.S.Jiwei, GeneralPlan(at.AddDays(1), target: _w.S.LeaderTwo.Id, visitor: _w.S.DisciplinePerson.Id));
        Assert.Equal(2, await _w.S.ReadAsync(db => db.Visits.CountAsync()));
    }
}
