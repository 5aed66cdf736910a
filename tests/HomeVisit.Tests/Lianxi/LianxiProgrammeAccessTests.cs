using HomeVisit.Core.Data;
using HomeVisit.Core.FollowUps;
using HomeVisit.Core.Visits;
using HomeVisit.Programmes.Lianxi;

namespace HomeVisit.Tests.Lianxi;

/// <summary>
/// Actions inside a live circuit do not pass the pages' Programme:lianxi policy again: a page opened before an admin switched
/// the programme off can still call the services. The services ask the same policy, so such a click is refused.
/// </summary>
public sealed class LianxiProgrammeAccessTests : IDisposable
{
    private readonly LianxiWorld w = new();

    public void Dispose() => w.Dispose();

    [Fact]
    public async Task With_lianxi_switched_off_the_services_refuse_what_an_open_page_still_offers()
    {
        await w.LinkLeaderOneAsync();
        var visit = await w.ActivityAsync(LianxiForms.BranchActivity, LianxiWorld.At(11, 2), branch: w.S.BranchJia);
        var raise = new FeedbackRaise
        {
            VisitId = visit, Kind = FollowUpKind.Suggestion, Summary = "实训设备老化", RaisedByName = "学生党员代表", ResponsibleUnitId = w.S.CollegeYi,
        };
        var id = await w.Feedback.RaiseAsync(w.S.Leader1, raise);
        var row = (await w.Feedback.ListAsync(w.S.Leader2, new FeedbackQuery(FeedbackScope.MyUnit))).Items.Single();
        await w.S.Rules.SetEnabledAsync(w.S.Admin, LianxiAccess.ProgrammeKey, enabled: false);

        await Assert.ThrowsAsync<NotFoundException>(() => w.Links.OverviewAsync(w.S.Zuzhi));
        await Assert.ThrowsAsync<NotFoundException>(() => w.Links.ForLeaderAsync(w.S.Leader1, w.S.LeaderOne.Id));
        await Assert.ThrowsAsync<NotFoundException>(() => w.Links.SaveBranchesAsync(w.S.Zuzhi,
            new BranchLinksEdit { LeaderId = w.S.LeaderOne.Id, BranchIds = [w.BranchTwo], StartsOn = LianxiWorld.At(11, 20) }));
        await Assert.ThrowsAsync<NotFoundException>(() => w.Links.EndAllAsync(w.Office, w.S.LeaderOne.Id, LinkKind.Individual, LianxiWorld.At(11, 20)));
        await Assert.ThrowsAsync<NotFoundException>(() => w.Progress.SemestersAsync(w.S.Leader1));
        await Assert.ThrowsAsync<NotFoundException>(() => w.Progress.ProgressAsync(w.S.Leader1, w.S.LeaderOne.Id));
        await Assert.ThrowsAsync<NotFoundException>(() => w.Progress.RecordTableAsync(w.S.Leader1, w.S.LeaderOne.Id));
        await Assert.ThrowsAsync<NotFoundException>(() => w.Progress.SummaryAsync(w.Office));
        await Assert.ThrowsAsync<NotFoundException>(() => w.Progress.WriteSummaryXlsxAsync(w.Office, null, null, new MemoryStream()));
        await Assert.ThrowsAsync<NotFoundException>(() => w.Feedback.RaiseAsync(w.S.Leader1, raise));
        await Assert.ThrowsAsync<NotFoundException>(() => w.Feedback.ListAsync(w.S.Leader2, new FeedbackQuery(FeedbackScope.MyUnit)));
        await Assert.ThrowsAsync<NotFoundException>(() => w.Feedback.RegisterAsync(w.S.Leader2, id, row.Version));
        // Nothing was changed by the refused clicks.
        await w.S.Rules.SetEnabledAsync(w.S.Admin, LianxiAccess.ProgrammeKey, enabled: true);
        Assert.Equal(2, (await w.Links.ForLeaderAsync(w.S.Leader1, w.S.LeaderOne.Id)).Branches.Count);
        Assert.Equal(FollowUpStatus.Open, (await w.Feedback.ListAsync(w.S.Leader2, new FeedbackQuery(FeedbackScope.MyUnit))).Items.Single().Status);
        Assert.Single((await w.Feedback.ListAsync(w.S.Leader1, new FeedbackQuery(FeedbackScope.Raised))).Items);
    }
}
