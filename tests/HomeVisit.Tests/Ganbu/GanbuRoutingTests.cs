using HomeVisit.Core.Data;
using HomeVisit.Programmes.Ganbu;
using HomeVisit.Core.Institutions;

namespace HomeVisit.Tests.Ganbu;

/// <summary>Seed 2 §四（一）: ordinary → 主管副职, special → 一把手, especially major → the county-level leader linked to the unit.</summary>
public sealed class GanbuRoutingTests : IDisposable
{
    private readonly GanbuWorld w = new();

    [Fact]
    public async Task An_ordinary_request_goes_to_the_deputy_in_charge_of_the_unit_not_merely_the_first_deputy()
    {
        var id = await w.FileAsync(GanbuTier.Ordinary);

        var r = await w.RowAsync(id);
        Assert.Equal(w.EduDeputyInCharge.Id, r.HandlerPersonId);
        Assert.Equal(GanbuTier.Ordinary, r.HandlingTier);
        Assert.Equal(w.Education, r.UnitId);
        Assert.Equal(GanbuRequestSource.Portal, r.Source);
        Assert.Equal([GanbuStepKind.Filed, GanbuStepKind.Assigned], r.Steps.OrderBy(s => s.Id).Select(s => s.Kind));
        Assert.Contains("由主管副职郑副局长办理", r.Steps.Single(s => s.Kind == GanbuStepKind.Assigned).Note);
    }

    [Fact]
    public async Task Without_a_deputy_who_also_oversees_the_unit_the_first_assigned_deputy_handles_it()
    {
        await using (var db = w.S.Context())
        {
            db.UnitLeaderships.RemoveRange(db.UnitLeaderships.Where(l => l.PersonId == w.EduDeputyInCharge.Id && l.Role == LeadershipRole.Oversees));
            await db.SaveChangesAsync();
        }

        var r = await w.RowAsync(await w.FileAsync(GanbuTier.Ordinary));

        Assert.Equal(w.EduDeputyFirst.Id, r.HandlerPersonId);
    }

    [Fact]
    public async Task A_special_difficulty_goes_to_the_unit_head_and_an_especially_major_one_to_the_linked_county_leader()
    {
        var special = await w.RowAsync(await w.FileAsync(GanbuTier.Special, GanbuCategory.MajorHardship));
        var major = await w.RowAsync(await w.FileAsync(GanbuTier.Major, GanbuCategory.MajorFamilyChange));

        Assert.Equal(w.EduHead.Id, special.HandlerPersonId);
        Assert.Equal(w.EduLinked.Id, major.HandlerPersonId);
    }

    [Fact]
    public async Task A_unit_without_the_leader_hands_over_to_the_nearest_unit_above_that_has_one()
    {
        // 城关镇便民服务中心 has no leaders; 城关镇 has a head and a linked county leader but no deputy; the county has a deputy.
        var centre = await w.Requests.FileAsync(w.OrgDept, Input(w.Wei.Id, GanbuTier.Ordinary));
        var head = await w.Requests.FileAsync(w.OrgDept, Input(w.Wei.Id, GanbuTier.Special));
        var linked = await w.Requests.FileAsync(w.OrgDept, Input(w.Wei.Id, GanbuTier.Major));

        Assert.Equal(w.CountyDeputy.Id, (await w.RowAsync(centre)).HandlerPersonId);
        Assert.Equal(w.TownHead.Id, (await w.RowAsync(head)).HandlerPersonId);
        Assert.Equal(w.TownLinked.Id, (await w.RowAsync(linked)).HandlerPersonId);
        Assert.Contains("由上级单位“城关镇”的领导办理", (await w.RowAsync(head)).Steps.Single(s => s.Kind == GanbuStepKind.Assigned).Note);
        Assert.Equal(w.TownCentre, (await w.RowAsync(head)).UnitId);
    }

    [Fact]
    public async Task When_no_unit_up_the_tree_has_the_leader_the_request_is_refused_with_a_message_saying_what_is_missing()
    {
        var ex = await Assert.ThrowsAsync<PortalValidationException>(() => w.Requests.FileAsync(w.OrgDept, Input(w.Jiang.Id, GanbuTier.Major)));

        Assert.Equal(
            "“县档案馆”及其上级单位均未设置分包县级领导，无法分派特别重大困难诉求。请先在“组织机构”中设置分包该单位的县级领导。",
            ex.Errors[nameof(GanbuRequestInput.Tier)]);
        Assert.Equal(0, await w.S.ReadAsync(db => Task.FromResult(db.Set<GanbuRequest>().Count())));
        var (route, problem) = await w.Requests.PreviewRouteAsync(w.OrgDept, w.Jiang.Id, GanbuTier.Major);
        Assert.Null(route);
        Assert.Equal(ex.Errors[nameof(GanbuRequestInput.Tier)], problem);
    }

    [Fact]
    public async Task The_requester_never_handles_their_own_request_and_a_finished_leadership_does_not_count()
    {
        await using (var db = w.S.Context())
        {
            var ended = db.UnitLeaderships.Single(l => l.PersonId == w.EduDeputyFirst.Id);
            ended.EndsOn = new DateOnly(2026, 10, 31);
            await db.SaveChangesAsync();
        }

        // 郑副局长, the deputy in charge, files for himself: the first deputy has left, so it goes up to the county's deputy.
        var own = await w.Requests.FileAsync(w.EduDeputyInChargeUser, Input(null, GanbuTier.Ordinary));

        Assert.Equal(w.CountyDeputy.Id, (await w.RowAsync(own)).HandlerPersonId);
    }

    [Fact]
    public async Task A_cadre_may_file_only_for_themselves_and_the_organisation_department_for_anyone()
    {
        var ex = await Assert.ThrowsAsync<PortalValidationException>(() => w.Requests.FileAsync(w.QianUser, Input(w.Sun.Id, GanbuTier.Ordinary)));
        Assert.Contains(nameof(GanbuRequestInput.RequesterPersonId), ex.Errors.Keys);

        var byDept = await w.Requests.FileAsync(w.OrgDept, Input(w.Sun.Id, GanbuTier.Ordinary));
        Assert.Equal(w.Sun.Id, (await w.RowAsync(byDept)).RequesterPersonId);
    }

    [Fact]
    public async Task Missing_category_and_summary_are_reported_together_beside_their_fields()
    {
        var ex = await Assert.ThrowsAsync<PortalValidationException>(() => w.Requests.FileAsync(w.QianUser, new GanbuRequestInput { Summary = "  " }));

        Assert.Equal("请选择诉求类别。", ex.Errors[nameof(GanbuRequestInput.Category)]);
        Assert.Equal("请填写诉求内容。", ex.Errors[nameof(GanbuRequestInput.Summary)]);
    }

    private static GanbuRequestInput Input(int? requester, GanbuTier tier) => new()
    {
        RequesterPersonId = requester, Category = GanbuCategory.WorkSetback, Tier = tier, Summary = "工作受挫，情绪低落",
    };

    public void Dispose() => w.Dispose();
}
