using HomeVisit.Core.Dashboards;
using HomeVisit.Core.Exports;
using HomeVisit.Core.Quotas;
using HomeVisit.Programmes.Huifang;
using HomeVisit.Core.Visits;

namespace HomeVisit.Tests.Huifang;

/// <summary>
/// Issue 17 item 8: "已回访" counts only revisits done; plans are counted apart; summaries, the dashboard and the ledger put a
/// revisit under the disciplined person's unit (seed 5 第三条 所在单位予以配合, 第九条 向回访对象及其所在单位党组织反馈), not
/// under the unit of the discipline staff who went.
/// </summary>
public sealed class RevisitFiguresTests : IDisposable
{
    private readonly HuifangWorld _w = new();

    private Task<int> DueRecordAsync(HomeVisit.Core.People.Person? person = null) =>
        _w.WarningAsync(person ?? _w.S.StaffOne, DateOnly.FromDateTime(_w.S.Clock.Today).AddMonths(-3));

    [Fact]
    public async Task The_list_counts_done_revisits_as_revisited_and_plans_awaiting_approval_or_the_day_apart()
    {
        var record = await DueRecordAsync();
        await DoneRevisitAsync(record);
        await _w.Revisits.PlanAsync(_w.Anguan, _w.Plan(record)); // waits for approval
        var approved = await _w.Revisits.PlanAsync(_w.Anguan, _w.Plan(record));
        await _w.Visits.DecideApprovalAsync(_w.Jiwei, approved, (await _w.Visits.GetAsync(_w.Jiwei, approved)).Version, true, null);
        var cancelled = await _w.Revisits.PlanAsync(_w.Anguan, _w.Plan(record));
        await _w.Visits.CancelAsync(_w.Anguan, cancelled, (await _w.Visits.GetAsync(_w.Anguan, cancelled)).Version, "方案调整");

        var row = Assert.Single((await _w.Sanctions.ListAsync(_w.Jiwei, new SanctionQuery())).Items);

        Assert.Equal((1, 2), (row.Revisits, row.PlannedRevisits));
        Assert.Equal(DateOnly.FromDateTime(_w.S.Clock.Today), row.LastRevisit);
    }

    [Fact]
    public async Task The_period_summary_the_dashboard_and_the_ledger_count_a_revisit_under_the_disciplined_persons_unit()
    {
        // The team (案管干事, 纪检干事二) belongs to 学校 itself; the person revisited (张老师) to 甲系 under 甲学院.
        await DoneRevisitAsync(await DueRecordAsync());
        var (summaries, dashboards, exports) = Services();
        var year = _w.S.Clock.Today.Year;

        var summary = await summaries.BuildAsync(_w.Jiwei, "huifang", DateOnly.FromDateTime(_w.S.Clock.Today));
        var college = Assert.Single(summary.Units);
        Assert.Equal(("甲学院", 1), (college.UnitName, college.Done));
        Assert.Equal(1, summary.Total.Done);

        var board = await dashboards.BuildAsync(_w.Jiwei, year, _w.S.CollegeJia);
        Assert.Equal(1, board.VisitsPerMonth.Where(m => m.ProgrammeKey == "huifang").Sum(m => m.Count));
        Assert.DoesNotContain((await dashboards.BuildAsync(_w.Jiwei, year, _w.S.CollegeYi)).VisitsPerMonth, m => m.ProgrammeKey == "huifang");

        Assert.Equal(1, (await exports.LedgerAsync(_w.Jiwei, "huifang", year, _w.S.CollegeJia)).RowCount);
        Assert.Equal(0, (await exports.LedgerAsync(_w.Jiwei, "huifang", year, _w.S.CollegeYi)).RowCount);
    }

    [Fact]
    public async Task One_year_gives_the_same_numbers_on_the_card_quotas_dashboard_period_summary_list_and_ledger_with_their_workbooks()
    {
        // 2026: 张老师 (甲学院) revisited twice with a third plan awaiting approval; 赵老师 (乙学院) revisited once.
        var zhang = await DueRecordAsync();
        await DoneRevisitAsync(zhang);
        await DoneRevisitAsync(zhang);
        await _w.Revisits.PlanAsync(_w.Anguan, _w.Plan(zhang));
        await DoneRevisitAsync(await DueRecordAsync(_w.S.StaffTwo));
        var (summaries, dashboards, exports) = Services();
        var quotas = new QuotaService(_w.S.Db.Factory, _w.S.Rules, _w.Catalog);
        var day = DateOnly.FromDateTime(_w.S.Clock.Today);

        // Home card and /quotas: seed 5 sets no number of revisits (第四条 “适时进行”), so nobody owes any.
        Assert.Empty((await quotas.MyQuotasAsync(_w.Jijian, "huifang", day)).Lines);
        Assert.Equal(0, (await quotas.VisitorQuotasAsync(_w.Jiwei, "huifang", day, null, false, 1, 50)).Rows.Total);
        Assert.Equal(0, (await quotas.UnitRollupAsync(_w.Jiwei, "huifang", day)).Total.Visitors);

        // The programme's list of disciplined persons: 已回访 and 已安排 per person.
        var list = (await _w.Sanctions.ListAsync(_w.Jiwei, new SanctionQuery())).Items;
        Assert.Equal([("张老师", 2, 1), ("赵老师", 1, 0)], list.Select(r => (r.PersonName, r.Revisits, r.PlannedRevisits)).OrderBy(r => r.PersonName, StringComparer.Ordinal));

        // Period summary (the year) and its workbook, per disciplined person's unit, agree with the list.
        var summary = await summaries.BuildAsync(_w.Jiwei, "huifang", day);
        Assert.Equal((list.Sum(r => r.Revisits), list.Sum(r => r.PlannedRevisits)), (summary.Total.Done, summary.Total.Planned));
        Assert.Equal([("乙学院", 1, 0), ("甲学院", 2, 1)], summary.Units.Select(u => (u.UnitName, u.Done, u.Planned)).OrderBy(u => u.UnitName, StringComparer.Ordinal));
        using var summaryXlsx = new MemoryStream();
        await summaries.WriteXlsxAsync(_w.Jiwei, "huifang", day, summaryXlsx);
        var summaryRows = HomeVisit.Tests.Ganbu.GanbuLedgerDefinitionTests.ReadRows(summaryXlsx, "期间汇总");
        foreach (var u in summary.Units.Append(summary.Total))
        {
            var row = Assert.Single(summaryRows, r => r.Count > 0 && r[0] == u.UnitName);
            Assert.Equal((u.Done.ToString(), u.Planned.ToString()), (row[1], row[2]));
        }

        // Dashboard, for the institution and per unit.
        var board = await dashboards.BuildAsync(_w.Jiwei, day.Year, null);
        Assert.Equal(summary.Total.Done, board.VisitsPerMonth.Where(m => m.ProgrammeKey == "huifang").Sum(m => m.Count));
        Assert.Equal(summary.Total.Planned, board.VisitsPlanned);
        foreach (var (unit, name) in new[] { (_w.S.CollegeJia, "甲学院"), (_w.S.CollegeYi, "乙学院") })
        {
            var perUnit = await dashboards.BuildAsync(_w.Jiwei, day.Year, unit);
            Assert.Equal(summary.Units.Single(u => u.UnitName == name).Done, perUnit.VisitsPerMonth.Where(m => m.ProgrammeKey == "huifang").Sum(m => m.Count));
            // The ledger of the unit, and its workbook.
            var ledger = await exports.LedgerAsync(_w.Jiwei, "huifang", day.Year, unit);
            Assert.Equal(summary.Units.Single(u => u.UnitName == name).Done, ledger.RowCount);
        }
        using var ledgerXlsx = new MemoryStream();
        await exports.WriteLedgerXlsxAsync(_w.Jiwei, "huifang", day.Year, null, ledgerXlsx);
        var ledgerRows = HomeVisit.Tests.Ganbu.GanbuLedgerDefinitionTests.ReadRows(ledgerXlsx).Skip(3).ToList();
        Assert.Equal(summary.Total.Done, ledgerRows.Count);
        Assert.Equal(summary.Total.Done, (await exports.LedgerAsync(_w.Jiwei, "huifang", day.Year, null)).RowCount);
    }

    internal (PeriodSummaryService, DashboardService, ExportService) Services()
    {
        var common = new CommonLedger(_w.S.Db.Factory, _w.Catalog, _w.S.Org, _w.S.Rules);
        var exports = new ExportService(_w.S.Db.Factory, [], common, _w.S.Clock);
        var summaries = new PeriodSummaryService(_w.S.Db.Factory, _w.Catalog, new QuotaService(_w.S.Db.Factory, _w.S.Rules, _w.Catalog), exports);
        return (summaries, new DashboardService(_w.S.Db.Factory, _w.Catalog, _w.S.Org, _w.S.Clock), exports);
    }

    private async Task<int> DoneRevisitAsync(int record)
    {
        var visitId = await _w.Revisits.PlanAsync(_w.Anguan, _w.Plan(record));
        var detail = await _w.Visits.GetAsync(_w.Jiwei, visitId);
        await _w.Visits.DecideApprovalAsync(_w.Jiwei, visitId, detail.Version, true, null);
        detail = await _w.Visits.GetAsync(_w.Jijian, visitId);
        await _w.Visits.RecordOutcomeAsync(_w.Jijian, visitId, new VisitOutcome
        {
            Version = detail.Version, ActualStart = _w.S.Clock.Today.AddHours(9), Record = "与受处分人员谈心谈话，了解思想和工作状况。",
            FormData = new() { ["Attitude"] = "认识深刻。", ["Outcome"] = "予以肯定和鼓励" },
        });
        return visitId;
    }

    public void Dispose() => _w.Dispose();
}
