using HomeVisit.Core.Data;
using HomeVisit.Core.Institutions;
using HomeVisit.Programmes.Lianzheng;
using HomeVisit.Core.Visits;

namespace HomeVisit.Tests.Lianzheng;

/// <summary>
/// Issue 16: the 廉政家访 rules hold when the plan comes through the general 安排家访 form (VisitService.SavePlanAsync, the
/// path /visits/new takes) and the calendar (RescheduleAsync), not only on the programme's pages. The VisitService here
/// has the module's plan check, as the portal's DI gives it (LianzhengModule.AddServices).
/// </summary>
public sealed class VisitRuleRouteTests : IDisposable
{
    private readonly LianzhengWorld _w = new();
    private readonly VisitService _visits;

    public VisitRuleRouteTests() =>
        _visits = new VisitService(_w.S.Db.Factory, _w.Catalog, _w.S.Rules, _w.S.Clock, [new LianzhengVisitRules()]);

    public void Dispose() => _w.Dispose();

    private DateTime Evening => _w.S.Clock.Today.AddDays(2).AddHours(19);

    private VisitPlan Plan(int visitor, int target, VisitForm form = default /* 上门家访 */) => new()
    {
        ProgrammeKey = LianzhengWorld.Key, Form = form, PlannedStart = Evening, DurationMinutes = 60,
        VisitorIds = [visitor], TargetPersonIds = [target],
    };

    [Fact]
    public async Task A_college_leader_cannot_plan_a_visit_to_another_colleges_staff_through_the_general_form()
    {
        var s = _w.S;
        await _w.LeadsAsync(s.LeaderOne.Id, s.CollegeJia, LeadershipRole.Deputy);

        var e = await Assert.ThrowsAsync<PortalValidationException>(() => _visits.SavePlanAsync(s.Leader1, Plan(s.LeaderOne.Id, s.StaffTwo.Id)));
        Assert.Contains("赵老师（乙学院）不在家访人员的分级负责范围内", e.Errors[nameof(VisitPlan.TargetPersonIds)]);
        Assert.Contains("第四条", e.Errors[nameof(VisitPlan.TargetPersonIds)]);

        // His own college's staff (a department below it) he visits.
        Assert.True(await _visits.SavePlanAsync(s.Leader1, Plan(s.LeaderOne.Id, s.StaffOne.Id)) > 0);
    }

    [Fact]
    public async Task An_overseer_planning_for_a_leader_is_held_to_the_same_rule()
    {
        var s = _w.S;
        await _w.LeadsAsync(s.LeaderOne.Id, s.CollegeJia, LeadershipRole.Head);
        var e = await Assert.ThrowsAsync<PortalValidationException>(() => _visits.SavePlanAsync(s.Admin, Plan(s.LeaderOne.Id, s.StaffTwo.Id)));
        Assert.True(e.Errors.ContainsKey(nameof(VisitPlan.TargetPersonIds)));
    }

    [Fact]
    public async Task A_deputy_does_not_visit_a_fellow_member_of_the_team_but_the_head_does()
    {
        var s = _w.S;
        var (head, headUser) = await _w.PersonAsync("甲院长", s.CollegeJia, "院长", null, Core.Accounts.Roles.Leader);
        await _w.LeadsAsync(head.Id, s.CollegeJia, LeadershipRole.Head);
        await _w.LeadsAsync(s.LeaderOne.Id, s.CollegeJia, LeadershipRole.Deputy);

        var e = await Assert.ThrowsAsync<PortalValidationException>(() => _visits.SavePlanAsync(s.Leader1, Plan(s.LeaderOne.Id, head.Id)));
        Assert.Contains("甲院长", e.Errors[nameof(VisitPlan.TargetPersonIds)]);
        Assert.True(await _visits.SavePlanAsync(headUser!, Plan(head.Id, s.LeaderOne.Id)) > 0);
    }

    [Fact]
    public async Task A_school_leader_visits_the_units_he_oversees_and_the_main_leader_the_leadership_team()
    {
        var s = _w.S;
        var (vice, viceUser) = await _w.PersonAsync("钱副校长", s.School, "副校长", null, Core.Accounts.Roles.Leader);
        var (secretary, secretaryUser) = await _w.PersonAsync("孙书记", s.School, "党委书记", null, Core.Accounts.Roles.Leader);
        await _w.LeadsAsync(vice.Id, s.School, LeadershipRole.Deputy);
        await _w.LeadsAsync(vice.Id, s.CollegeYi, LeadershipRole.Oversees);
        await _w.LeadsAsync(secretary.Id, s.School, LeadershipRole.Head);

        Assert.True(await _visits.SavePlanAsync(viceUser!, Plan(vice.Id, s.StaffTwo.Id)) > 0);
        await Assert.ThrowsAsync<PortalValidationException>(() => _visits.SavePlanAsync(viceUser!, Plan(vice.Id, s.StaffOne.Id)));
        Assert.True(await _visits.SavePlanAsync(secretaryUser!, Plan(secretary.Id, vice.Id)) > 0);
        await Assert.ThrowsAsync<PortalValidationException>(() => _visits.SavePlanAsync(secretaryUser!, Plan(secretary.Id, s.StaffOne.Id)));
    }

    [Fact]
    public async Task The_discipline_committee_members_visit_the_discipline_cadres()
    {
        var s = _w.S;
        var (member, memberUser) = await _w.PersonAsync("周委员", s.School, "纪委委员", null, Core.Accounts.Roles.Leader);
        var (cadre, _) = await _w.PersonAsync("吴干事", s.CollegeYi, "纪检委员");
        Assert.True(await _visits.SavePlanAsync(memberUser!, Plan(member.Id, cadre.Id)) > 0);
        await Assert.ThrowsAsync<PortalValidationException>(() => _visits.SavePlanAsync(memberUser!, Plan(member.Id, s.StaffTwo.Id)));
    }

    [Fact]
    public async Task The_calendar_cannot_move_a_visit_out_of_the_leaders_remit_after_his_role_ended()
    {
        // The remit is judged on the planned day: a deputy whose term ends cannot have the visit moved past it.
        var s = _w.S;
        await using (var db = s.Context())
        {
            db.UnitLeaderships.Add(new UnitLeadership
            {
                InstitutionId = s.InstitutionA, PersonId = s.LeaderOne.Id, UnitId = s.CollegeJia, Role = LeadershipRole.Deputy,
                EndsOn = DateOnly.FromDateTime(s.Clock.Today.AddDays(5)),
            });
            await db.SaveChangesAsync();
        }
        var id = await _visits.SavePlanAsync(s.Leader1, Plan(s.LeaderOne.Id, s.StaffOne.Id));
        var version = await _w.VersionAsync(id);
        await Assert.ThrowsAsync<PortalValidationException>(() => _visits.RescheduleAsync(s.Leader1, id, version, Evening.AddDays(10)));
    }

    [Fact]
    public async Task A_regular_revisit_cannot_be_planned_on_the_general_form_without_a_key_appointment()
    {
        var s = _w.S;
        await _w.LeadsAsync(s.LeaderOne.Id, s.CollegeJia, LeadershipRole.Deputy);
        var e = await Assert.ThrowsAsync<PortalValidationException>(() =>
            _visits.SavePlanAsync(s.Leader1, Plan(s.LeaderOne.Id, s.StaffOne.Id, VisitForm.RegularRevisit)));
        Assert.Contains("定期回访须接续一次已完成的重点约访", e.Errors[nameof(VisitPlan.Form)]);

        // After a done 重点约访, the revisit in its chain is planned.
        var keyAppointment = Plan(s.LeaderOne.Id, s.StaffOne.Id, VisitForm.KeyAppointment);
        keyAppointment.PlannedStart = s.Clock.Today.AddDays(-1).AddHours(19);
        var root = await _visits.SavePlanAsync(s.Leader1, keyAppointment);
        await _visits.RecordOutcomeAsync(s.Leader1, root, new VisitOutcome
        {
            Version = await _w.VersionAsync(root), ActualStart = keyAppointment.PlannedStart, Record = "约访了解情况。",
        });
        var revisit = Plan(s.LeaderOne.Id, s.StaffOne.Id, VisitForm.RegularRevisit);
        revisit.ParentVisitId = root;
        Assert.True(await _visits.SavePlanAsync(s.Leader1, revisit) > 0);
    }

    [Fact]
    public async Task A_home_visit_in_working_hours_is_a_warning_the_user_confirms_on_the_form_and_the_calendar()
    {
        var s = _w.S;
        await _w.LeadsAsync(s.LeaderOne.Id, s.CollegeJia, LeadershipRole.Deputy);
        var monday = new DateTime(2026, 11, 23, 10, 0, 0);
        var plan = Plan(s.LeaderOne.Id, s.StaffOne.Id);
        plan.PlannedStart = monday;

        var e = await Assert.ThrowsAsync<PortalValidationException>(() => _visits.SavePlanAsync(s.Leader1, plan));
        Assert.True(e.IsWarning);
        Assert.StartsWith("上门家访一般利用晚上或休息日时间进行（第六条（一））", e.Errors[nameof(VisitPlan.PlannedStart)]);

        plan.AcceptWarnings = true;
        var id = await _visits.SavePlanAsync(s.Leader1, plan);

        // Moved in the calendar to Saturday morning: no warning; back to a weekday afternoon: asked again.
        await _visits.RescheduleAsync(s.Leader1, id, await _w.VersionAsync(id), new DateTime(2026, 11, 28, 10, 0, 0));
        var version2 = await _w.VersionAsync(id);
        e = await Assert.ThrowsAsync<PortalValidationException>(() =>
            _visits.RescheduleAsync(s.Leader1, id, version2, new DateTime(2026, 11, 24, 15, 0, 0)));
        Assert.True(e.IsWarning);
        await _visits.RescheduleAsync(s.Leader1, id, await _w.VersionAsync(id), new DateTime(2026, 11, 24, 15, 0, 0), acceptWarnings: true);
        Assert.Equal(new DateTime(2026, 11, 24, 15, 0, 0), (await s.VisitRowAsync(id)).PlannedStart);

        // A 重点约访 at the family's agreed time (第六条（二）“约定时间”) is not held to evenings.
        var appointment = Plan(s.LeaderOne.Id, s.StaffOne.Id, VisitForm.KeyAppointment);
        appointment.PlannedStart = monday;
        Assert.True(await _visits.SavePlanAsync(s.Leader1, appointment) > 0);
    }

    [Fact]
    public async Task The_visitor_records_that_the_family_was_given_a_direct_contact()
    {
        var s = _w.S;
        await _w.LeadsAsync(s.LeaderOne.Id, s.CollegeJia, LeadershipRole.Deputy);
        var plan = Plan(s.LeaderOne.Id, s.StaffOne.Id);
        plan.PlannedStart = s.Clock.Today.AddDays(-1).AddHours(19);
        var id = await _visits.SavePlanAsync(s.Leader1, plan);
        await _visits.RecordOutcomeAsync(s.Leader1, id, new VisitOutcome
        {
            Version = await _w.VersionAsync(id), ActualStart = plan.PlannedStart, Record = "谈心聊天。",
            FormData = new() { [LianzhengService.ContactGivenField] = "true" },
        });
        Assert.Equal("true", (await _visits.GetAsync(s.Leader1, id)).FormData[LianzhengService.ContactGivenField]);
    }
}

