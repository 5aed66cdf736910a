using HomeVisit.Core.Accounts;
using HomeVisit.Core.Data;
using HomeVisit.Core.Institutions;
using HomeVisit.Programmes.Lianzheng;
using HomeVisit.Core.People;
using HomeVisit.Core.Visits;

namespace HomeVisit.Tests.Lianzheng;

/// <summary>Yearly visit plans (家访计划) checked against the visitor's quota, linked to the visits that carry them out.</summary>
public sealed class VisitPlanTests : IDisposable
{
    private readonly LianzhengWorld _w = new();
    private Services.Scenario S => _w.S;

    public void Dispose() => _w.Dispose();

    private const string CollegeRule = "二级学院（教学部）领导（第四条（四））";

    /// <summary>李院长 is a deputy of 甲学院 (a college): 4 people a year (第四条（四）). Three teachers to plan.</summary>
    private async Task<Person[]> ArrangeAsync()
    {
        await _w.LeadsAsync(S.LeaderOne.Id, S.CollegeJia, LeadershipRole.Deputy);
        var sun = (await _w.PersonAsync("孙老师", S.DeptJia, "讲师")).Person;
        var zhou = (await _w.PersonAsync("周老师", S.DeptJia, "讲师")).Person;
        return [S.StaffOne, S.StaffTwo, sun, zhou];
    }

    private Task<int> AddAsync(PortalUser by, Person target, int month, string? trigger = null) =>
        _w.Lianzheng.SavePlanItemAsync(by, new PlanItemEdit
        {
            VisitorPersonId = S.LeaderOne.Id, Year = 2026, TargetPersonId = target.Id, Month = month, Trigger = trigger,
        });

    [Fact]
    public async Task The_plan_is_checked_against_the_quota_of_the_visitors_role()
    {
        var people = await ArrangeAsync();
        for (var i = 0; i < 3; i++) await AddAsync(S.Leader1, people[i], 3 + i);

        var plan = await _w.Lianzheng.GetPlanAsync(S.Leader1, S.LeaderOne.Id, 2026);

        var check = Assert.Single(plan.Quota);
        Assert.False(check.Enough);
        Assert.Equal($"{CollegeRule}：计划 3 人，不足指标 4 人（尚差 1 人）。", check.Message);
        Assert.Equal(["张老师", "赵老师", "孙老师"], plan.Items.Select(i => i.TargetName));
        Assert.Equal([3, 4, 5], plan.Items.Select(i => i.Month));
        Assert.True(plan.CanEdit);

        await AddAsync(S.Leader1, people[3], 9, "有反映家庭矛盾比较突出的");
        plan = await _w.Lianzheng.GetPlanAsync(S.Leader1, S.LeaderOne.Id, 2026);
        Assert.Equal($"{CollegeRule}：计划 4 人，达到指标 4 人。", Assert.Single(plan.Quota).Message);
        Assert.Equal("有反映家庭矛盾比较突出的", plan.Items.Last().Trigger);

        // Taking a line out brings the shortfall back.
        var first = plan.Items[0];
        await _w.Lianzheng.RemovePlanItemAsync(S.Leader1, first.Id, first.Version);
        plan = await _w.Lianzheng.GetPlanAsync(S.Leader1, S.LeaderOne.Id, 2026);
        Assert.False(Assert.Single(plan.Quota).Enough);
    }

    [Fact]
    public async Task A_visitor_without_a_quota_gets_a_plan_without_a_check_and_the_reason()
    {
        await ArrangeAsync();

        var plan = await _w.Lianzheng.GetPlanAsync(S.Leader2, S.LeaderTwo.Id, 2026);

        Assert.Empty(plan.Quota);
        Assert.Equal("按2026年度的规则，该人员不在本项目家访指标的适用人员范围内。", plan.QuotaNote);
    }

    [Fact]
    public async Task Plan_lines_link_to_the_visit_that_carries_them_out_done_before_planned()
    {
        var people = await ArrangeAsync();
        await AddAsync(S.Leader1, people[0], 3);
        await AddAsync(S.Leader1, people[1], 11);
        await AddAsync(S.Leader1, people[2], 12);
        var done = await _w.VisitAsync(S.Leader1, new DateTime(2026, 3, 12, 19, 0, 0), [S.LeaderOne.Id], [people[0].Id]);
        var later = await _w.VisitAsync(S.Leader1, new DateTime(2026, 12, 2, 19, 0, 0), [S.LeaderOne.Id], [people[0].Id], done: false);
        var planned = await _w.VisitAsync(S.Leader1, new DateTime(2026, 11, 27, 19, 0, 0), [S.LeaderOne.Id], [people[1].Id], done: false);
        // A visit of last year does not carry out this year's plan.
        await _w.VisitAsync(S.Leader1, new DateTime(2025, 12, 30, 19, 0, 0), [S.LeaderOne.Id], [people[2].Id]);

        var plan = await _w.Lianzheng.GetPlanAsync(S.Leader1, S.LeaderOne.Id, 2026);

        Assert.Equal(new PlanVisitLink(done, VisitStatus.Done, new DateTime(2026, 3, 12, 19, 0, 0)), plan.Items[0].Visit);
        Assert.Equal(new PlanVisitLink(planned, VisitStatus.Planned, new DateTime(2026, 11, 27, 19, 0, 0)), plan.Items[1].Visit);
        Assert.Null(plan.Items[2].Visit);
        Assert.NotEqual(later, plan.Items[0].Visit!.VisitId);
        Assert.Equal(1, Assert.Single(plan.Quota).Done);
    }

    [Fact]
    public async Task Contract_staff_are_outside_the_scope_for_the_plan_the_visit_form_and_the_quota_alike()
    {
        // 第三条: 在编在岗人员（含非实名编）. 钱老师 is 合同制; 吴老师 is 非实名编 and in scope.
        await _w.LeadsAsync(S.LeaderOne.Id, S.CollegeJia, LeadershipRole.Deputy);
        var qian = (await _w.PersonAsync("钱老师", S.DeptJia, "辅导员")).Person;
        var wu = (await _w.PersonAsync("吴老师", S.DeptJia, "讲师")).Person;
        await using (var db = S.Db.CreateContext())
        {
            db.People.Single(p => p.Id == qian.Id).Establishment = EstablishmentStatus.Contract;
            db.People.Single(p => p.Id == wu.Id).Establishment = EstablishmentStatus.NonNamedEstablishment;
            await db.SaveChangesAsync();
            // A visit of 钱老师 recorded before the plans were checked (or imported) is not counted toward the quota either.
            db.Visits.Add(new Visit
            {
                InstitutionId = S.InstitutionA, ProgrammeKey = LianzhengWorld.Key, Form = VisitForm.HomeVisit, Status = VisitStatus.Done,
                PlannedStart = new DateTime(2026, 4, 1, 19, 0, 0), PlannedEnd = new DateTime(2026, 4, 1, 20, 0, 0), ActualStart = new DateTime(2026, 4, 1, 19, 0, 0),
                Record = "家访。", CreatedByUserId = S.Leader1.UserId, CreatedAt = DateTime.UtcNow,
                Visitors = [new VisitVisitor { PersonId = S.LeaderOne.Id, IsRecorder = true }], Targets = [new VisitTarget { PersonId = qian.Id }],
            });
            await db.SaveChangesAsync();
        }
        const string outside = "钱老师 不是在编在岗人员（含非实名编），不在本项目的家访对象范围内。";

        var plan = await Assert.ThrowsAsync<PortalValidationException>(() => AddAsync(S.Leader1, qian, 5));
        var form = await Assert.ThrowsAsync<PortalValidationException>(() => _w.VisitAsync(S.Leader1, new DateTime(2026, 12, 1, 19, 0, 0), [S.LeaderOne.Id], [qian.Id]));
        await AddAsync(S.Leader1, wu, 5);
        await _w.VisitAsync(S.Leader1, new DateTime(2026, 11, 2, 19, 0, 0), [S.LeaderOne.Id], [wu.Id]);
        var line = Assert.Single((await _w.Quotas.MyQuotasAsync(S.Leader1, LianzhengWorld.Key, new DateOnly(2026, 11, 20))).Lines);

        Assert.Equal(outside, plan.Errors[nameof(PlanItemEdit.TargetPersonId)]);
        Assert.Equal(outside, form.Errors[nameof(VisitPlan.TargetPersonIds)]);
        Assert.Equal(1, line.Done);
    }

    [Fact]
    public async Task A_line_needs_a_person_once_a_month_and_a_situation_of_the_rules()
    {
        var people = await ArrangeAsync();
        await AddAsync(S.Leader1, people[0], 3);

        var empty = await Assert.ThrowsAsync<PortalValidationException>(() => _w.Lianzheng.SavePlanItemAsync(S.Leader1,
            new PlanItemEdit { VisitorPersonId = S.LeaderOne.Id, Year = 2026 }));
        Assert.Equal("请选择家访对象。", empty.Errors[nameof(PlanItemEdit.TargetPersonId)]);
        Assert.Equal("请选择计划家访的月份。", empty.Errors[nameof(PlanItemEdit.Month)]);

        var twice = await Assert.ThrowsAsync<PortalValidationException>(() => AddAsync(S.Leader1, people[0], 6));
        Assert.Equal("张老师 已在2026年度的计划中。", twice.Errors[nameof(PlanItemEdit.TargetPersonId)]);

        var self = await Assert.ThrowsAsync<PortalValidationException>(() => AddAsync(S.Leader1, S.LeaderOne, 6));
        Assert.Equal("家访对象不能是家访人本人。", self.Errors[nameof(PlanItemEdit.TargetPersonId)]);

        var trigger = await Assert.ThrowsAsync<PortalValidationException>(() => AddAsync(S.Leader1, people[1], 6, "随便看看"));
        Assert.Equal("请从本项目的优先家访情形中选择。", trigger.Errors[nameof(PlanItemEdit.Trigger)]);
    }

    [Fact]
    public async Task The_visitor_their_units_liaison_and_admins_keep_a_plan_overseers_read_it_and_other_leaders_cannot()
    {
        var people = await ArrangeAsync();
        var (_, jiaLiaison) = await _w.PersonAsync("甲联络员", S.CollegeJia, "办公室主任", null, Roles.Liaison);
        var (_, yiLiaison) = await _w.PersonAsync("乙联络员", S.CollegeYi, "办公室主任", null, Roles.Liaison);

        await AddAsync(jiaLiaison!, people[0], 3);
        await AddAsync(S.Admin, people[1], 4);
        await Assert.ThrowsAsync<AccessDeniedException>(() => AddAsync(yiLiaison!, people[2], 5));
        await Assert.ThrowsAsync<AccessDeniedException>(() => AddAsync(S.Zuzhi, people[2], 5));
        await Assert.ThrowsAsync<AccessDeniedException>(() => AddAsync(S.Leader2, people[2], 5));

        var read = await _w.Lianzheng.GetPlanAsync(S.Zuzhi, S.LeaderOne.Id, 2026);
        Assert.False(read.CanEdit);
        Assert.Equal(2, read.Items.Count);
        await Assert.ThrowsAsync<AccessDeniedException>(() => _w.Lianzheng.GetPlanAsync(S.Leader2, S.LeaderOne.Id, 2026));
        await Assert.ThrowsAsync<AccessDeniedException>(() => _w.Lianzheng.GetPlanAsync(yiLiaison!, S.LeaderOne.Id, 2026));
        var line = read.Items[0];
        await Assert.ThrowsAsync<AccessDeniedException>(() => _w.Lianzheng.RemovePlanItemAsync(S.Leader2, line.Id, line.Version));

        // A school leader's plan is kept by the liaison too (the liaison fills in school leaders' records, 第八条（三）).
        var (principal, _) = await _w.PersonAsync("校领导", S.School, "副校长", null, Roles.Leader);
        await _w.LeadsAsync(principal.Id, S.School, LeadershipRole.Deputy);
        await _w.Lianzheng.SavePlanItemAsync(yiLiaison!, new PlanItemEdit { VisitorPersonId = principal.Id, Year = 2026, TargetPersonId = S.LeaderTwo.Id, Month = 5 });
        Assert.True((await _w.Lianzheng.GetPlanAsync(yiLiaison!, principal.Id, 2026)).CanEdit);
    }

    [Fact]
    public async Task Overseers_see_every_visitor_with_a_quota_against_their_plan_short_plans_first()
    {
        var people = await ArrangeAsync();
        await _w.LeadsAsync(S.LeaderTwo.Id, S.CollegeYi, LeadershipRole.Head);
        await AddAsync(S.Leader1, people[0], 3);
        await AddAsync(S.Leader1, people[2], 4);
        foreach (var (p, m) in new[] { (S.StaffOne, 3), (S.StaffTwo, 4), (S.LeaderOne, 5), (people[3], 6) })
            await _w.Lianzheng.SavePlanItemAsync(S.Leader2, new PlanItemEdit { VisitorPersonId = S.LeaderTwo.Id, Year = 2026, TargetPersonId = p.Id, Month = m });

        var overview = await _w.Lianzheng.PlanOverviewAsync(S.Jiwei, 2026, null);

        Assert.Equal(["李院长 4/2 short", "王院长 4/4 ok"], overview.Select(r => $"{r.Name} {r.Required}/{r.Planned} {(r.Enough ? "ok" : "short")}"));
        await Assert.ThrowsAsync<AccessDeniedException>(() => _w.Lianzheng.PlanOverviewAsync(S.Leader1, 2026, null));
    }
}
