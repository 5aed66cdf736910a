using HomeVisit.Core.Data;
using HomeVisit.Core.People;
using HomeVisit.Core.Programmes;
using HomeVisit.Core.Visits;
using Microsoft.EntityFrameworkCore;

namespace HomeVisit.Tests.Services;

/// <summary>Every module plans and records visits under its own rules (issue 3 §4).</summary>
public sealed class ProgrammeRuleEnforcementTests : IDisposable
{
    private readonly Scenario _s = new();

    public void Dispose() => _s.Dispose();

    [Fact]
    public async Task A_form_the_programme_does_not_use_is_refused_beside_the_form_field()
    {
        var plan = _s.PlanForLeaderOne();
        plan.Form = VisitForm.PhoneVisit; // 廉政家访: 上门家访、重点约访、定期回访 only (seed 1 §6)

        var error = await Assert.ThrowsAsync<PortalValidationException>(() => _s.Visits.SavePlanAsync(_s.Leader1, plan));
        Assert.Equal("本项目不采用所选的家访形式。", error.Errors[nameof(VisitPlan.Form)]);
    }

    [Fact]
    public async Task Qinglian_needs_three_days_written_notice_to_the_day()
    {
        // The clock stands at 2026-11-20 10:00 Beijing time.
        var plan = _s.PlanForLeaderOne();
        plan.ProgrammeKey = "qinglian";
        plan.PlannedStart = new DateTime(2026, 11, 22, 19, 0, 0);

        var error = await Assert.ThrowsAsync<PortalValidationException>(() => _s.Visits.SavePlanAsync(_s.Leader1, plan));
        Assert.Equal("本项目须在家访前 3 天书面通知家访对象，最早可安排在 2026-11-23。", error.Errors[nameof(VisitPlan.PlannedStart)]);

        plan.PlannedStart = new DateTime(2026, 11, 23, 9, 0, 0);
        var id = await _s.Visits.SavePlanAsync(_s.Leader1, plan);
        Assert.Equal(VisitStatus.Planned, (await _s.VisitRowAsync(id)).Status);
    }

    [Fact]
    public async Task Only_people_in_the_programmes_visitor_roles_may_visit()
    {
        var plan = _s.PlanForLeaderOne();
        plan.VisitorIds = [_s.OrganisationPerson.Id]; // 组织部 is not a 廉政家访 visitor (seed 1 §3)

        var error = await Assert.ThrowsAsync<PortalValidationException>(() => _s.Visits.SavePlanAsync(_s.Zuzhi, plan));
        Assert.Equal("组织干事 不在本项目的家访人员范围内。", error.Errors[nameof(VisitPlan.VisitorIds)]);
    }

    [Fact]
    public async Task Lianzheng_visits_only_staff_in_the_establishment()
    {
        await using (var db = _s.Db.CreateContext())
        {
            var staff = await db.People.SingleAsync(p => p.Id == _s.StaffOne.Id);
            staff.Establishment = EstablishmentStatus.Contract;
            await db.SaveChangesAsync();
        }

        var error = await Assert.ThrowsAsync<PortalValidationException>(() => _s.Visits.SavePlanAsync(_s.Leader1, _s.PlanForLeaderOne()));
        Assert.Contains("不是在编在岗人员", error.Errors[nameof(VisitPlan.TargetPersonIds)]);
    }

    [Fact]
    public async Task A_trigger_must_be_one_of_the_programmes_priority_situations()
    {
        var plan = _s.PlanForLeaderOne();
        plan.Trigger = "随便写的情形";
        var error = await Assert.ThrowsAsync<PortalValidationException>(() => _s.Visits.SavePlanAsync(_s.Leader1, plan));
        Assert.Contains(nameof(VisitPlan.Trigger), error.Errors.Keys);

        plan.Trigger = "有反映家庭矛盾比较突出的"; // seed 1 §5(4)
        var id = await _s.Visits.SavePlanAsync(_s.Leader1, plan);
        Assert.Equal("有反映家庭矛盾比较突出的", (await _s.VisitRowAsync(id)).Trigger);
    }

    [Fact]
    public async Task A_disabled_programme_takes_no_new_visits_and_keeps_its_data()
    {
        var existing = await _s.PlannedVisitAsync();
        await _s.Rules.SetEnabledAsync(_s.Admin, "lianzheng", enabled: false);

        var error = await Assert.ThrowsAsync<PortalValidationException>(() => _s.Visits.SavePlanAsync(_s.Leader1, _s.PlanForLeaderOne()));
        Assert.Equal("本单位已停用该家访项目，不能安排家访。", error.Errors[nameof(VisitPlan.ProgrammeKey)]);
        Assert.Equal(VisitStatus.Planned, (await _s.VisitRowAsync(existing)).Status);
        Assert.False(await _s.Rules.IsEnabledAsync(_s.InstitutionA, "lianzheng"));
        Assert.True(await _s.Rules.IsEnabledAsync(_s.InstitutionB, "lianzheng")); // another institution is unaffected

        await _s.Rules.SetEnabledAsync(_s.Admin, "lianzheng", enabled: true);
        await _s.Visits.SavePlanAsync(_s.Leader1, _s.PlanForLeaderOne());
    }

    [Fact]
    public async Task A_huifang_revisit_needs_a_team_of_two_and_an_approved_plan_before_it_is_recorded()
    {
        // Let leaders join the discipline office's teams, from the start of the year (an admin's rule change).
        var rules = await _s.Rules.CurrentRulesAsync(_s.InstitutionA, "huifang");
        rules.VisitorRoles = [.. rules.VisitorRoles, HomeVisit.Core.Accounts.Roles.Leader];
        rules.Targets |= TargetScope.InEstablishmentStaff;
        await _s.Rules.SaveAsync(_s.Jiwei, "huifang", rules, new DateOnly(2026, 1, 1), "允许领导参加回访组");

        var plan = new VisitPlan
        {
            ProgrammeKey = "huifang", Form = VisitForm.OnSiteTalk, PlannedStart = _s.Clock.Today.AddDays(-1).AddHours(15),
            VisitorIds = [_s.LeaderOne.Id], TargetPersonIds = [_s.StaffOne.Id],
        };
        var alone = await Assert.ThrowsAsync<PortalValidationException>(() => _s.Visits.SavePlanAsync(_s.Jiwei, plan));
        Assert.Equal("本项目每次家访须由 2 名以上人员组成工作组。", alone.Errors[nameof(VisitPlan.VisitorIds)]);

        plan.VisitorIds = [_s.LeaderOne.Id, _s.LeaderTwo.Id];
        var id = await _s.Visits.SavePlanAsync(_s.Jiwei, plan);
        Assert.Equal(ApprovalStatus.Pending, (await _s.VisitRowAsync(id)).Approval);

        var detail = await _s.Visits.GetAsync(_s.Leader1, id);
        Assert.False(detail.CanRecord);
        var early = await Assert.ThrowsAsync<PortalValidationException>(() => _s.Visits.RecordOutcomeAsync(_s.Leader1, id, Outcome(detail.Version)));
        Assert.Contains("尚未审批同意", early.Errors[nameof(VisitOutcome.Record)]);

        // A team member cannot approve; the discipline office (not on the team) can.
        await Assert.ThrowsAsync<HomeVisit.Core.Data.AccessDeniedException>(() => _s.Visits.DecideApprovalAsync(_s.Leader1, id, detail.Version, true, null));
        await _s.Visits.DecideApprovalAsync(_s.Jiwei, id, detail.Version, approve: true, "同意");
        detail = await _s.Visits.GetAsync(_s.Leader1, id);
        Assert.True(detail.CanRecord);

        // The registration form's 态度 and 结果运用 are required (seed 5 annex, §9).
        var missing = await Assert.ThrowsAsync<PortalValidationException>(() => _s.Visits.RecordOutcomeAsync(_s.Leader1, id, Outcome(detail.Version)));
        Assert.Equal("请填写“回访对象态度以及现实表现简述”。", missing.Errors["FormData.Attitude"]);
        Assert.Equal("请填写“回访结果运用”。", missing.Errors["FormData.Outcome"]);

        var outcome = Outcome(detail.Version);
        outcome.FormData["Attitude"] = "认识深刻，工作积极";
        outcome.FormData["Outcome"] = "予以肯定和鼓励";
        outcome.FormData["Unknown"] = "不会被保存";
        await _s.Visits.RecordOutcomeAsync(_s.Leader1, id, outcome);
        var saved = await _s.Visits.GetAsync(_s.Jiwei, id);
        Assert.Equal(VisitStatus.Done, saved.Status);
        Assert.Equal("予以肯定和鼓励", saved.FormData["Outcome"]);
        Assert.False(saved.FormData.ContainsKey("Unknown"));
    }

    [Fact]
    public async Task Only_the_discipline_office_oversees_huifang_while_other_overseers_see_nothing_of_it()
    {
        var rules = await _s.Rules.CurrentRulesAsync(_s.InstitutionA, "huifang");
        rules.VisitorRoles = [.. rules.VisitorRoles, HomeVisit.Core.Accounts.Roles.Leader];
        rules.Targets |= TargetScope.InEstablishmentStaff;
        rules.MinTeamSize = 1;
        rules.PlanNeedsApproval = false;
        await _s.Rules.SaveAsync(_s.Jiwei, "huifang", rules, new DateOnly(2026, 1, 1), null);
        var id = await _s.Visits.SavePlanAsync(_s.Jiwei, new VisitPlan
        {
            ProgrammeKey = "huifang", Form = VisitForm.HeartTalk, PlannedStart = _s.Clock.Today.AddDays(2),
            VisitorIds = [_s.DisciplinePerson.Id], TargetPersonIds = [_s.StaffTwo.Id],
        });

        Assert.Equal(id, (await _s.Visits.GetAsync(_s.Jiwei, id)).Id);
        await Assert.ThrowsAsync<NotFoundException>(() => _s.Visits.GetAsync(_s.Zuzhi, id));
        await Assert.ThrowsAsync<NotFoundException>(() => _s.Visits.GetAsync(_s.Admin, id));
        Assert.DoesNotContain((await _s.Visits.ListAsync(_s.Admin, new VisitQuery(PageSize: 200))).Items, v => v.Id == id);
        Assert.DoesNotContain((await _s.Visits.ListAsync(_s.Zuzhi, new VisitQuery(ProgrammeKey: "huifang"))).Items, v => v.Id == id);
    }

    private static VisitOutcome Outcome(long version) => new()
    {
        Version = version, ActualStart = new DateTime(2026, 11, 19, 15, 30, 0), Record = "与受处分人员谈心谈话，了解思想状况。",
    };
}
