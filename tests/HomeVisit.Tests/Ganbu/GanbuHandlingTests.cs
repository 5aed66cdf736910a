using HomeVisit.Core.Data;
using HomeVisit.Programmes.Ganbu;
using HomeVisit.Core.Visits;
using Microsoft.EntityFrameworkCore;

namespace HomeVisit.Tests.Ganbu;

/// <summary>Handling is a home visit recording the 三个一; a request closes only with a resolution and the feedback given.</summary>
public sealed class GanbuHandlingTests : IDisposable
{
    private readonly GanbuWorld w = new();

    [Fact]
    public async Task The_handler_plans_a_ganbu_home_visit_to_the_cadre_records_the_three_ones_and_closes_with_resolution_and_feedback()
    {
        var id = await w.FileAsync(GanbuTier.Ordinary, GanbuCategory.SeriousIllness);

        var visitId = await w.VisitAndRecordAsync(id, w.EduDeputyInChargeUser);

        var visit = await w.S.VisitRowAsync(visitId);
        Assert.Equal((GanbuAccess.ProgrammeKey, VisitForm.HomeVisit, "患有重大疾病"), (visit.ProgrammeKey, visit.Form, visit.Trigger));
        Assert.Equal("乙县城关镇建设路8号", visit.Place);
        var detail = await w.Requests.GetAsync(w.OrgDept, id);
        Assert.Equal(GanbuRequestStatus.InHandling, detail.Status);
        var linked = Assert.Single(detail.Visits);
        Assert.Equal((visitId, GanbuVisitPurpose.Handling, VisitStatus.Done), (linked.VisitId, linked.Purpose, linked.Status));
        Assert.Equal(("看、谈、听、访", true, "家属希望单位减少周末加班", "陪护假两周"), (linked.Methods, linked.Greeting, linked.OpinionsSought, linked.NeedsHeard));

        var missing = await Assert.ThrowsAsync<PortalValidationException>(() =>
            w.Requests.ResolveAsync(w.EduDeputyInChargeUser, id, new GanbuCloseInput { Version = detail.Version, Resolution = "已安排陪护假" }));
        Assert.Equal("请填写向干部反馈的情况。", missing.Errors[nameof(GanbuCloseInput.Feedback)]);

        await w.Requests.ResolveAsync(w.EduDeputyInChargeUser, id, new GanbuCloseInput
        {
            Version = detail.Version, Resolution = "已安排陪护假两周", Feedback = "11月22日电话告知钱干部，本人表示满意",
        });

        var done = await w.Requests.GetAsync(w.QianUser, id);
        Assert.Equal(GanbuRequestStatus.Resolved, done.Status);
        Assert.Equal(("已安排陪护假两周", "11月22日电话告知钱干部，本人表示满意"), (done.Resolution, done.Feedback));
        Assert.Equal([GanbuStepKind.Filed, GanbuStepKind.Assigned, GanbuStepKind.VisitPlanned, GanbuStepKind.Resolved], done.Steps.Select(s => s.Kind));
        // The cadre sees the outcome, not the visit's record.
        Assert.False(Assert.Single(done.Visits).CanRead);
        Assert.Null(done.Visits[0].Record);
    }

    [Fact]
    public async Task A_request_cannot_be_closed_without_a_recorded_handling_visit_nor_by_anyone_but_its_handler()
    {
        var id = await w.FileAsync();
        var version = (await w.RowAsync(id)).Version;
        var close = new GanbuCloseInput { Version = version, Resolution = "电话沟通解决", Feedback = "已告知" };

        var ex = await Assert.ThrowsAsync<PortalValidationException>(() => w.Requests.ResolveAsync(w.EduDeputyInChargeUser, id, close));
        Assert.StartsWith("诉求须通过家访解决", ex.Errors[nameof(GanbuCloseInput.Resolution)]);
        await Assert.ThrowsAsync<AccessDeniedException>(() => w.Requests.ResolveAsync(w.OrgDept, id, close));
        // The head does not even see an ordinary request of the unit.
        await Assert.ThrowsAsync<NotFoundException>(() =>
            w.Requests.PlanVisitAsync(w.EduHeadUser, id, new GanbuVisitInput { Version = version, PlannedStart = w.Clock.Today.AddDays(1) }));
        // A planned but unrecorded visit is not enough either.
        await w.Requests.PlanVisitAsync(w.EduDeputyInChargeUser, id, new GanbuVisitInput { Version = version, PlannedStart = w.Clock.Today.AddDays(1).AddHours(19) });
        var current = (await w.RowAsync(id)).Version;
        await Assert.ThrowsAsync<PortalValidationException>(() =>
            w.Requests.ResolveAsync(w.EduDeputyInChargeUser, id, new GanbuCloseInput { Version = current, Resolution = "电话沟通解决", Feedback = "已告知" }));
    }

    [Fact]
    public async Task Who_sees_a_request_the_cadre_the_handler_and_the_organisation_department_but_not_others_nor_another_institution()
    {
        var id = await w.FileAsync();

        Assert.Equal(id, (await w.Requests.GetAsync(w.QianUser, id)).Id);
        Assert.Equal(id, (await w.Requests.GetAsync(w.EduDeputyInChargeUser, id)).Id);
        Assert.Equal(id, (await w.Requests.GetAsync(w.OrgDept, id)).Id);
        await Assert.ThrowsAsync<NotFoundException>(() => w.Requests.GetAsync(w.EduHeadUser, id));
        await Assert.ThrowsAsync<NotFoundException>(() => w.Requests.GetAsync(w.S.Zuzhi, id));
        Assert.Empty((await w.Requests.ListAsync(w.S.Zuzhi, new GanbuRequestQuery())).Items);
        // Each read that showed the request was audited.
        Assert.Equal(3, await w.S.ReadAsync(db => db.AuditEntries.CountAsync(a => a.EntityType == nameof(GanbuRequest) && a.Action == "read")));
    }

    [Fact]
    public async Task A_request_recorded_during_a_visit_is_the_visited_cadres_and_comes_from_that_visit()
    {
        var visitId = await w.Visits.SavePlanAsync(w.EduHeadUser, new VisitPlan
        {
            ProgrammeKey = GanbuAccess.ProgrammeKey, Form = VisitForm.HomeVisit, PlannedStart = w.Clock.Today.AddHours(8),
            VisitorIds = [w.EduHead.Id], TargetPersonIds = [w.Qian.Id],
        });

        var id = await w.Requests.FileAsync(w.EduHeadUser, new GanbuRequestInput
        {
            SourceVisitId = visitId, Category = GanbuCategory.WeddingOrFuneral, Summary = "下月结婚，希望调休",
        });

        var r = await w.RowAsync(id);
        Assert.Equal((w.Qian.Id, GanbuRequestSource.Visit, visitId), (r.RequesterPersonId, r.Source, r.SourceVisitId));
        Assert.Equal(w.EduDeputyInCharge.Id, r.HandlerPersonId);
        var notTarget = await Assert.ThrowsAsync<PortalValidationException>(() => w.Requests.FileAsync(w.EduHeadUser, new GanbuRequestInput
        {
            SourceVisitId = visitId, RequesterPersonId = w.Sun.Id, Category = GanbuCategory.Other, Summary = "x",
        }));
        Assert.Equal("诉求提出人须是该次家访的对象。", notTarget.Errors[nameof(GanbuRequestInput.RequesterPersonId)]);
        await Assert.ThrowsAsync<NotFoundException>(() => w.Requests.FileAsync(w.EduDeputyFirstUser, new GanbuRequestInput
        {
            SourceVisitId = visitId, Category = GanbuCategory.Other, Summary = "x",
        }));
    }

    [Fact]
    public async Task The_organisation_department_reclassifies_reassigns_and_revisits_and_each_step_is_on_the_timeline()
    {
        var id = await w.FileAsync(GanbuTier.Ordinary);
        var version = (await w.RowAsync(id)).Version;
        await Assert.ThrowsAsync<AccessDeniedException>(() =>
            w.Requests.ReclassifyAsync(w.EduDeputyInChargeUser, id, new GanbuRedirectInput { Version = version, Tier = GanbuTier.Special, Reason = "x" }));
        var noReason = await Assert.ThrowsAsync<PortalValidationException>(() =>
            w.Requests.ReclassifyAsync(w.OrgDept, id, new GanbuRedirectInput { Version = version, Tier = GanbuTier.Special }));
        Assert.Contains(nameof(GanbuRedirectInput.Reason), noReason.Errors.Keys);

        w.Clock.Advance(TimeSpan.FromDays(2));
        await w.Requests.ReclassifyAsync(w.OrgDept, id, new GanbuRedirectInput { Version = version, Tier = GanbuTier.Special, Reason = "病情危重，需单位一把手协调" });
        var r = await w.RowAsync(id);
        Assert.Equal((GanbuTier.Special, GanbuTier.Special, w.EduHead.Id, new DateOnly(2026, 12, 2)), (r.Tier, r.HandlingTier, r.HandlerPersonId, r.Deadline));

        await w.Requests.ReassignAsync(w.OrgDept, id, new GanbuRedirectInput { Version = r.Version, HandlerPersonId = w.EduDeputyFirst.Id, Reason = "周局长外出学习" });
        r = await w.RowAsync(id);
        Assert.Equal(w.EduDeputyFirst.Id, r.HandlerPersonId);

        var revisitId = await w.Requests.PlanRevisitAsync(w.OrgDept, id, new GanbuVisitInput
        {
            PlannedStart = w.Clock.Today.AddDays(3).AddHours(15), TargetPersonId = w.Qian.Id,
        });
        var revisit = await w.S.VisitRowAsync(revisitId);
        Assert.Equal(VisitForm.RegularRevisit, revisit.Form);
        await Assert.ThrowsAsync<AccessDeniedException>(() =>
            w.Requests.PlanRevisitAsync(w.AdminB, id, new GanbuVisitInput { PlannedStart = w.Clock.Today.AddDays(3) }));
        var wrongTarget = await Assert.ThrowsAsync<PortalValidationException>(() =>
            w.Requests.PlanRevisitAsync(w.OrgDept, id, new GanbuVisitInput { PlannedStart = w.Clock.Today.AddDays(3), TargetPersonId = w.Sun.Id }));
        Assert.Contains(nameof(GanbuVisitInput.TargetPersonId), wrongTarget.Errors.Keys);

        var detail = await w.Requests.GetAsync(w.OrgDept, id);
        Assert.Equal([GanbuStepKind.Filed, GanbuStepKind.Assigned, GanbuStepKind.Reclassified, GanbuStepKind.Reassigned, GanbuStepKind.RevisitPlanned],
            detail.Steps.Select(s => s.Kind));
        Assert.Equal(GanbuVisitPurpose.Revisit, Assert.Single(detail.Visits).Purpose);
        // A revisit does not make the request "in handling".
        Assert.Equal(GanbuRequestStatus.Open, detail.Status);
    }

    [Fact]
    public async Task The_cadre_withdraws_with_a_reason_and_a_closed_request_cannot_change()
    {
        var id = await w.FileAsync();
        var version = (await w.RowAsync(id)).Version;
        await Assert.ThrowsAsync<PortalValidationException>(() => w.Requests.WithdrawAsync(w.QianUser, id, version, " "));

        await w.Requests.WithdrawAsync(w.QianUser, id, version, "已自行解决");

        var r = await w.RowAsync(id);
        Assert.Equal((GanbuRequestStatus.Withdrawn, "已自行解决"), (r.Status, r.WithdrawReason));
        await Assert.ThrowsAsync<PortalValidationException>(() =>
            w.Requests.ReclassifyAsync(w.OrgDept, id, new GanbuRedirectInput { Version = r.Version, Tier = GanbuTier.Major, Reason = "x" }));
    }

    [Fact]
    public async Task A_stale_version_is_a_conflict()
    {
        var id = await w.FileAsync();
        var version = (await w.RowAsync(id)).Version;
        await w.Requests.ReassignAsync(w.OrgDept, id, new GanbuRedirectInput { Version = version, HandlerPersonId = w.EduDeputyFirst.Id, Reason = "改派" });

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => w.Requests.WithdrawAsync(w.QianUser, id, version, "撤回"));
    }

    public void Dispose() => w.Dispose();
}
