using HomeVisit.Core.Data;
using HomeVisit.Programmes.Ganbu;
using HomeVisit.Core.Visits;

namespace HomeVisit.Tests.Ganbu;

/// <summary>
/// Issue 16: the 干部家访 rules hold when a plan comes through the general 安排家访 form (VisitService.SavePlanAsync, the
/// path /visits/new takes) or the calendar (RescheduleAsync), not only from the request pages.
/// </summary>
public sealed class GanbuVisitRuleRouteTests : IDisposable
{
    private readonly GanbuWorld w = new();

    public void Dispose() => w.Dispose();

    private VisitPlan Plan(int visitor, int target) => new()
    {
        ProgrammeKey = GanbuAccess.ProgrammeKey, Form = VisitForm.HomeVisit, PlannedStart = w.Clock.Today.AddDays(2).AddHours(19),
        DurationMinutes = 60, VisitorIds = [visitor], TargetPersonIds = [target],
    };

    [Fact]
    public async Task A_leader_cannot_plan_a_visit_to_another_units_cadre_through_the_general_form()
    {
        // 冯书记 heads 城关镇; 钱干部 works at 县教育局.
        var e = await Assert.ThrowsAsync<PortalValidationException>(() => w.Visits.SavePlanAsync(w.TownHeadUser, Plan(w.TownHead.Id, w.Qian.Id)));
        Assert.Contains("钱干部（县教育局）不是家访人员所在单位的管理干部", e.Errors[nameof(VisitPlan.TargetPersonIds)]);

        // His own township's unit below it he visits; the education bureau's deputy visits 钱干部; the linked county leader too.
        Assert.True(await w.Visits.SavePlanAsync(w.TownHeadUser, Plan(w.TownHead.Id, w.Wei.Id)) > 0);
        Assert.True(await w.Visits.SavePlanAsync(w.EduDeputyFirstUser, Plan(w.EduDeputyFirst.Id, w.Qian.Id)) > 0);
        Assert.True(await w.Visits.SavePlanAsync(w.EduLinkedUser, Plan(w.EduLinked.Id, w.Qian.Id)) > 0);
        // The organisation department revisits anyone (二).
        Assert.True(await w.Visits.SavePlanAsync(w.OrgDept, Plan(w.OrgClerk.Id, w.Qian.Id)) > 0);
    }

    [Fact]
    public async Task A_leader_the_department_made_handler_may_visit_the_requester_outside_his_unit()
    {
        var id = await w.FileAsync();
        var row = await w.RowAsync(id);
        await w.Requests.ReassignAsync(w.OrgDept, id, new GanbuRedirectInput { Version = row.Version, HandlerPersonId = w.TownHead.Id, Reason = "熟悉情况" });
        var version = (await w.RowAsync(id)).Version;
        Assert.True(await w.Requests.PlanVisitAsync(w.TownHeadUser, id, new GanbuVisitInput
        {
            Version = version, PlannedStart = w.Clock.Today.AddDays(1).AddHours(19), DurationMinutes = 60,
        }) > 0);
    }

    [Fact]
    public async Task A_handling_visit_cannot_be_dated_before_the_request_it_handles_nor_moved_there()
    {
        var id = await w.FileAsync();
        var version = (await w.RowAsync(id)).Version;
        var e = await Assert.ThrowsAsync<PortalValidationException>(() => w.Requests.PlanVisitAsync(w.EduDeputyInChargeUser, id, new GanbuVisitInput
        {
            Version = version, PlannedStart = w.Clock.Today.AddDays(-3).AddHours(19), DurationMinutes = 60,
        }));
        Assert.StartsWith("家访时间不能早于诉求提交时间", e.Errors[nameof(VisitPlan.PlannedStart)]);

        var visitId = await w.Requests.PlanVisitAsync(w.EduDeputyInChargeUser, id, new GanbuVisitInput
        {
            Version = version, PlannedStart = w.Clock.Today.AddDays(1).AddHours(19), DurationMinutes = 60,
        });
        // The general edit form and the calendar both go through the plan check.
        var plan = await w.Visits.GetPlanAsync(w.EduDeputyInChargeUser, visitId);
        plan.PlannedStart = w.Clock.Today.AddDays(-2).AddHours(19);
        e = await Assert.ThrowsAsync<PortalValidationException>(() => w.Visits.SavePlanAsync(w.EduDeputyInChargeUser, plan));
        Assert.StartsWith("家访时间不能早于诉求提交时间", e.Errors[nameof(VisitPlan.PlannedStart)]);
    }

    /// <summary>Issue 16 item 5: the outcome of a handling visit, recorded on the visit page (or any route), is not dated before the request.</summary>
    [Fact]
    public async Task A_handling_visits_outcome_cannot_be_dated_before_the_request_it_handles()
    {
        var id = await w.FileAsync();
        var filedAt = w.Clock.GetLocalNow().DateTime;
        var visitId = await w.Requests.PlanVisitAsync(w.EduDeputyInChargeUser, id, new GanbuVisitInput
        {
            Version = (await w.RowAsync(id)).Version, PlannedStart = w.Clock.Today.AddDays(1).AddHours(19), DurationMinutes = 60,
        });
        w.Clock.Advance(TimeSpan.FromDays(2));
        var outcome = new VisitOutcome
        {
            Version = (await w.Visits.GetAsync(w.EduDeputyInChargeUser, visitId)).Version, ActualStart = filedAt.AddDays(-1), Record = "到家中了解情况。",
            FormData = new() { ["Methods"] = "看、谈、听、访", ["Greeting"] = "true", ["OpinionsSought"] = "无", ["NeedsHeard"] = "陪护假" },
        };

        var e = await Assert.ThrowsAsync<PortalValidationException>(() => w.Visits.RecordOutcomeAsync(w.EduDeputyInChargeUser, visitId, outcome));
        Assert.StartsWith("实际家访时间不能早于诉求提交时间", e.Errors[nameof(VisitOutcome.ActualStart)]);

        outcome.ActualStart = filedAt.AddDays(1).Date.AddHours(19);
        await w.Visits.RecordOutcomeAsync(w.EduDeputyInChargeUser, visitId, outcome);
        Assert.Equal(VisitStatus.Done, (await w.Visits.GetAsync(w.EduDeputyInChargeUser, visitId)).Status);
    }
}
