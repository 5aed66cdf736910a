using HomeVisit.Core.Dashboards;
using HomeVisit.Core.Data;
using HomeVisit.Core.FollowUps;
using HomeVisit.Core.Programmes;
using HomeVisit.Core.Visits;
using HomeVisit.Tests.Services;

namespace HomeVisit.Tests.Exports;

public sealed class DashboardServiceTests : IDisposable
{
    private readonly Scenario _s = new();
    private readonly DashboardService _dashboard;

    public DashboardServiceTests() =>
        _dashboard = new DashboardService(_s.Db.Factory, new ProgrammeCatalog(HomeVisit.Portal.Programmes.ProgrammesServiceCollectionExtensions.Modules), _s.Org, _s.Clock);

    public void Dispose() => _s.Dispose();

    private async Task<int> DoneVisitAsync(DateTime when, string programme = "lianzheng", DateTime? actual = null)
    {
        var plan = _s.PlanForLeaderOne();
        plan.ProgrammeKey = programme;
        plan.PlannedStart = when;
        var id = await _s.Visits.SavePlanAsync(_s.Leader1, plan);
        var v = await _s.Visits.GetAsync(_s.Leader1, id);
        await _s.Visits.RecordOutcomeAsync(_s.Leader1, id, new VisitOutcome { Version = v.Version, ActualStart = actual ?? when, Record = "座谈。" });
        return id;
    }

    [Fact]
    public async Task Visits_are_counted_per_month_and_programme_and_follow_ups_by_outcome()
    {
        await DoneVisitAsync(new DateTime(2026, 3, 5, 19, 0, 0));
        await DoneVisitAsync(new DateTime(2026, 3, 20, 19, 0, 0));
        var july = await DoneVisitAsync(new DateTime(2026, 7, 1, 9, 0, 0));
        await DoneVisitAsync(new DateTime(2025, 12, 31, 19, 0, 0)); // another year
        var resolved = await _s.FollowUps.RaiseAsync(_s.Leader1, new FollowUpRaise { VisitId = july, Summary = "困难一" });
        await _s.FollowUps.RaiseAsync(_s.Leader1, new FollowUpRaise { VisitId = july, Summary = "困难二", Deadline = _s.Clock.Today });
        _s.Clock.Advance(TimeSpan.FromDays(3));
        var item = await _s.FollowUpRowAsync(resolved);
        await _s.FollowUps.ResolveAsync(_s.Leader1, resolved, new FollowUpClose { Version = item.Version, Resolution = "已协调", Feedback = "已告知" });

        var d = await _dashboard.BuildAsync(_s.Zuzhi, 2026, null);

        Assert.Equal(3, d.VisitsDone);
        Assert.Equal(2, d.VisitsPerMonth.Single(m => m.Month == 3 && m.ProgrammeKey == "lianzheng").Count);
        Assert.Equal(1, d.VisitsPerMonth.Single(m => m.Month == 7).Count);
        var f = Assert.Single(d.FollowUps);
        Assert.Equal((2, 1, 0, 1, 1), (f.Raised, f.Resolved, f.Withdrawn, f.Open, f.Overdue));
        Assert.Equal(3.0, f.AverageDaysToResolve);
        Assert.Equal(0.5, f.ResolutionRate);
    }

    [Fact]
    public async Task A_unit_filter_keeps_only_its_visitors_and_leaders_may_not_see_the_dashboard()
    {
        await DoneVisitAsync(new DateTime(2026, 5, 5, 19, 0, 0));

        Assert.Equal(1, (await _dashboard.BuildAsync(_s.Zuzhi, 2026, _s.CollegeJia)).VisitsDone);
        Assert.Equal(0, (await _dashboard.BuildAsync(_s.Zuzhi, 2026, _s.CollegeYi)).VisitsDone);
        await Assert.ThrowsAsync<AccessDeniedException>(() => _dashboard.BuildAsync(_s.Leader1, 2026, null));
    }

    /// <summary>
    /// Issue 17: each figure's link lists exactly what it counted. The 已完成 of a month counts a visit by its actual day
    /// (a plan for 31 March done on 2 April is April's), and a unit's figures count that unit's visits only; the visit list
    /// behind the links filters the same way (VisitQuery.From/To by the effective start, VisitQuery.UnitId).
    /// </summary>
    [Fact]
    public async Task The_visit_list_behind_each_figure_counts_what_the_figure_counted_by_actual_day_and_unit()
    {
        // Planned for 31 March, recorded as done on 2 April: the outcome's actual start decides the month.
        await DoneVisitAsync(new DateTime(2026, 3, 31, 19, 0, 0), actual: new DateTime(2026, 4, 2, 19, 0, 0));
        await DoneVisitAsync(new DateTime(2026, 5, 5, 19, 0, 0));
        var planned = _s.PlanForLeaderOne();
        planned.PlannedStart = new DateTime(2026, 12, 10, 19, 0, 0);
        await _s.Visits.SavePlanAsync(_s.Leader1, planned);

        var all = await _dashboard.BuildAsync(_s.Zuzhi, 2026, null);
        Assert.Equal(0, all.VisitsPerMonth.Where(m => m.Month == 3).Sum(m => m.Count));
        Assert.Equal(1, all.VisitsPerMonth.Where(m => m.Month == 4).Sum(m => m.Count));
        async Task<int> Listed(VisitQuery q) => (await _s.Visits.ListAsync(_s.Zuzhi, q)).Total;
        Assert.Equal(0, await Listed(new VisitQuery(Status: VisitStatus.Done, From: new DateTime(2026, 3, 1), To: new DateTime(2026, 3, 31))));
        Assert.Equal(1, await Listed(new VisitQuery(Status: VisitStatus.Done, From: new DateTime(2026, 4, 1), To: new DateTime(2026, 4, 30))));

        foreach (var unit in new int?[] { null, _s.CollegeJia, _s.CollegeYi })
        {
            var d = await _dashboard.BuildAsync(_s.Zuzhi, 2026, unit);
            Assert.Equal(d.VisitsDone, await Listed(new VisitQuery(Status: VisitStatus.Done, From: new DateTime(2026, 1, 1), To: new DateTime(2026, 12, 31), UnitId: unit)));
            Assert.Equal(d.VisitsPlanned, await Listed(new VisitQuery(Open: VisitOpenFilter.Ahead, From: new DateTime(2026, 1, 1), To: new DateTime(2026, 12, 31), UnitId: unit)));
        }
        var jia = await _dashboard.BuildAsync(_s.Zuzhi, 2026, _s.CollegeJia);
        Assert.Equal((2, 1), (jia.VisitsDone, jia.VisitsPlanned));
        Assert.Equal(0, await Listed(new VisitQuery(Status: VisitStatus.Done, UnitId: _s.CollegeYi)));
    }
}
