using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using HomeVisit.Core.Accounts;
using HomeVisit.Core.Exports;
using HomeVisit.Programmes.Ganbu;
using HomeVisit.Core.Institutions;
using HomeVisit.Core.Visits;

namespace HomeVisit.Tests.Ganbu;

/// <summary>
/// Issue 17 item 9: one definition of the 魏县领导干部家访台账 (seed 2 附件 1) for the page, the print view and the workbook:
/// annex 1's columns in its order, the visiting leaders without the recorder, the same 备注; a unit's ledger holds the
/// visits to its people and by its people (the organisation department's revisits), the units below included.
/// </summary>
public sealed class GanbuLedgerDefinitionTests : IDisposable
{
    private readonly GanbuWorld w = new();

    private ExportService Exports()
    {
        var common = new CommonLedger(w.S.Db.Factory, w.Catalog, w.S.Org, w.S.Rules);
        return new ExportService(w.S.Db.Factory, [new GanbuLedgerProvider(w.Forms)], common, w.Clock);
    }

    [Fact]
    public async Task The_workbook_has_annex_1s_columns_in_order_and_the_pages_cells_for_a_unit_and_for_all_units()
    {
        // 周局长 leads, 吴副局长 records: the ledger names the leader only (记录单: 家访领导 and 家访记录人 are apart).
        var visit = await RecordedVisitAsync(w.EduHeadUser, [w.EduHead.Id, w.EduDeputyFirst.Id], w.EduDeputyFirst.Id, w.Sun.Id, daysAgo: 4);
        await w.Forms.ArchiveAsync(w.EduHeadUser, visit);
        var page = await w.Forms.LedgerAsync(w.OrgDept, w.Education, 2026);
        var row = Assert.Single(page.Rows);
        Assert.Equal(("周局长", "局长", "孙干部", "记录单已归档"), (row.LeaderNames, row.LeaderPositions, row.TargetName, row.Note));

        foreach (int? unit in new int?[] { w.Education, null })
        {
            using var xlsx = new MemoryStream();
            await Exports().WriteLedgerXlsxAsync(w.OrgDept, "ganbu", 2026, unit, xlsx);
            var cells = ReadRows(xlsx);

            Assert.Equal("乙县领导干部家访台账", cells[0][0]);
            Assert.Equal(unit is null ? "单位：全部单位　　2026 年度" : "单位：县教育局　　2026 年度", cells[1][0]);
            Assert.Equal(["时间", "序号", "家访领导姓名", "职务", "家访对象姓名", "职务", "备注"], cells[2]);
            Assert.Equal(GanbuLedger.Columns, cells[2]);
            Assert.Equal(GanbuLedger.Cells(row).Select(c => c?.ToString() ?? ""), cells[3]);
            Assert.Equal(["11月16日", "1", "周局长", "局长", "孙干部", "科员", "记录单已归档"], cells[3]);
            Assert.Equal(4, cells.Count);
        }
    }

    [Fact]
    public async Task A_units_ledger_holds_the_visits_to_and_by_its_people_with_the_units_below()
    {
        // The county organisation department is a unit of its own; its clerk revisits 钱干部 of 县教育局.
        var orgUnit = await AddOrganisationDepartmentAsync();
        var revisit = await RecordedVisitAsync(w.OrgDept, [w.OrgClerk.Id], null, w.Qian.Id, daysAgo: 6, VisitForm.RegularRevisit);
        var town = await RecordedVisitAsync(w.TownHeadUser, [w.TownHead.Id], null, w.Wei.Id, daysAgo: 5);

        var department = await w.Forms.LedgerAsync(w.OrgDept, orgUnit, 2026);
        Assert.Equal([(revisit, "褚干事", "钱干部")], department.Rows.Select(r => (r.VisitId, r.LeaderNames, r.TargetName)));
        // 县教育局 keeps the revisit of its cadre too; 城关镇 holds its service centre's cadre (a sub-unit).
        Assert.Equal([revisit], (await w.Forms.LedgerAsync(w.OrgDept, w.Education, 2026)).Rows.Select(r => r.VisitId));
        Assert.Equal([town], (await w.Forms.LedgerAsync(w.OrgDept, w.Town, 2026)).Rows.Select(r => r.VisitId));
        Assert.Equal([town], (await w.Forms.LedgerAsync(w.OrgDept, w.TownCentre, 2026)).Rows.Select(r => r.VisitId));
        // The county at the top holds everything below it, numbered in date order.
        var county = await w.Forms.LedgerAsync(w.OrgDept, w.County, 2026);
        Assert.Equal([(1, revisit), (2, town)], county.Rows.Select(r => (r.Number, r.VisitId)));
        Assert.Equal(2, (await Exports().LedgerAsync(w.OrgDept, "ganbu", 2026, w.County)).RowCount);
    }

    [Fact]
    public async Task One_quarter_gives_the_same_numbers_on_the_card_quotas_dashboard_period_summary_quarter_summary_and_ledger_with_their_workbooks()
    {
        // 2026 Q4: 郑副局长 handles 钱干部's request at home, the organisation department revisits him, 冯书记 visits 卫干部 of
        // the town's service centre; 周局长 has a visit planned for next week.
        var orgUnit = await AddOrganisationDepartmentAsync();
        var request = await w.FileAsync();
        var handled = await w.VisitAndRecordAsync(request, w.EduDeputyInChargeUser);
        var detail = await w.Requests.GetAsync(w.OrgDept, request);
        var revisit = await w.Requests.PlanRevisitAsync(w.OrgDept, request, new GanbuVisitInput
        {
            Version = detail.Version, PlannedStart = w.Clock.Today.AddHours(15), DurationMinutes = 60,
        });
        var rv = await w.Visits.GetAsync(w.OrgDept, revisit);
        await w.Visits.RecordOutcomeAsync(w.OrgDept, revisit, new VisitOutcome { Version = rv.Version, ActualStart = w.Clock.Today.AddHours(15), Record = "回访钱干部，了解诉求办理情况。" });
        var town = await RecordedVisitAsync(w.TownHeadUser, [w.TownHead.Id], null, w.Wei.Id, daysAgo: 5);
        await w.Visits.SavePlanAsync(w.EduHeadUser, new VisitPlan
        {
            ProgrammeKey = GanbuAccess.ProgrammeKey, Form = VisitForm.HomeVisit, PlannedStart = w.Clock.Today.AddDays(7).AddHours(19),
            VisitorIds = [w.EduHead.Id], TargetPersonIds = [w.Sun.Id],
        });
        var day = DateOnly.FromDateTime(w.Clock.Today);
        var quotas = new HomeVisit.Core.Quotas.QuotaService(w.S.Db.Factory, w.S.Rules, w.Catalog);
        var exports = Exports();
        var summaries = new PeriodSummaryService(w.S.Db.Factory, w.Catalog, quotas, exports);
        var dashboards = new HomeVisit.Core.Dashboards.DashboardService(w.S.Db.Factory, w.Catalog, w.S.Org, w.Clock);

        // Home card and /quotas: seed 2 sets no count per leader (二, 四（一）: visits answer requests), so nobody owes any.
        Assert.Empty((await quotas.MyQuotasAsync(w.EduHeadUser, "ganbu", day)).Lines);
        Assert.Equal(0, (await quotas.VisitorQuotasAsync(w.OrgDept, "ganbu", day, null, false, 1, 50)).Rows.Total);
        Assert.Equal(0, (await quotas.UnitRollupAsync(w.OrgDept, "ganbu", day)).Total.Visitors);

        // Dashboard: the quarter's months.
        var board = await dashboards.BuildAsync(w.OrgDept, 2026, null);
        Assert.Equal(3, board.VisitsPerMonth.Where(m => m.ProgrammeKey == "ganbu" && m.Month >= 10).Sum(m => m.Count));
        Assert.Equal(1, board.VisitsPlanned);

        // Period summary (每季度一总结) and its workbook, by the visitors' unit.
        var summary = await summaries.BuildAsync(w.OrgDept, "ganbu", day);
        Assert.Equal("2026年第四季度", summary.Period.Label);
        Assert.Equal((3, 1), (summary.Total.Done, summary.Total.Planned));
        Assert.Equal([("县教育局", 1, 1), ("城关镇", 1, 0), ("县委组织部", 1, 0)],
            summary.Units.Select(u => (u.UnitName, u.Done, u.Planned)).OrderBy(u => u.Item1 == "县教育局" ? 0 : u.Item1 == "城关镇" ? 1 : 2));
        using var summaryXlsx = new MemoryStream();
        await summaries.WriteXlsxAsync(w.OrgDept, "ganbu", day, summaryXlsx);
        var summaryRows = ReadRows(summaryXlsx, "期间汇总");
        foreach (var u in summary.Units.Append(summary.Total))
        {
            var row = Assert.Single(summaryRows, r => r.Count > 0 && r[0] == u.UnitName);
            Assert.Equal((u.Done.ToString(), u.Planned.ToString()), (row[1], row[2]));
        }

        // The programme's own quarter summary counts the organisation department's revisits: the 县委组织部 row above.
        var quarter = await w.Oversight.QuarterSummaryAsync(w.OrgDept, 2026, 4);
        Assert.Equal(summary.Units.Single(u => u.UnitName == "县委组织部").Done, quarter.Total.Revisits);
        Assert.Equal(1, quarter.Total.Total);

        // The ledger, page and workbook: every done visit once; a unit's ledger holds its people's visits and those to them.
        var ledger = await w.Forms.LedgerAsync(w.OrgDept, null, 2026);
        var inQuarter = ledger.Rows.Where(r => r.Date >= summary.Period.Start && r.Date <= summary.Period.End).ToList();
        Assert.Equal(summary.Total.Done, inQuarter.Select(r => r.VisitId).Distinct().Count());
        Assert.Equal(new[] { handled, revisit, town }.Order(), inQuarter.Select(r => r.VisitId).Order());
        Assert.Equal(summary.Units.Single(u => u.UnitName == "城关镇").Done, (await w.Forms.LedgerAsync(w.OrgDept, w.Town, 2026)).Rows.Count);
        Assert.Equal(quarter.Total.Revisits, (await w.Forms.LedgerAsync(w.OrgDept, orgUnit, 2026)).Rows.Count);
        Assert.Equal(summary.Units.Single(u => u.UnitName == "县教育局").Done + quarter.Total.Revisits,
            (await w.Forms.LedgerAsync(w.OrgDept, w.Education, 2026)).Rows.Count);
        using var ledgerXlsx = new MemoryStream();
        await exports.WriteLedgerXlsxAsync(w.OrgDept, "ganbu", 2026, null, ledgerXlsx);
        var ledgerRows = ReadRows(ledgerXlsx).Skip(3).ToList();
        Assert.Equal(ledger.Rows.Select(r => GanbuLedger.Cells(r).Select(c => c?.ToString() ?? "")), ledgerRows);
    }

    internal async Task<int> AddOrganisationDepartmentAsync()
    {
        await using var db = w.S.Context();
        var unit = new OrgUnit { InstitutionId = w.S.InstitutionB, Name = "县委组织部", Kind = OrgUnitKind.Unit, ParentId = w.County };
        db.OrgUnits.Add(unit);
        await db.SaveChangesAsync();
        var clerk = await db.People.FindAsync(w.OrgClerk.Id);
        clerk!.UnitId = unit.Id;
        await db.SaveChangesAsync();
        return unit.Id;
    }

    internal async Task<int> RecordedVisitAsync(PortalUser by, int[] visitors, int? recorder, int target, int daysAgo, VisitForm form = default /* 上门家访 */)
    {
        var start = w.Clock.Today.AddDays(-daysAgo).AddHours(19);
        var id = await w.Visits.SavePlanAsync(by, new VisitPlan
        {
            ProgrammeKey = GanbuAccess.ProgrammeKey, Form = form, PlannedStart = start, VisitorIds = [.. visitors], RecorderId = recorder,
            TargetPersonIds = [target],
        });
        var v = await w.Visits.GetAsync(by, id);
        await w.Visits.RecordOutcomeAsync(by, id, new VisitOutcome { Version = v.Version, ActualStart = start, Record = "谈心谈话，了解家庭情况。" });
        return id;
    }

    /// <summary>A sheet's rows (the first sheet unless named) as Excel shows them, each as many cells as the header (blank where empty).</summary>
    internal static List<List<string>> ReadRows(Stream xlsx, string? sheetName = null)
    {
        xlsx.Position = 0;
        using var doc = SpreadsheetDocument.Open(xlsx, false);
        var book = doc.WorkbookPart!;
        var entry = book.Workbook.Descendants<Sheet>().First(s => sheetName is null || s.Name == sheetName);
        var sheet = ((WorksheetPart)book.GetPartById(entry.Id!.Value!)).Worksheet;
        var rows = new List<List<string>>();
        foreach (var r in sheet.Descendants<Row>())
        {
            var cells = new List<string>();
            foreach (var cell in r.Elements<Cell>())
            {
                var reference = cell.CellReference!.Value!;
                var col = reference.TakeWhile(char.IsLetter).Aggregate(0, (n, ch) => n * 26 + ch - 'A' + 1) - 1;
                while (cells.Count < col) cells.Add("");
                cells.Add(cell.DataType?.Value == CellValues.InlineString ? cell.InlineString!.InnerText : cell.CellValue?.Text ?? "");
            }
            rows.Add(cells);
        }
        var width = rows.Count > 2 ? rows[2].Count : 0;
        foreach (var cells in rows.Skip(3)) while (cells.Count < width) cells.Add("");
        return rows;
    }

    public void Dispose() => w.Dispose();
}
