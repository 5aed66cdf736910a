using BenchmarkDotNet.Attributes;
using HomeVisit.Core.Accounts;
using HomeVisit.Core.Calendar;
using HomeVisit.Core.Dashboards;
using HomeVisit.Core.Exports;
using HomeVisit.Core.FollowUps;
using HomeVisit.Programmes.Ganbu;
using HomeVisit.Programmes.Lianzheng;
using HomeVisit.Core.People;
using HomeVisit.Core.Quotas;
using HomeVisit.Core.Reminders;
using HomeVisit.Programmes.Huifang;
using HomeVisit.Core.Visits;

namespace HomeVisit.Bench;

/// <summary>
/// The list, dashboard, ledger and summary queries the main pages make, on the database named by
/// HV_BENCH_DB, as the leader (their own records) and the discipline office (the whole institution).
/// Budget: p95 under 50 ms each.
/// </summary>
[MemoryDiagnoser]
public class QueryBenchmarks
{
    private PortalServices _portal = null!;
    private PortalUser _leader = null!, _overseer = null!, _caseOffice = null!;
    private DateOnly _today;

    [GlobalSetup]
    public void Setup()
    {
        var db = Environment.GetEnvironmentVariable("HV_BENCH_DB") ?? throw new InvalidOperationException("Set HV_BENCH_DB to the database file.");
        _portal = PortalServices.OpenAsync(db).GetAwaiter().GetResult();
        _leader = _portal.UserAsync("leader").GetAwaiter().GetResult();
        _overseer = _portal.UserAsync("jiwei").GetAwaiter().GetResult();
        _caseOffice = _portal.UserAsync("anguan").GetAwaiter().GetResult();
        _today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
    }

    [GlobalCleanup]
    public void Cleanup() => _portal.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [Benchmark] public Task Visits_leader() => _portal.Get<VisitService>().ListAsync(_leader, new VisitQuery());
    [Benchmark] public Task Visits_overseer() => _portal.Get<VisitService>().ListAsync(_overseer, new VisitQuery());
    [Benchmark] public Task Visits_overseer_search() => _portal.Get<VisitService>().ListAsync(_overseer, new VisitQuery(Search: "王"));
    [Benchmark] public Task FollowUps_leader() => _portal.Get<FollowUpService>().ListAsync(_leader, new FollowUpQuery());
    [Benchmark] public Task FollowUps_overseer() => _portal.Get<FollowUpService>().ListAsync(_overseer, new FollowUpQuery());
    [Benchmark] public Task FollowUps_overseer_overdue() => _portal.Get<FollowUpService>().ListAsync(_overseer, new FollowUpQuery(OverdueOnly: true));
    [Benchmark] public Task Dashboard_overseer() => _portal.Get<DashboardService>().BuildAsync(_overseer, _today.Year, null);
    [Benchmark] public Task Calendar_leader_month() => _portal.Get<CalendarService>().MyEntriesAsync(_leader, Month(0), Month(1));
    [Benchmark] public Task Calendar_overview_month() => _portal.Get<CalendarService>().OverviewEntriesAsync(_overseer, null, null, Month(0), Month(1));
    [Benchmark] public Task Quotas_mine() => _portal.Get<QuotaService>().MyQuotasAsync(_leader, "lianzheng", _today);
    [Benchmark] public Task Quotas_visitors() => _portal.Get<QuotaService>().VisitorQuotasAsync(_overseer, "lianzheng", _today, null, false, 1, 20);
    [Benchmark] public Task Quotas_unit_rollup() => _portal.Get<QuotaService>().UnitRollupAsync(_overseer, "lianzheng", _today);
    [Benchmark] public Task Lianzheng_ledger_year() => _portal.Get<LianzhengService>().LedgerAsync(_overseer, _today.Year, null);
    [Benchmark] public Task Lianzheng_plan_overview() => _portal.Get<LianzhengService>().PlanOverviewAsync(_overseer, _today.Year, null);
    [Benchmark] public Task Period_summary_lianzheng() => _portal.Get<PeriodSummaryService>().BuildAsync(_overseer, "lianzheng", _today);
    [Benchmark] public Task Ganbu_requests() => _portal.Get<GanbuRequestService>().ListAsync(_overseer, new GanbuRequestQuery());
    [Benchmark] public Task Sanctions_list() => _portal.Get<SanctionService>().ListAsync(_caseOffice, new SanctionQuery());
    [Benchmark] public Task People_search() => _portal.Get<PeopleService>().SearchAsync(_overseer, new PersonQuery(Search: "李"));
    [Benchmark] public Task Reminders_unread() => _portal.Get<ReminderService>().UnreadAsync(_leader);

    private DateTime Month(int offset) => new DateTime(_today.Year, _today.Month, 1).AddMonths(offset);
}
