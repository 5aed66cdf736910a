using HomeVisit.Core.Data;
using HomeVisit.Programmes.Lianxi;

namespace HomeVisit.Tests.Lianxi;

/// <summary>Links (seed 4 三、1, 三、2): 1–2 branches by the organisation department, 2–3 individuals by the office, with start and end.</summary>
public sealed class LinkTests : IDisposable
{
    private readonly LianxiWorld _w = new();

    [Fact]
    public async Task A_leader_links_to_one_or_two_branches_and_two_or_three_individuals()
    {
        var none = await Assert.ThrowsAsync<PortalValidationException>(() => _w.Links.SaveBranchesAsync(_w.S.Zuzhi,
            new BranchLinksEdit { LeaderId = _w.S.LeaderOne.Id, BranchIds = [], StartsOn = LianxiWorld.At(9, 1) }));
        Assert.Equal("每名党员领导干部应联系 1 至 2 个党支部（三、1）。", none.Errors[nameof(BranchLinksEdit.BranchIds)]);

        var one = await Assert.ThrowsAsync<PortalValidationException>(() => _w.Links.SaveIndividualsAsync(_w.Office, new IndividualLinksEdit
        {
            LeaderId = _w.S.LeaderOne.Id, StartsOn = LianxiWorld.At(9, 1), People = [new() { PersonId = _w.S.StaffOne.Id }],
        }));
        Assert.Equal("每名党员领导干部应确定 2 至 3 名联系对象（三、2）。", one.Errors[nameof(IndividualLinksEdit.People)]);

        var four = await Assert.ThrowsAsync<PortalValidationException>(() => _w.Links.SaveIndividualsAsync(_w.Office, new IndividualLinksEdit
        {
            LeaderId = _w.S.LeaderOne.Id, StartsOn = LianxiWorld.At(9, 1),
            People = [new() { PersonId = _w.S.StaffOne.Id }, new() { PersonId = _w.S.StaffTwo.Id }, new() { PersonId = _w.Teacher2.Id }, new() { PersonId = _w.Teacher3.Id }],
        }));
        Assert.Equal("每名党员领导干部应确定 2 至 3 名联系对象（三、2）。", four.Errors[nameof(IndividualLinksEdit.People)]);

        var self = await Assert.ThrowsAsync<PortalValidationException>(() => _w.Links.SaveIndividualsAsync(_w.Office, new IndividualLinksEdit
        {
            LeaderId = _w.S.LeaderOne.Id, StartsOn = LianxiWorld.At(9, 1), People = [new() { PersonId = _w.S.LeaderOne.Id }, new() { PersonId = _w.S.StaffOne.Id }],
        }));
        Assert.Equal("领导干部本人不能作为自己的联系对象。", self.Errors[nameof(IndividualLinksEdit.People)]);

        await _w.LinkLeaderOneAsync();
        var links = await _w.Links.ForLeaderAsync(_w.S.Leader1, _w.S.LeaderOne.Id);
        Assert.Equal(["甲学院第一党支部", "甲学院第二党支部"], links.Branches.Select(b => b.Name).Order());
        Assert.Equal(["张老师", "教师02"], links.Individuals.Select(b => b.Name));
        Assert.Empty(links.Problems);
    }

    [Fact]
    public async Task Branches_are_arranged_by_the_organisation_department_and_individuals_by_the_office()
    {
        await Assert.ThrowsAsync<AccessDeniedException>(() => _w.Links.SaveBranchesAsync(_w.Office,
            new BranchLinksEdit { LeaderId = _w.S.LeaderOne.Id, BranchIds = [_w.S.BranchJia], StartsOn = LianxiWorld.At(9, 1) }));
        await Assert.ThrowsAsync<AccessDeniedException>(() => _w.Links.SaveIndividualsAsync(_w.S.Zuzhi, new IndividualLinksEdit
        {
            LeaderId = _w.S.LeaderOne.Id, StartsOn = LianxiWorld.At(9, 1), People = [new() { PersonId = _w.S.StaffOne.Id }, new() { PersonId = _w.S.StaffTwo.Id }],
        }));
        await Assert.ThrowsAsync<AccessDeniedException>(() => _w.Links.SaveBranchesAsync(_w.S.Leader1,
            new BranchLinksEdit { LeaderId = _w.S.LeaderOne.Id, BranchIds = [_w.S.BranchJia], StartsOn = LianxiWorld.At(9, 1) }));
    }

    [Fact]
    public async Task A_new_arrangement_ends_the_old_links_the_day_before_so_the_earlier_semester_keeps_them()
    {
        await _w.Links.SaveIndividualsAsync(_w.Office, new IndividualLinksEdit
        {
            LeaderId = _w.S.LeaderOne.Id, StartsOn = LianxiWorld.At(3, 1),
            People = [new() { PersonId = _w.S.StaffOne.Id }, new() { PersonId = _w.S.StaffTwo.Id }],
        });
        await _w.Links.SaveIndividualsAsync(_w.Office, new IndividualLinksEdit
        {
            LeaderId = _w.S.LeaderOne.Id, StartsOn = LianxiWorld.At(9, 1),
            People = [new() { PersonId = _w.S.StaffOne.Id, Category = LinkedPersonCategory.Expert }, new() { PersonId = _w.Teacher2.Id }],
        });

        var spring = await _w.Links.ForLeaderAsync(_w.Office, _w.S.LeaderOne.Id, new DateOnly(2026, 8, 31));
        var autumn = await _w.Links.ForLeaderAsync(_w.Office, _w.S.LeaderOne.Id, new DateOnly(2026, 9, 1));

        Assert.Equal(["张老师", "赵老师"], spring.Individuals.Select(i => i.Name));
        Assert.Equal(new DateOnly(2026, 8, 31), spring.Individuals.Single(i => i.Name == "赵老师").EndsOn);
        Assert.Equal(["张老师", "教师02"], autumn.Individuals.Select(i => i.Name));
        // 张老师 carries on in one link from March, now as an expert.
        var kept = autumn.Individuals.Single(i => i.Name == "张老师");
        Assert.Equal((new DateOnly(2026, 3, 1), (DateOnly?)null, LinkedPersonCategory.Expert), (kept.StartsOn, kept.EndsOn, kept.Category));
    }

    [Fact]
    public async Task The_overview_lists_leaders_without_links_with_what_is_missing()
    {
        var overview = await _w.Links.OverviewAsync(_w.S.Zuzhi);

        var leader = overview.Single(l => l.LeaderId == _w.S.LeaderTwo.Id);
        Assert.Equal(["未安排联系党支部（应联系 1 至 2 个，三、1）", "联系对象 0 名，不足 2 名（三、2）"], leader.Problems);
        Assert.Equal([_w.S.LeaderOne.Id], (await _w.Links.OverviewAsync(_w.S.Leader1)).Select(l => l.LeaderId));
    }

    public void Dispose() => _w.Dispose();
}
