using HomeVisit.Core.Programmes;
using HomeVisit.Tests.Services;

namespace HomeVisit.Tests.Performance;

/// <summary>Programme rules are read on every page; they come from the database once and again only after a change.</summary>
public sealed class ProgrammeRuleCacheTests : IDisposable
{
    private readonly Scenario _s = new();

    public void Dispose() => _s.Dispose();

    [Fact]
    public async Task Rules_are_read_once_and_a_saved_change_is_seen_at_once_by_every_instance()
    {
        using var counter = new SqlCommandCounter(_s.Db.FilePath);
        var catalog = new ProgrammeCatalog(HomeVisit.Portal.Programmes.ProgrammesServiceCollectionExtensions.Modules);
        // Another instance on the same database, as a second service graph (a test's or a job's) would have.
        var other = new ProgrammeRulesService(_s.Db.Factory, catalog, _s.Clock);
        var institution = _s.Admin.InstitutionId;
        var day = new DateOnly(2027, 3, 1);

        var before = await _s.Rules.RulesOnAsync(institution, "lianzheng", day);
        var afterFirstRead = counter.Count;
        for (var i = 0; i < 5; i++)
        {
            await _s.Rules.RulesOnAsync(institution, "lianzheng", day);
            await _s.Rules.IsEnabledAsync(institution, "lianzheng");
        }
        await _s.Rules.ProgrammesAsync(institution);
        var afterRepeats = counter.Count;

        var changed = ProgrammeRulesService.Clone(before);
        changed.NoticeLeadDays = before.NoticeLeadDays + 3;
        await _s.Rules.SaveAsync(_s.Admin, "lianzheng", changed, new DateOnly(2027, 1, 1), "提前通知时间调整");
        await _s.Rules.SetEnabledAsync(_s.Admin, "qinglian", enabled: false);

        // One query for the rules and one for which programmes are off; the repeats add none.
        Assert.Equal(afterFirstRead + 1, afterRepeats);
        Assert.Equal(before.NoticeLeadDays + 3, (await other.RulesOnAsync(institution, "lianzheng", day)).NoticeLeadDays);
        Assert.Equal(before.NoticeLeadDays, (await other.RulesOnAsync(institution, "lianzheng", new DateOnly(2026, 12, 31))).NoticeLeadDays);
        Assert.False(await other.IsEnabledAsync(institution, "qinglian"));
    }
}
