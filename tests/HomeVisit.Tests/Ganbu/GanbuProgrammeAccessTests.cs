using HomeVisit.Core.Data;
using HomeVisit.Programmes.Ganbu;

namespace HomeVisit.Tests.Ganbu;

/// <summary>
/// Actions inside a live circuit do not pass the pages' Programme:ganbu policy again: a page opened before an admin switched
/// the programme off can still call the services. The services ask the same policy, so such a click is refused.
/// </summary>
public sealed class GanbuProgrammeAccessTests : IDisposable
{
    private readonly GanbuWorld w = new();

    public void Dispose() => w.Dispose();

    [Fact]
    public async Task With_ganbu_switched_off_the_services_refuse_what_an_open_page_still_offers_and_the_visit_panel_goes()
    {
        var id = await w.FileAsync();
        var detail = await w.Requests.GetAsync(w.EduDeputyInChargeUser, id);
        var visitId = await w.VisitAndRecordAsync(id, w.EduDeputyInChargeUser);
        await w.S.Rules.SetEnabledAsync(w.AdminB, GanbuAccess.ProgrammeKey, enabled: false);

        await Assert.ThrowsAsync<NotFoundException>(() => w.Requests.ListAsync(w.OrgDept, new GanbuRequestQuery()));
        await Assert.ThrowsAsync<NotFoundException>(() => w.Requests.GetAsync(w.EduDeputyInChargeUser, id));
        await Assert.ThrowsAsync<NotFoundException>(() => w.Requests.WithdrawAsync(w.QianUser, id, detail.Version, "不需要了"));
        await Assert.ThrowsAsync<NotFoundException>(() => w.Oversight.InspectionsAsync(w.OrgDept));
        await Assert.ThrowsAsync<NotFoundException>(() => w.Forms.RecordFormAsync(w.OrgDept, visitId));
        await Assert.ThrowsAsync<NotFoundException>(() => w.Keys.ListAsync(w.AdminB));
        Assert.Null(await w.Requests.ForVisitAsync(w.OrgDept, visitId));

        await w.S.Rules.SetEnabledAsync(w.AdminB, GanbuAccess.ProgrammeKey, enabled: true);
        Assert.NotNull(await w.Requests.ForVisitAsync(w.OrgDept, visitId));
        Assert.Contains((await w.Requests.ListAsync(w.OrgDept, new GanbuRequestQuery())).Items, r => r.Id == id);
    }
}
