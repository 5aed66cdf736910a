using HomeVisit.Core.Dashboards;
using HomeVisit.Core.Exports;
using HomeVisit.Core.Institutions;
using HomeVisit.Core.Programmes;
using HomeVisit.Core.Quotas;
using HomeVisit.Core.Visits;
using HomeVisit.Tests.Services;

namespace HomeVisit.Tests.Quotas;

/// <summary>
/// Issue 17 item 7: a visit planned for a day before today that was never recorded is overdue, and no figure counts
/// it as 已安排 (planned work). The scenario's clock stands at 2026-11-20 10:00 Beijing.
/// </summary>
public sealed class OverduePlanTests : IDisposable
{
    private const string Lianzheng = "lianzheng";
    private readonly Scenario _s = new();
    private readonly QuotaService _quotas;
    private readonly DashboardService _dashboard;
    private readonly PeriodSummaryService _summaries;

    public OverduePlanTests()
    {
        var catalog = new ProgrammeCatalog(HomeVisit.Portal.Programmes.ProgrammesServiceCollectionExtensions.Modules);
        _quotas = new QuotaService(_s.Db.Factory, _s.Rules, catalog);
        _dashboard = new DashboardService(_s.Db.Factory, catalog, _s.Org, _s.Clock);
        var exports = new ExportService(_s.Db.Factory, [], new CommonLedger(_s.Db.Factory, catalog, _s.Org, _s.Rules), _s.Clock);
        _summaries = new PeriodSummaryService(_s.Db.Factory, catalog, _quotas, exports);
    }

    public void Dispose() => _s.Dispose();

    private void Plan(DateTime planned, int target, VisitStatus status = VisitStatus.Planned)
    {
        using var db = _s.Context();
        var visit = new Visit
        {
            InstitutionId = _s.InstitutionA, ProgrammeKey = Lianzheng, Form = VisitForm.HomeVisit, Status = status,
            PlannedStart = planned, PlannedEnd = planned.AddHours(1), CreatedByUserId = _s.Admin.UserId, CreatedAt = DateTime.UtcNow,
        };
        visit.Visitors.Add(new VisitVisitor { PersonId = _s.LeaderOne.Id, IsRecorder = true });
        visit.Targets.Add(new VisitTarget { PersonId = target });
        db.Visits.Add(visit);
        db.SaveChanges();
    }

    private int Teacher(string staffNumber)
    {
        using var db = _s.Context();
        return db.People.Single(p => p.InstitutionId == _s.InstitutionA && p.StaffNumber == staffNumber).Id;
    }

    [Fact]
    public async Task A_plan_for_an_earlier_day_is_overdue_on_the_quota_card_the_dashboard_and_the_period_summary_never_planned()
    {
        using (var db = _s.Context())
        {
            db.UnitLeaderships.Add(new UnitLeadership
            {
                InstitutionId = _s.InstitutionA, UnitId = _s.CollegeJia, PersonId = _s.LeaderOne.Id, Role = LeadershipRole.Deputy, StartsOn = new DateOnly(2023, 9, 1),
            });
            db.SaveChanges();
        }
        Plan(new DateTime(2026, 11, 10, 19, 0, 0), Teacher("T001"));                          // ten days ago: overdue
        Plan(new DateTime(2026, 11, 19, 19, 0, 0), Teacher("T002"), VisitStatus.Notified);   // yesterday evening: overdue
        Plan(new DateTime(2026, 11, 20, 19, 0, 0), Teacher("T003"));                          // tonight: still planned
        Plan(new DateTime(2026, 12, 3, 19, 0, 0), _s.StaffOne.Id);                            // next month: planned

        var line = Assert.Single((await _quotas.MyQuotasAsync(_s.Leader1, Lianzheng, new DateOnly(2026, 11, 20))).Lines);
        var dashboard = await _dashboard.BuildAsync(_s.Zuzhi, 2026, null);
        var summary = await _summaries.BuildAsync(_s.Zuzhi, Lianzheng, new DateOnly(2026, 11, 20));

        Assert.Equal((0, 2), (line.Done, line.Planned));
        Assert.Contains("已安排 2 人", line.Reason);
        Assert.Equal((2, 2), (dashboard.VisitsPlanned, dashboard.VisitsOverdue));
        Assert.Equal((2, 2), (summary.Total.Planned, summary.Total.Overdue));
        // The dashboard's two figures link to the visit list, which lists exactly those visits.
        var year = (From: new DateTime(2026, 1, 1), To: new DateTime(2026, 12, 31));
        Assert.Equal(2, (await _s.Visits.ListAsync(_s.Zuzhi, new VisitQuery(From: year.From, To: year.To, Open: VisitOpenFilter.Ahead))).Total);
        Assert.Equal(2, (await _s.Visits.ListAsync(_s.Zuzhi, new VisitQuery(From: year.From, To: year.To, Open: VisitOpenFilter.Overdue))).Total);

        // The next morning tonight's visit, never recorded, joins the overdue ones.
        _s.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(1, (await _dashboard.BuildAsync(_s.Zuzhi, 2026, null)).VisitsPlanned);
        Assert.Equal(1, (await _quotas.MyQuotasAsync(_s.Leader1, Lianzheng, new DateOnly(2026, 11, 21))).Lines.Single().Planned);
    }

    [Fact]
    public void Overdue_is_decided_by_the_day_before_today_not_the_hour()
    {
        var startOfToday = new DateTime(2026, 11, 20);
        Assert.True(VisitSchedule.IsOverdue(VisitStatus.Planned, new DateTime(2026, 11, 19, 23, 0, 0), startOfToday));
        Assert.False(VisitSchedule.IsOverdue(VisitStatus.Planned, new DateTime(2026, 11, 20, 8, 0, 0), startOfToday));
        Assert.False(VisitSchedule.IsOverdue(VisitStatus.Done, new DateTime(2026, 11, 1, 8, 0, 0), startOfToday));
        Assert.False(VisitSchedule.IsOverdue(VisitStatus.Cancelled, new DateTime(2026, 11, 1, 8, 0, 0), startOfToday));
    }
}
