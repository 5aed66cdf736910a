using HomeVisit.Core.Data;
using HomeVisit.Programmes.Qinglian;
using Microsoft.EntityFrameworkCore;

namespace HomeVisit.Tests.Qinglian;

/// <summary>
/// Actions inside a live circuit do not pass the pages' Programme:qinglian policy again: a page opened before an admin
/// switched the programme off can still call the services. The services ask the same policy, so such a click is refused,
/// and the commitments leave the person file (a core page) while the programme is off.
/// </summary>
public sealed class QinglianProgrammeAccessTests : IDisposable
{
    private readonly QinglianWorld w = new();

    public void Dispose() => w.Dispose();

    [Fact]
    public async Task With_qinglian_switched_off_the_services_refuse_what_an_open_page_still_offers_and_the_person_file_drops_the_commitments()
    {
        var visitId = await w.PlanAsync(new DateTime(2026, 11, 23, 19, 0, 0));
        var version = (await w.S.VisitRowAsync(visitId)).Version;
        var commitmentId = await w.CommitmentAsync(visitId);
        Assert.Single((await w.Files.GetAsync(w.S.Leader1, w.StaffOne)).Commitments);
        await w.S.Rules.SetEnabledAsync(w.S.Admin, QinglianProgramme.Key, enabled: false);

        var leader = w.S.Leader1;
        await Assert.ThrowsAsync<NotFoundException>(() => w.Households.ListAsync(leader, new HouseholdQuery()));
        await Assert.ThrowsAsync<NotFoundException>(() => w.Households.GetAsync(leader, w.StaffOne));
        await Assert.ThrowsAsync<NotFoundException>(() => w.Households.VisitInfoAsync(leader, visitId));
        await Assert.ThrowsAsync<NotFoundException>(() => w.PlanAsync(new DateTime(2026, 12, 23, 19, 0, 0), confirmRepeat: true));
        await Assert.ThrowsAsync<NotFoundException>(() => w.Notices.GetAsync(leader, visitId));
        await Assert.ThrowsAsync<NotFoundException>(() => w.Notices.RecordSentAsync(leader, visitId,
            new NoticeSent { Version = version, SentOn = w.S.Clock.Today, Method = NoticeMethod.HandDelivered, Recipient = "张老师" }));
        await Assert.ThrowsAsync<NotFoundException>(() => w.Commitments.ForPersonAsync(leader, w.StaffOne));
        await Assert.ThrowsAsync<NotFoundException>(() => w.Commitments.OpenScanAsync(leader, commitmentId));
        await Assert.ThrowsAsync<NotFoundException>(() => w.CommitmentAsync());
        await Assert.ThrowsAsync<NotFoundException>(() => w.Print.ProposalAsync(leader));
        await Assert.ThrowsAsync<NotFoundException>(() => w.Print.RegistrationAsync(leader, w.StaffOne));
        await Assert.ThrowsAsync<NotFoundException>(() => w.Print.CommitmentAsync(leader, w.S.StaffOneSpouse.Id));
        Assert.Empty((await w.Files.GetAsync(leader, w.StaffOne)).Commitments);
        Assert.Equal(1, await w.S.ReadAsync(db => db.Visits.CountAsync()));

        await w.S.Rules.SetEnabledAsync(w.S.Admin, QinglianProgramme.Key, enabled: true);
        Assert.Single((await w.Files.GetAsync(leader, w.StaffOne)).Commitments);
        Assert.Equal(commitmentId, Assert.Single(await w.Commitments.ForPersonAsync(leader, w.StaffOne)).Id);
    }
}
