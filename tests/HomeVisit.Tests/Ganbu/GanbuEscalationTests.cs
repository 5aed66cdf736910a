using HomeVisit.Core.Data;
using HomeVisit.Programmes.Ganbu;

namespace HomeVisit.Tests.Ganbu;

/// <summary>Deadlines per tier and escalation of overdue requests, moved along with the fake clock.</summary>
public sealed class GanbuEscalationTests : IDisposable
{
    private readonly GanbuWorld w = new();

    [Fact]
    public async Task Deadlines_default_to_15_10_and_7_days_from_filing()
    {
        var ordinary = await w.RowAsync(await w.FileAsync(GanbuTier.Ordinary));
        var special = await w.RowAsync(await w.FileAsync(GanbuTier.Special));
        var major = await w.RowAsync(await w.FileAsync(GanbuTier.Major));

        Assert.Equal(new DateOnly(2026, 11, 20), ordinary.FiledOn);
        Assert.Equal(new DateOnly(2026, 12, 5), ordinary.Deadline);
        Assert.Equal(new DateOnly(2026, 11, 30), special.Deadline);
        Assert.Equal(new DateOnly(2026, 11, 27), major.Deadline);
    }

    [Fact]
    public async Task An_institution_sets_its_own_days_per_tier_and_only_administrators_may()
    {
        await Assert.ThrowsAsync<AccessDeniedException>(() => w.Settings.SaveDeadlinesAsync(w.OrgDept, new GanbuDeadlinesEdit { OrdinaryDays = 5 }));
        var invalid = await Assert.ThrowsAsync<PortalValidationException>(() =>
            w.Settings.SaveDeadlinesAsync(w.AdminB, new GanbuDeadlinesEdit { OrdinaryDays = 0, SpecialDays = 91, MajorDays = 1 }));
        Assert.Equal(["OrdinaryDays", "SpecialDays"], invalid.Errors.Keys.Order());

        await w.Settings.SaveDeadlinesAsync(w.AdminB, new GanbuDeadlinesEdit { OrdinaryDays = 3, SpecialDays = 2, MajorDays = 1 });

        Assert.Equal(new DateOnly(2026, 11, 23), (await w.RowAsync(await w.FileAsync(GanbuTier.Ordinary))).Deadline);
        Assert.Equal(new DateOnly(2026, 11, 21), (await w.RowAsync(await w.FileAsync(GanbuTier.Major))).Deadline);
        // The other institution keeps the defaults.
        Assert.Equal(15, (await w.Settings.GetDeadlinesAsync(w.S.Admin)).OrdinaryDays);
    }

    [Fact]
    public async Task An_overdue_request_climbs_the_tiers_then_is_reported_for_supervision_once_per_deadline()
    {
        var id = await w.FileAsync(GanbuTier.Ordinary);

        // On the deadline day it is not yet overdue.
        w.Clock.Advance(TimeSpan.FromDays(15));
        var onDeadline = (await w.Requests.ListAsync(w.OrgDept, new GanbuRequestQuery())).Items.Single();
        Assert.False(onDeadline.IsOverdue);
        Assert.Equal(0, onDeadline.EscalationLevel);
        Assert.Empty((await w.Requests.ListAsync(w.OrgDept, new GanbuRequestQuery(AttentionOnly: true))).Items);

        // The day after, reading the list escalates it to the unit head with the special tier's 10 days.
        w.Clock.Advance(TimeSpan.FromDays(1));
        var queue = await w.Requests.ListAsync(w.EduHeadUser, new GanbuRequestQuery(GanbuRequestScope.Queue));
        var r = await w.RowAsync(id);
        Assert.Equal(id, Assert.Single(queue.Items).Id);
        Assert.Equal(w.EduHead.Id, r.HandlerPersonId);
        Assert.Equal(GanbuTier.Special, r.HandlingTier);
        Assert.Equal(GanbuTier.Ordinary, r.Tier);
        Assert.Equal(1, r.EscalationLevel);
        Assert.Equal(new DateOnly(2026, 12, 6), r.OverdueSince);
        Assert.Equal(new DateOnly(2026, 12, 16), r.Deadline);
        Assert.Equal("郑副局长办理逾期（期限 2026-12-05），升级由单位一把手周局长办理，新期限 2026-12-16；已报县委组织部。",
            r.Steps.Single(s => s.Kind == GanbuStepKind.Escalated).Note);
        Assert.Equal(GanbuRequestService.SystemActor, r.Steps.Single(s => s.Kind == GanbuStepKind.Escalated).ActorName);
        // The deputy no longer has it in the queue but still sees it; the department has it on its list.
        Assert.Empty((await w.Requests.ListAsync(w.EduDeputyInChargeUser, new GanbuRequestQuery(GanbuRequestScope.Queue))).Items);
        Assert.Equal(1, (await w.Requests.GetAsync(w.EduDeputyInChargeUser, id)).EscalationLevel);
        Assert.Equal(id, Assert.Single((await w.Requests.ListAsync(w.OrgDept, new GanbuRequestQuery(AttentionOnly: true))).Items).Id);

        // Overdue again at the head: the linked county leader, 7 days.
        w.Clock.Advance(TimeSpan.FromDays(11));
        Assert.Equal(1, await w.Requests.EscalateDueAsync(w.S.InstitutionB));
        r = await w.RowAsync(id);
        Assert.Equal(w.EduLinked.Id, r.HandlerPersonId);
        Assert.Equal(GanbuTier.Major, r.HandlingTier);
        Assert.Equal(new DateOnly(2026, 12, 24), r.Deadline);
        Assert.Equal(2, r.EscalationLevel);

        // Overdue at the top: reported for supervision, once.
        w.Clock.Advance(TimeSpan.FromDays(8));
        Assert.Equal(1, await w.Requests.EscalateDueAsync(w.S.InstitutionB));
        Assert.Equal(0, await w.Requests.EscalateDueAsync(w.S.InstitutionB));
        w.Clock.Advance(TimeSpan.FromDays(3));
        var detail = await w.Requests.GetAsync(w.OrgDept, id);
        Assert.Equal(3, detail.EscalationLevel);
        Assert.True(detail.IsOverdue);
        Assert.Equal(w.EduLinked.Id, detail.HandlerPersonId);
        Assert.Equal(
            [GanbuStepKind.Filed, GanbuStepKind.Assigned, GanbuStepKind.Escalated, GanbuStepKind.Escalated, GanbuStepKind.OverdueReported],
            detail.Steps.Select(s => s.Kind));
        Assert.Contains("已是最高层级，已报县委组织部督办", detail.Steps[^1].Note);
    }

    [Fact]
    public async Task A_request_resolved_in_time_never_escalates_and_one_resolved_late_counts_as_overdue()
    {
        var onTime = await w.FileAsync(GanbuTier.Major);
        var late = await w.FileAsync(GanbuTier.Special);
        await w.VisitAndRecordAsync(onTime, w.EduLinkedUser);
        await w.VisitAndRecordAsync(late, w.EduHeadUser);
        await Resolve(onTime, w.EduLinkedUser);

        // 11 days after filing: the special one (10 days) is late; resolved before any read escalates it.
        w.Clock.Advance(TimeSpan.FromDays(9));
        await Resolve(late, w.EduHeadUser);
        w.Clock.Advance(TimeSpan.FromDays(30));
        await w.Requests.EscalateDueAsync(w.S.InstitutionB);

        var a = await w.RowAsync(onTime);
        var b = await w.RowAsync(late);
        Assert.Equal((0, null), (a.EscalationLevel, a.OverdueSince));
        Assert.Equal(0, b.EscalationLevel);
        Assert.Equal(new DateOnly(2026, 12, 1), b.OverdueSince);
    }

    [Fact]
    public async Task The_daily_run_skips_an_institution_that_switched_the_programme_off()
    {
        var id = await w.FileAsync(GanbuTier.Major);
        w.Clock.Advance(TimeSpan.FromDays(8));
        await w.S.Rules.SetEnabledAsync(w.AdminB, GanbuAccess.ProgrammeKey, enabled: false);

        Assert.Equal(0, await w.Requests.EscalateAllAsync());
        Assert.Equal(0, (await w.RowAsync(id)).EscalationLevel);

        await w.S.Rules.SetEnabledAsync(w.AdminB, GanbuAccess.ProgrammeKey, enabled: true);
        Assert.Equal(1, await w.Requests.EscalateAllAsync());
        Assert.Equal(1, (await w.RowAsync(id)).EscalationLevel);
    }

    private async Task Resolve(int id, HomeVisit.Core.Accounts.PortalUser handler)
    {
        // The version straight from the row: reading through the service would escalate first.
        var row = await w.RowAsync(id);
        await w.Requests.ResolveAsync(handler, id, new GanbuCloseInput { Version = row.Version, Resolution = "已解决", Feedback = "已当面告知本人" });
    }

    public void Dispose() => w.Dispose();
}
