using HomeVisit.Core.Data;
using HomeVisit.Programmes.Huifang;

namespace HomeVisit.Tests.Huifang;

/// <summary>
/// Actions inside a live circuit do not pass the pages' Programme:huifang policy again: a page opened before the discipline
/// office switched the programme off can still call the services. The services ask the same policy, so such a click is
/// refused as for a record that does not exist, even for the offices that see sanction data.
/// </summary>
public sealed class HuifangProgrammeAccessTests : IDisposable
{
    private readonly HuifangWorld _w = new();

    public void Dispose() => _w.Dispose();

    [Fact]
    public async Task With_huifang_switched_off_the_services_refuse_what_an_open_page_still_offers()
    {
        var recordId = await _w.WarningAsync(_w.S.StaffOne, DateOnly.FromDateTime(_w.S.Clock.Today).AddMonths(-3));
        var record = await _w.Sanctions.GetAsync(_w.Anguan, recordId);
        var visitId = await _w.Revisits.PlanAsync(_w.Anguan, _w.Plan(recordId));
        var revisit = await _w.Revisits.GetAsync(_w.Jiwei, visitId);
        await _w.S.Rules.SetEnabledAsync(_w.Jiwei, SanctionAccess.ProgrammeKey, enabled: false);

        await Assert.ThrowsAsync<NotFoundException>(() => _w.Sanctions.ListAsync(_w.Jiwei, new SanctionQuery()));
        await Assert.ThrowsAsync<NotFoundException>(() => _w.Sanctions.GetAsync(_w.Anguan, recordId));
        await Assert.ThrowsAsync<NotFoundException>(() => _w.Sanctions.SaveAsync(_w.Anguan, SanctionEdit.From(record)));
        await Assert.ThrowsAsync<NotFoundException>(() => _w.Revisits.PlanAsync(_w.Anguan, _w.Plan(recordId)));
        await Assert.ThrowsAsync<NotFoundException>(() => _w.Revisits.GetAsync(_w.Jiwei, visitId));
        await Assert.ThrowsAsync<NotFoundException>(() => _w.Revisits.SaveNotesAsync(_w.Anguan, visitId,
            new RevisitNotesEdit { Version = revisit.Version, PersonNotes = "关机前打开的页面" }));
        await Assert.ThrowsAsync<NotFoundException>(() => _w.Revisits.RecordFeedbackAsync(_w.Anguan, visitId,
            new RevisitFeedbackEdit { Version = revisit.Version, FedBackToPersonOn = _w.S.Clock.Today }));
        await Assert.ThrowsAsync<NotFoundException>(() => _w.Revisits.ArchiveAsync(_w.Anguan, visitId,
            new RevisitArchiveEdit { Version = revisit.Version, ArchivedOn = _w.S.Clock.Today }));
        await Assert.ThrowsAsync<NotFoundException>(() => _w.Revisits.RegistrationFormAsync(_w.Jiwei, visitId));

        await _w.S.Rules.SetEnabledAsync(_w.Jiwei, SanctionAccess.ProgrammeKey, enabled: true);
        Assert.Contains((await _w.Sanctions.ListAsync(_w.Jiwei, new SanctionQuery())).Items, r => r.Id == recordId);
        // Nothing the refused calls carried was saved.
        Assert.Equal(revisit.Version, (await _w.Revisits.GetAsync(_w.Anguan, visitId)).Version);
    }
}
