using HomeVisit.Core.Data;
using HomeVisit.Core.Visits;

namespace HomeVisit.Tests.Lianzheng;

/// <summary>A 重点约访 starts a chain of 定期回访 that stays open until the person is recorded as recovered (seed 1 §6(二)(三)).</summary>
public sealed class KeyAppointmentChainTests : IDisposable
{
    private readonly LianzhengWorld _w = new();
    private Services.Scenario S => _w.S;

    public void Dispose() => _w.Dispose();

    private static readonly DateTime KeyDay = new(2026, 10, 8, 19, 30, 0);

    private Task<int> KeyAppointmentAsync(bool done = true) =>
        _w.VisitAsync(S.Leader1, KeyDay, [S.LeaderOne.Id], [S.StaffOne.Id], VisitForm.KeyAppointment, done: done,
            record: "职称评审受挫，情绪低落，与家属一起谈心。");

    [Fact]
    public async Task A_follow_on_is_planned_from_the_key_appointment_and_the_chain_stays_open_until_recorded_as_recovered()
    {
        var root = await KeyAppointmentAsync();

        // Done 重点约访: tracked, a 回访 can be scheduled, nothing pending.
        var chain = await S.Visits.GetChainAsync(S.Leader1, root);
        Assert.NotNull(chain);
        Assert.Equal(root, chain.RootId);
        Assert.False(chain.Closed);
        Assert.True(chain.CanScheduleFollowOn);
        Assert.Equal([root], chain.Members.Select(m => m.Id));
        Assert.Equal([root], (await S.Visits.OpenChainsAsync(S.Leader1, "lianzheng")).Items.Select(r => r.RootId));

        // 安排回访: prefilled from the 重点约访, saved as a 定期回访 in its chain.
        var plan = await S.Visits.NewFollowOnPlanAsync(S.Leader1, root);
        Assert.Equal(VisitForm.RegularRevisit, plan.Form);
        Assert.Equal(root, plan.ParentVisitId);
        Assert.Equal([S.StaffOne.Id], plan.TargetPersonIds);
        Assert.Equal([S.LeaderOne.Id], plan.VisitorIds);
        plan.PlannedStart = new DateTime(2026, 11, 10, 19, 30, 0);
        var followOn = await S.Visits.SavePlanAsync(S.Leader1, plan);
        Assert.Equal(root, (await S.VisitRowAsync(followOn)).ParentVisitId);

        // While the 回访 is planned the chain cannot be closed.
        chain = await S.Visits.GetChainAsync(S.Leader1, followOn);
        Assert.Equal([root, followOn], chain!.Members.Select(m => m.Id));
        Assert.False(chain.CanClose);
        Assert.Equal("还有未完成的回访（计划 2026-11-10），登记结果或取消后才能记录为已好转。", chain.CannotCloseReason?.ToString());
        var early = await Assert.ThrowsAsync<PortalValidationException>(() =>
            S.Visits.CloseChainAsync(S.Leader1, root, chain.RootVersion, "已好转"));
        Assert.Equal(chain.CannotCloseReason?.ToString(), early.Errors[nameof(Visit.ChainCloseNote)]);

        // The 回访 is recorded; the chain is still open (a 回访 alone does not close it).
        await _w.RecordAsync(S.Leader1, followOn, new DateTime(2026, 11, 10, 19, 30, 0), "本人情绪明显好转，已完成教研项目申报。");
        chain = await S.Visits.GetChainAsync(S.Leader1, root);
        Assert.False(chain!.Closed);
        Assert.True(chain.CanClose);
        Assert.Single((await S.Visits.OpenChainsAsync(S.Leader1, "lianzheng")).Items, r => r.RootId == root && r.FollowOnsDone == 1);

        // Recorded as recovered: closed, with who, when and the note; no longer tracked, no more 回访.
        var blank = await Assert.ThrowsAsync<PortalValidationException>(() => S.Visits.CloseChainAsync(S.Leader1, root, chain.RootVersion, " "));
        Assert.Equal("请填写转变情况说明。", blank.Errors[nameof(Visit.ChainCloseNote)]);
        await S.Visits.CloseChainAsync(S.Leader1, root, chain.RootVersion, "本人思想转变明显，工作状态恢复，结束跟踪。");

        var closed = await S.Visits.GetChainAsync(S.Leader1, followOn);
        Assert.True(closed!.Closed);
        Assert.Equal("本人思想转变明显，工作状态恢复，结束跟踪。", closed.CloseNote);
        Assert.Equal(S.Leader1.DisplayName, closed.ClosedBy);
        Assert.False(closed.CanScheduleFollowOn);
        Assert.False(closed.CanClose);
        var row = await S.VisitRowAsync(root);
        Assert.Equal(S.Clock.GetUtcNow().UtcDateTime, row.ChainClosedAt);
        Assert.Equal(S.Leader1.UserId, row.ChainClosedByUserId);
        Assert.Empty((await S.Visits.OpenChainsAsync(S.Leader1, "lianzheng")).Items);
        var again = await Assert.ThrowsAsync<PortalValidationException>(() => S.Visits.NewFollowOnPlanAsync(S.Leader1, root));
        Assert.Equal("该重点约访对象已记录为好转，跟踪已结束。", again.Message);
        plan.PlannedStart = new DateTime(2026, 12, 10, 19, 30, 0);
        await Assert.ThrowsAsync<PortalValidationException>(() => S.Visits.SavePlanAsync(S.Leader1, plan));
    }

    [Fact]
    public async Task A_follow_on_keeps_the_key_appointments_people_and_is_a_regular_revisit()
    {
        var root = await KeyAppointmentAsync();
        var plan = await S.Visits.NewFollowOnPlanAsync(S.Leader1, root);
        plan.PlannedStart = new DateTime(2026, 11, 25, 19, 0, 0);

        plan.TargetPersonIds = [S.StaffTwo.Id];
        var otherPerson = await Assert.ThrowsAsync<PortalValidationException>(() => S.Visits.SavePlanAsync(S.Leader1, plan));
        Assert.Equal("回访对象须与重点约访的对象一致。", otherPerson.Errors[nameof(VisitPlan.TargetPersonIds)]);

        plan.TargetPersonIds = [S.StaffOne.Id];
        plan.Form = VisitForm.HomeVisit;
        var otherForm = await Assert.ThrowsAsync<PortalValidationException>(() => S.Visits.SavePlanAsync(S.Leader1, plan));
        Assert.Equal("重点约访后的回访，家访形式须为“定期回访”。", otherForm.Errors[nameof(VisitPlan.Form)]);

        // Changing a saved 回访's plan keeps it in the chain and under the same checks.
        plan.Form = VisitForm.RegularRevisit;
        var id = await S.Visits.SavePlanAsync(S.Leader1, plan);
        var edit = await S.Visits.GetPlanAsync(S.Leader1, id);
        Assert.Equal(root, edit.ParentVisitId);
        edit.ParentVisitId = null;
        edit.TargetPersonIds = [S.StaffTwo.Id];
        await Assert.ThrowsAsync<PortalValidationException>(() => S.Visits.SavePlanAsync(S.Leader1, edit));
        edit.TargetPersonIds = [S.StaffOne.Id];
        edit.PlannedStart = new DateTime(2026, 11, 26, 19, 0, 0);
        await S.Visits.SavePlanAsync(S.Leader1, edit);
        Assert.Equal(root, (await S.VisitRowAsync(id)).ParentVisitId);
    }

    [Fact]
    public async Task Only_a_done_key_appointment_starts_a_chain_and_only_its_visitors_or_overseers_act_on_it()
    {
        var home = await _w.VisitAsync(S.Leader1, KeyDay, [S.LeaderOne.Id], [S.StaffOne.Id]);
        Assert.Null(await S.Visits.GetChainAsync(S.Leader1, home));
        var notKey = await Assert.ThrowsAsync<PortalValidationException>(() => S.Visits.NewFollowOnPlanAsync(S.Leader1, home));
        Assert.Equal("只能对重点约访安排定期回访。", notKey.Message);

        var planned = await KeyAppointmentAsync(done: false);
        var notDone = await S.Visits.GetChainAsync(S.Leader1, planned);
        Assert.False(notDone!.CanScheduleFollowOn);
        Assert.False(notDone.CanClose);
        await Assert.ThrowsAsync<PortalValidationException>(() => S.Visits.NewFollowOnPlanAsync(S.Leader1, planned));
        Assert.Empty((await S.Visits.OpenChainsAsync(S.Leader1, "lianzheng")).Items);

        var root = await KeyAppointmentAsync();
        // Another leader neither sees it nor can extend or close it; the programme's overseers see it.
        await Assert.ThrowsAsync<NotFoundException>(() => S.Visits.GetChainAsync(S.Leader2, root));
        await Assert.ThrowsAsync<NotFoundException>(() => S.Visits.NewFollowOnPlanAsync(S.Leader2, root));
        var version = await _w.VersionAsync(root);
        await Assert.ThrowsAsync<NotFoundException>(() => S.Visits.CloseChainAsync(S.Leader2, root, version, "已好转"));
        Assert.Empty((await S.Visits.OpenChainsAsync(S.Leader2, "lianzheng")).Items);
        Assert.Equal([root], (await S.Visits.OpenChainsAsync(S.Jiwei, "lianzheng")).Items.Select(r => r.RootId));
        Assert.True((await S.Visits.GetChainAsync(S.Jiwei, root))!.CanClose);
    }
}
