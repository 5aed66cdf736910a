using HomeVisit.Core.Data;
using HomeVisit.Core.People;
using HomeVisit.Core.Programmes;
using HomeVisit.Core.Visits;
using Microsoft.EntityFrameworkCore;
using HomeVisit.Programmes.Huifang;

namespace HomeVisit.Tests.Services;

/// <summary>Every module plans and records visits under its own rules (issue 3 §4).</summary>
/// <summary>Run on both providers: <see cref="ProgrammeRuleEnforcementTestsOnSqlite"/> and <see cref="ProgrammeRuleEnforcementTestsOnPostgreSql"/>.</summary>
public abstract class ProgrammeRuleEnforcementTests(PortalDatabaseProvider provider) : IDisposable
{
    private readonly Scenario _s = new(provider);

    public void Dispose() => _s.Dispose();

    [Fact]
    public async Task A_form_the_programme_does_not_use_is_refused_beside_the_form_field()
    {
        var plan = _s.PlanForLeaderOne();
        plan.Form = HuifangForms.PhoneVisit; // 廉政家访: 上门家访、重点约访、定期回访 only (seed 1 §6)

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

    // The huifang revisit rules (team of two discipline staff, approval before recording, secrecy) are tested in
    // Huifang/RevisitTests and Huifang/SecrecyTests, with sanction records behind the revisits.
}

public sealed class ProgrammeRuleEnforcementTestsOnSqlite() : ProgrammeRuleEnforcementTests(PortalDatabaseProvider.Sqlite);

public sealed class ProgrammeRuleEnforcementTestsOnPostgreSql() : ProgrammeRuleEnforcementTests(PortalDatabaseProvider.PostgreSQL);
