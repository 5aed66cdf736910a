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

    private async Task<int> DoneVisitAsync(DateTime when, string programme = "lianzheng")
    {
        var plan = _s.PlanForLeaderOne();
        plan.ProgrammeKey = programme;
        plan.PlannedStart = when;
        var id = await _s.Visits.SavePlanAsync(_s.Leader1, plan);
        var v = await _s.Visits.GetAsync(_s.Leader1, id);
        await _s.Visits.RecordOutcomeAsync(_s.Leader1, id, new VisitOutcome { Version = v.Version, ActualStart = when, Record = "座谈。" });
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
}
