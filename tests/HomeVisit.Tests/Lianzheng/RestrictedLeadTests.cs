using HomeVisit.Core.Accounts;
using HomeVisit.Core.Data;
using HomeVisit.Core.FollowUps;
using HomeVisit.Core.Visits;
using Microsoft.EntityFrameworkCore;

namespace HomeVisit.Tests.Lianzheng;

/// <summary>
/// Important leads (重要问题线索) go to the party committee and the discipline committee both (seed 1 §8(二) “向学校党委和纪委
/// 报告”): only that audience and the one who raised them see them — anywhere.
/// </summary>
public sealed class RestrictedLeadTests : IDisposable
{
    private readonly LianzhengWorld _w = new();
    private Services.Scenario S => _w.S;

    public void Dispose() => _w.Dispose();

    /// <summary>李院长 and 王院长 visit together; 李院长 raises one ordinary difficulty and one lead for the discipline office.</summary>
    private async Task<(int Visit, int Difficulty, int Lead)> ArrangeAsync()
    {
        var visit = await _w.VisitAsync(S.Leader1, new DateTime(2026, 11, 18, 19, 30, 0), [S.LeaderOne.Id, S.LeaderTwo.Id], [S.StaffOne.Id]);
        var difficulty = await S.FollowUps.RaiseAsync(S.Leader1, new FollowUpRaise
        {
            VisitId = visit, Kind = FollowUpKind.Difficulty, Summary = "父亲住院，家庭经济困难", Deadline = S.Clock.Today.AddDays(30),
        });
        var lead = await S.FollowUps.RaiseAsync(S.Leader1, new FollowUpRaise
        {
            VisitId = visit, Kind = FollowUpKind.WarningSign, Summary = "家属反映其收受培训机构财物", RestrictedToRole = FollowUpItem.BothCommittees,
            OwnerPersonId = S.DisciplinePerson.Id, Deadline = S.Clock.Today.AddDays(3),
        });
        return (visit, difficulty, lead);
    }

    private async Task<IReadOnlyList<int>> ListedAsync(PortalUser user, FollowUpQuery? q = null) =>
        (await S.FollowUps.ListAsync(user, q ?? new FollowUpQuery(PageSize: 200))).Items.Select(f => f.Id).ToList();

    [Fact]
    public async Task A_lead_for_the_discipline_office_is_hidden_from_a_fellow_visitor_and_the_organisation_department()
    {
        var (visit, difficulty, lead) = await ArrangeAsync();

        // The one who raised it and the discipline office see it, marked as restricted.
        Assert.Contains(lead, await ListedAsync(S.Leader1));
        Assert.Contains(lead, await ListedAsync(S.Jiwei));
        Assert.Equal(FollowUpItem.BothCommittees, (await S.FollowUps.GetAsync(S.Jiwei, lead)).RestrictedToRole);

        // The other leader on the same visit, the organisation department (an overseer of the programme) and the
        // system admin see the ordinary item but not the lead: not in lists, not by id, not on the visit.
        foreach (var user in new[] { S.Leader2, S.Zuzhi, S.Admin })
        {
            var listed = await ListedAsync(user);
            Assert.Contains(difficulty, listed);
            Assert.DoesNotContain(lead, listed);
            Assert.DoesNotContain(lead, await ListedAsync(user, new FollowUpQuery(VisitId: visit)));
            await Assert.ThrowsAsync<NotFoundException>(() => S.FollowUps.GetAsync(user, lead));
            await Assert.ThrowsAsync<NotFoundException>(() => S.FollowUps.StartAsync(user, lead, 1));
        }
    }

    [Fact]
    public async Task Counts_on_the_start_page_and_the_visit_list_leave_out_leads_the_user_may_not_see()
    {
        var (visit, _, _) = await ArrangeAsync();

        // The start page: open items and how many of them are overdue (both items are open; none overdue yet).
        Assert.Equal(1, (await S.FollowUps.ListAsync(S.Leader2, new FollowUpQuery(OpenOnly: true))).Total);
        Assert.Equal(1, (await S.FollowUps.ListAsync(S.Zuzhi, new FollowUpQuery(OpenOnly: true))).Total);
        Assert.Equal(2, (await S.FollowUps.ListAsync(S.Jiwei, new FollowUpQuery(OpenOnly: true))).Total);
        S.Clock.Advance(TimeSpan.FromDays(5));
        Assert.Equal(0, (await S.FollowUps.ListAsync(S.Zuzhi, new FollowUpQuery(OverdueOnly: true))).Total);
        Assert.Equal(1, (await S.FollowUps.ListAsync(S.Jiwei, new FollowUpQuery(OverdueOnly: true))).Total);

        // The visit list's open-item count.
        async Task<int> OpenOnVisit(PortalUser user) =>
            (await S.Visits.ListAsync(user, new VisitQuery(PageSize: 200))).Items.Single(v => v.Id == visit).OpenFollowUps;
        Assert.Equal(1, await OpenOnVisit(S.Leader2));
        Assert.Equal(1, await OpenOnVisit(S.Zuzhi));
        Assert.Equal(2, await OpenOnVisit(S.Jiwei));
        Assert.Equal(2, await OpenOnVisit(S.Leader1));

        // The overseers' dashboard: the organisation department's figures do not count the lead.
        var dashboard = new Core.Dashboards.DashboardService(S.Db.Factory, _w.Catalog, S.Org, S.Clock);
        int Raised(Core.Dashboards.Dashboard d) => d.FollowUps.Where(f => f.ProgrammeKey == LianzhengWorld.Key).Sum(f => f.Raised);
        Assert.Equal(1, Raised(await dashboard.BuildAsync(S.Zuzhi, 2026, null)));
        Assert.Equal(2, Raised(await dashboard.BuildAsync(S.Jiwei, 2026, null)));
    }

    [Fact]
    public async Task Reading_a_lead_is_audited_and_the_audience_can_handle_it()
    {
        var (_, difficulty, lead) = await ArrangeAsync();

        await S.FollowUps.ListAsync(S.Jiwei, new FollowUpQuery(PageSize: 200));
        await S.FollowUps.GetAsync(S.Jiwei, lead);

        Assert.Equal(2, await _w.AuditReadsAsync(nameof(FollowUpItem), lead, S.Jiwei.UserId));
        Assert.Equal(0, await _w.AuditReadsAsync(nameof(FollowUpItem), difficulty, S.Jiwei.UserId));
        var item = await S.FollowUpRowAsync(lead);
        await S.FollowUps.ResolveAsync(S.Jiwei, lead, new FollowUpClose { Version = item.Version, Resolution = "已核实，无违纪问题。", Feedback = "已向家访领导反馈。" });
        Assert.Equal(FollowUpStatus.Resolved, (await S.FollowUpRowAsync(lead)).Status);
    }

    [Fact]
    public async Task A_lead_goes_to_the_party_committee_and_the_discipline_office_both_and_its_owner_must_be_in_that_audience()
    {
        var (visit, _, lead) = await ArrangeAsync();

        // Issue 16 item 6: one committee alone is no longer a choice (today's “one or the other”).
        foreach (var role in new[] { Roles.OrganisationDept, Roles.DisciplineOffice, Roles.PartyCommittee })
        {
            var badRole = await Assert.ThrowsAsync<PortalValidationException>(() => S.FollowUps.RaiseAsync(S.Leader1, new FollowUpRaise
            {
                VisitId = visit, Summary = "线索", RestrictedToRole = role,
            }));
            Assert.Equal("报送范围不正确。", badRole.Errors[nameof(FollowUpRaise.RestrictedToRole)]);
        }

        var outsider = await Assert.ThrowsAsync<PortalValidationException>(() => S.FollowUps.RaiseAsync(S.Leader1, new FollowUpRaise
        {
            VisitId = visit, Summary = "线索", RestrictedToRole = FollowUpItem.BothCommittees, OwnerPersonId = S.LeaderTwo.Id,
        }));
        Assert.Equal("重要问题线索的责任人须是报送对象（党委或纪委）的人员，或不填。", outsider.Errors[nameof(FollowUpRaise.OwnerPersonId)]);

        // The party committee's holders and the discipline office both see it, and either may handle it.
        var (_, party) = await _w.PersonAsync("党办主任", S.School, "党委办公室主任", null, Roles.PartyCommittee);
        Assert.Contains(lead, await ListedAsync(party!));
        Assert.Contains(lead, await ListedAsync(S.Jiwei));
        var item = await S.FollowUpRowAsync(lead);
        await S.FollowUps.StartAsync(party!, lead, item.Version);
        Assert.Equal(FollowUpStatus.InProgress, (await S.FollowUpRowAsync(lead)).Status);
    }
}
