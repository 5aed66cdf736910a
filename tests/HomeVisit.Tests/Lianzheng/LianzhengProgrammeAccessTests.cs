using HomeVisit.Core.Accounts;
using HomeVisit.Core.Data;
using HomeVisit.Programmes.Lianzheng;

namespace HomeVisit.Tests.Lianzheng;

/// <summary>
/// Actions inside a live circuit do not pass the pages' Programme:lianzheng policy again: a page opened before an admin
/// switched the programme off can still call the service, and the 记录单 card sits on the core's visit page. The service
/// asks the same policy, so such a call is refused as for a record that does not exist.
/// </summary>
public sealed class LianzhengProgrammeAccessTests : IDisposable
{
    private readonly LianzhengWorld _w = new();
    private Services.Scenario S => _w.S;

    public void Dispose() => _w.Dispose();

    [Fact]
    public async Task With_lianzheng_switched_off_the_service_refuses_what_an_open_page_or_the_visit_card_still_offers()
    {
        var (liaison, liaisonUser) = await _w.PersonAsync("吴联络员", S.CollegeJia, "办公室主任", null, Roles.Liaison);
        var (target, _) = await _w.PersonAsync("孙老师", S.DeptJia, "讲师");
        var visit = await _w.VisitAsync(S.Leader1, new DateTime(2026, 11, 18, 19, 30, 0), [S.LeaderOne.Id, liaison.Id], [target.Id], recorder: liaison.Id);
        var itemId = await _w.Lianzheng.SavePlanItemAsync(S.Leader1, new PlanItemEdit { VisitorPersonId = S.LeaderOne.Id, Year = 2026, TargetPersonId = target.Id, Month = 11 });
        var status = await _w.Lianzheng.GetRecordStatusAsync(liaisonUser!, visit);
        var item = Assert.Single((await _w.Lianzheng.GetPlanAsync(S.Leader1, S.LeaderOne.Id, 2026)).Items, i => i.Id == itemId);

        await S.Rules.SetEnabledAsync(S.Admin, LianzhengAccess.ProgrammeKey, enabled: false);

        await Assert.ThrowsAsync<NotFoundException>(() => _w.Lianzheng.GetPlanAsync(S.Leader1, S.LeaderOne.Id, 2026));
        await Assert.ThrowsAsync<NotFoundException>(() => _w.Lianzheng.SavePlanItemAsync(S.Leader1,
            new PlanItemEdit { VisitorPersonId = S.LeaderOne.Id, Year = 2026, TargetPersonId = S.LeaderTwo.Id, Month = 12 }));
        await Assert.ThrowsAsync<NotFoundException>(() => _w.Lianzheng.RemovePlanItemAsync(S.Leader1, item.Id, item.Version));
        await Assert.ThrowsAsync<NotFoundException>(() => _w.Lianzheng.PlanOverviewAsync(S.Jiwei, 2026, null));
        await Assert.ThrowsAsync<NotFoundException>(() => _w.Lianzheng.GetRecordSheetAsync(liaisonUser!, visit));
        await Assert.ThrowsAsync<NotFoundException>(() => _w.Lianzheng.GetRecordStatusAsync(liaisonUser!, visit));
        await Assert.ThrowsAsync<NotFoundException>(() => _w.Lianzheng.SetSignaturesAsync(liaisonUser!, visit, status.Version, true, true));
        await Assert.ThrowsAsync<NotFoundException>(() => _w.Lianzheng.ArchiveAsync(liaisonUser!, visit, status.Version));
        await Assert.ThrowsAsync<NotFoundException>(() => _w.Archives.ListAsync(S.Jiwei, LianzhengWorld.Key, 2026));
        await Assert.ThrowsAsync<NotFoundException>(() => _w.Lianzheng.LedgerAsync(S.Zuzhi, 2026, S.CollegeJia));
        await Assert.ThrowsAsync<NotFoundException>(() => _w.Lianzheng.AssessmentAsync(S.Jiwei, 2026));

        await S.Rules.SetEnabledAsync(S.Admin, LianzhengAccess.ProgrammeKey, enabled: true);
        Assert.Contains((await _w.Lianzheng.GetPlanAsync(S.Leader1, S.LeaderOne.Id, 2026)).Items, i => i.Id == itemId);
        Assert.False((await _w.Lianzheng.GetRecordStatusAsync(liaisonUser!, visit)).CanArchive);
    }
}
