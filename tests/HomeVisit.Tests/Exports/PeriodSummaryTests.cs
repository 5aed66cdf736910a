using HomeVisit.Core.Data;
using HomeVisit.Core.Exports;
using HomeVisit.Core.Programmes;
using HomeVisit.Core.Quotas;
using HomeVisit.Core.Visits;
using HomeVisit.Tests.Services;

namespace HomeVisit.Tests.Exports;

public sealed class PeriodSummaryTests : IDisposable
{
    private readonly Scenario _s = new();
    private readonly PeriodSummaryService _summaries;

    public PeriodSummaryTests()
    {
        var catalog = new ProgrammeCatalog(HomeVisit.Portal.Programmes.ProgrammesServiceCollectionExtensions.Modules);
        var exports = new ExportService(_s.Db.Factory, [], new CommonLedger(_s.Db.Factory, catalog, _s.Org, _s.Rules), _s.Clock);
        _summaries = new PeriodSummaryService(_s.Db.Factory, catalog, new QuotaService(_s.Db.Factory, _s.Rules, catalog), exports);
    }

    public void Dispose() => _s.Dispose();

    [Fact]
    public async Task A_half_year_summary_counts_the_periods_visits_per_top_level_unit()
    {
        // qinglian reports by half-year: the second half of 2026 holds the two visits below, not the June one.
        // Its quota names each college's 班子成员 (二、1).
        await using (var db = _s.Db.CreateContext())
        {
            db.UnitLeaderships.AddRange(
                new HomeVisit.Core.Institutions.UnitLeadership { InstitutionId = _s.InstitutionA, UnitId = _s.CollegeJia, PersonId = _s.LeaderOne.Id, Role = HomeVisit.Core.Institutions.LeadershipRole.Head },
                new HomeVisit.Core.Institutions.UnitLeadership { InstitutionId = _s.InstitutionA, UnitId = _s.CollegeYi, PersonId = _s.LeaderTwo.Id, Role = HomeVisit.Core.Institutions.LeadershipRole.Head });
            await db.SaveChangesAsync();
        }
        await PlanAndRecordAsync(new DateTime(2026, 6, 30, 19, 0, 0));
        await PlanAndRecordAsync(new DateTime(2026, 7, 1, 19, 0, 0));
        await PlanAndRecordAsync(new DateTime(2026, 10, 9, 19, 0, 0));
        var plan = _s.PlanForLeaderOne();
        plan.ProgrammeKey = "qinglian";
        plan.PlannedStart = _s.Clock.Today.AddDays(10).AddHours(19);
        await _s.Visits.SavePlanAsync(_s.Leader1, plan);

        var s = await _summaries.BuildAsync(_s.Zuzhi, "qinglian", new DateOnly(2026, 11, 20));

        Assert.Equal("2026年下半年", s.Period.Label);
        Assert.Equal((2, 1), (s.Total.Done, s.Total.Planned));
        var college = Assert.Single(s.Units, u => u.UnitName == "甲学院");
        Assert.Equal(2, college.Done);
        // 乙学院 did nothing, but its leader owes a visit this half-year, so it is listed with zero.
        var other = Assert.Single(s.Units, u => u.UnitName == "乙学院");
        Assert.Equal((0, 1, 0), (other.Done, other.QuotaVisitors, other.QuotaOnTrack));
        Assert.Equal(("上门家访", 2), Assert.Single(s.ByForm));
        await Assert.ThrowsAsync<AccessDeniedException>(() => _summaries.BuildAsync(_s.Leader1, "qinglian", new DateOnly(2026, 11, 20)));
    }

    [Fact]
    public async Task A_visit_counts_under_its_first_leaders_unit_and_moves_when_the_plans_visitors_change()
    {
        // 李院长 (甲学院) plans a visit alone; then puts 王院长 (乙学院) first and keeps the record himself.
        var plan = _s.PlanForLeaderOne();
        plan.ProgrammeKey = "qinglian";
        plan.PlannedStart = _s.Clock.Today.AddDays(10).AddHours(19);
        var id = await _s.Visits.SavePlanAsync(_s.Leader1, plan);
        var day = DateOnly.FromDateTime(plan.PlannedStart.Value);

        var before = await _summaries.BuildAsync(_s.Zuzhi, "qinglian", day);
        Assert.Equal(1, Assert.Single(before.Units, u => u.UnitName == "甲学院").Planned);
        Assert.DoesNotContain(before.Units, u => u.UnitName == "乙学院");

        var edit = await _s.Visits.GetPlanAsync(_s.Leader1, id);
        edit.VisitorIds = [_s.LeaderTwo.Id, _s.LeaderOne.Id];
        edit.RecorderId = _s.LeaderOne.Id;
        await _s.Visits.SavePlanAsync(_s.Leader1, edit);

        var after = await _summaries.BuildAsync(_s.Zuzhi, "qinglian", day);
        Assert.Equal(1, Assert.Single(after.Units, u => u.UnitName == "乙学院").Planned);
        Assert.DoesNotContain(after.Units, u => u.UnitName == "甲学院" && u.Planned > 0);
        Assert.Equal(1, after.Total.Planned);
    }

    private async Task PlanAndRecordAsync(DateTime when)
    {
        // Recorded after the fact: plan it for then (past plans are allowed; notice rules look forward only from today).
        await using (var db = _s.Db.CreateContext())
        {
            var visit = new Visit
            {
                InstitutionId = _s.InstitutionA, ProgrammeKey = "qinglian", Form = VisitForm.HomeVisit, PlannedStart = when, PlannedEnd = when.AddHours(1),
                ActualStart = when, Status = VisitStatus.Done, Record = "家访。", CreatedByUserId = _s.Leader1.UserId, CreatedAt = DateTime.UtcNow,
                Visitors = [new VisitVisitor { PersonId = _s.LeaderOne.Id, IsRecorder = true }], Targets = [new VisitTarget { PersonId = _s.StaffOne.Id }],
            };
            db.Visits.Add(visit);
            await db.SaveChangesAsync();
        }
    }
}
