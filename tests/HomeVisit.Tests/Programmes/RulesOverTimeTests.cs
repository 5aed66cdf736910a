using HomeVisit.Core.Data;
using HomeVisit.Core.Institutions;
using HomeVisit.Core.Programmes;
using HomeVisit.Core.Quotas;
using HomeVisit.Core.Visits;
using HomeVisit.Portal.Programmes;
using HomeVisit.Tests.Services;
using Microsoft.EntityFrameworkCore;

namespace HomeVisit.Tests.Programmes;

/// <summary>
/// Issue 17 items 1 and 2: closed periods keep the rules they were judged by unless the admin confirms a back-dated
/// change after seeing which periods it re-judges (and that confirmation is audited); the editor saves only what the
/// admin changed, on top of the version in force on the chosen date. The scenario's clock stands at 2026-11-20.
/// </summary>
public sealed class RulesOverTimeTests : IDisposable
{
    private const string Lianzheng = "lianzheng";
    private const string CollegeRule = "二级学院（教学部）领导";
    private static readonly ProgrammeCatalog Catalog = new(ProgrammesServiceCollectionExtensions.Modules);
    private readonly Scenario _s = new();
    private readonly ProgrammeRulesService _rules;
    private readonly QuotaService _quotas;

    public RulesOverTimeTests()
    {
        _rules = new ProgrammeRulesService(_s.Db.Factory, Catalog, _s.Clock);
        _quotas = new QuotaService(_s.Db.Factory, _rules, Catalog);
    }

    public void Dispose() => _s.Dispose();

    private void CollegeLeaderSince2023()
    {
        using var db = _s.Context();
        db.UnitLeaderships.Add(new UnitLeadership
        {
            InstitutionId = _s.InstitutionA, UnitId = _s.CollegeJia, PersonId = _s.LeaderOne.Id, Role = LeadershipRole.Deputy, StartsOn = new DateOnly(2023, 9, 1),
        });
        db.SaveChanges();
    }

    private async Task<ProgrammeRules> RaisedCollegeMinimumAsync(DateOnly basedOn, int minimum)
    {
        var rules = ProgrammeRulesService.Clone(await _rules.RulesOnAsync(_s.InstitutionA, Lianzheng, basedOn));
        rules.Quotas.Single(q => q.Name == CollegeRule).Minimum = minimum;
        return rules;
    }

    [Fact]
    public async Task A_back_dated_change_that_rejudges_a_closed_year_is_refused_until_confirmed_and_the_confirmation_is_audited()
    {
        CollegeLeaderSince2023();
        var before2025 = (await _quotas.MyQuotasAsync(_s.Leader1, Lianzheng, new DateOnly(2025, 6, 1))).Lines.Single(l => l.RuleName == CollegeRule);
        var raised = await RaisedCollegeMinimumAsync(new DateOnly(2025, 1, 1), 10);
        var versions = await _s.ReadAsync(db => db.ProgrammeRuleVersions.CountAsync());

        var changes = await _rules.ClosedPeriodsChangedByAsync(_s.InstitutionA, Lianzheng, raised, new DateOnly(2025, 1, 1));
        var refused = await Assert.ThrowsAsync<PortalValidationException>(() =>
            _rules.SaveAsync(_s.Admin, Lianzheng, raised, new DateOnly(2025, 1, 1), "追溯调整"));

        var change = Assert.Single(changes);
        Assert.Equal("2025年度", change.Period.Label);
        Assert.Equal(6, change.RequiredAfter - change.RequiredBefore); // one college leader, 4 → 10
        Assert.Contains("2025年度", refused.Errors["EffectiveFrom"]);
        Assert.Equal(versions, await _s.ReadAsync(db => db.ProgrammeRuleVersions.CountAsync()));
        Assert.Equal(before2025.Required,
            (await _quotas.MyQuotasAsync(_s.Leader1, Lianzheng, new DateOnly(2025, 6, 1))).Lines.Single(l => l.RuleName == CollegeRule).Required);

        await _rules.SaveAsync(_s.Admin, Lianzheng, raised, new DateOnly(2025, 1, 1), "追溯调整", confirmClosedPeriods: true);

        Assert.Equal(10, (await _quotas.MyQuotasAsync(_s.Leader1, Lianzheng, new DateOnly(2025, 6, 1))).Lines.Single(l => l.RuleName == CollegeRule).Required);
        var audit = await _s.ReadAsync(db => db.AuditEntries.SingleAsync(a => a.Action == "rules-backdated"));
        Assert.Equal(_s.Admin.UserId, audit.UserId);
        Assert.Contains("2025年度 应完成", audit.Detail);
    }

    [Fact]
    public async Task A_change_from_a_day_inside_the_open_period_or_later_needs_no_confirmation()
    {
        CollegeLeaderSince2023();
        var versions = await _s.ReadAsync(db => db.ProgrammeRuleVersions.CountAsync());

        // 2026-03-01 lies in the open year 2026; the closed year 2025 keeps the rules at its start.
        Assert.Empty(await _rules.ClosedPeriodsChangedByAsync(_s.InstitutionA, Lianzheng, await RaisedCollegeMinimumAsync(new DateOnly(2026, 3, 1), 5), new DateOnly(2026, 3, 1)));
        await _rules.SaveAsync(_s.Admin, Lianzheng, await RaisedCollegeMinimumAsync(new DateOnly(2026, 3, 1), 5), new DateOnly(2026, 3, 1), null);
        await _rules.SaveAsync(_s.Admin, Lianzheng, await RaisedCollegeMinimumAsync(new DateOnly(2027, 1, 1), 6), new DateOnly(2027, 1, 1), null);

        Assert.Equal(versions + 2, await _s.ReadAsync(db => db.ProgrammeRuleVersions.CountAsync()));
        Assert.Equal(0, await _s.ReadAsync(db => db.AuditEntries.CountAsync(a => a.Action == "rules-backdated")));
    }

    [Fact]
    public async Task The_editor_saves_only_what_the_admin_changed_on_top_of_the_version_in_force_on_the_chosen_date()
    {
        var current = await _rules.RulesOnAsync(_s.InstitutionA, Lianzheng, new DateOnly(2026, 11, 20));
        var pending = ProgrammeRulesService.Clone(current);
        pending.NoticeLeadDays = current.NoticeLeadDays + 4;
        pending.MinTeamSize = current.MinTeamSize + 1;
        await _rules.SaveAsync(_s.Admin, Lianzheng, pending, new DateOnly(2027, 1, 1), "明年起");

        // The editor opened on the pending version (the next period's); the admin changes one number and a date in December.
        var startedFrom = await _rules.RulesOnAsync(_s.InstitutionA, Lianzheng, new DateOnly(2027, 1, 1));
        var edited = ProgrammeRulesService.Clone(startedFrom);
        edited.Quotas.Single(q => q.Name == CollegeRule).Minimum = 5;
        await _rules.SaveAsync(_s.Admin, Lianzheng, edited, new DateOnly(2026, 12, 1), "只改人数", startedFrom: startedFrom);

        var december = await _rules.RulesOnAsync(_s.InstitutionA, Lianzheng, new DateOnly(2026, 12, 15));
        Assert.Equal(5, december.Quotas.Single(q => q.Name == CollegeRule).Minimum);
        Assert.Equal((current.NoticeLeadDays, current.MinTeamSize), (december.NoticeLeadDays, december.MinTeamSize));
        var history = await _rules.HistoryAsync(_s.Admin, Lianzheng);
        var saved = history.Single(h => h.Note == "只改人数");
        Assert.Equal(["二级学院（教学部）领导 最低数量：4 → 5"], RuleDiff.Describe(saved.Before, saved.Rules));
        // The pending version still takes over in January.
        Assert.Equal(pending.NoticeLeadDays, (await _rules.RulesOnAsync(_s.InstitutionA, Lianzheng, new DateOnly(2027, 1, 2))).NoticeLeadDays);
    }
}
