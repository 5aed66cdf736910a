using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Spreadsheet;
using HomeVisit.Core.Access;
using HomeVisit.Core.Accounts;
using HomeVisit.Core.Demo;
using HomeVisit.Core.Exports;
using HomeVisit.Core.Institutions;
using HomeVisit.Core.Programmes;
using HomeVisit.Core.Visits;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HomeVisit.Tests.Exports;

public sealed class LedgerWorkbookTests : IAsyncLifetime
{
    private readonly TestDatabase _db = TestDatabase.Create(new FixedTimeProvider(new DateTimeOffset(2026, 11, 21, 2, 0, 0, TimeSpan.Zero)));
    private ExportService _exports = default!, _ganbuExports = default!;
    private PortalUser _jiwei = default!, _staff = default!, _zuzhi = default!;

    public async Task InitializeAsync()
    {
        await using (var db = _db.CreateContext()) await DemoSeeder.SeedAsync(db, _db.Clock);
        var catalog = new ProgrammeCatalog(HomeVisit.Portal.Programmes.ProgrammesServiceCollectionExtensions.Modules);
        var rules = new ProgrammeRulesService(_db.Factory, catalog, _db.Clock);
        _exports = new ExportService(_db.Factory, [], new CommonLedger(_db.Factory, catalog, new OrgService(_db.Factory), rules), _db.Clock);
        // Programme:ganbu as the portal decides it (the demo institution has 干部家访 on).
        var access = new Microsoft.Extensions.DependencyInjection.ServiceCollection().AddLogging().AddSingleton(catalog)
            .AddSingleton(new ProgrammeRulesService(_db.Factory, catalog, _db.Clock)).AddPortalAuthorization()
            .BuildServiceProvider().GetRequiredService<ProgrammeAccess>();
        _ganbuExports = new ExportService(_db.Factory, [new HomeVisit.Programmes.Ganbu.GanbuLedgerProvider(new HomeVisit.Programmes.Ganbu.GanbuFormsService(_db.Factory, catalog, access, _db.Clock))],
            new CommonLedger(_db.Factory, catalog, new OrgService(_db.Factory), rules), _db.Clock);
        await using var ctx = _db.CreateContext();
        _jiwei = PortalUser.From(await ctx.UserAccounts.SingleAsync(a => a.UserName == DemoAccounts.DisciplineOffice));
        _staff = PortalUser.From(await ctx.UserAccounts.SingleAsync(a => a.UserName == DemoAccounts.Staff));
        _zuzhi = PortalUser.From(await ctx.UserAccounts.SingleAsync(a => a.UserName == DemoAccounts.OrganisationDept));
    }

    [Fact]
    public async Task The_exported_ledger_matches_the_database_cell_by_cell()
    {
        using var stream = new MemoryStream();
        await _exports.WriteLedgerXlsxAsync(_jiwei, "lianzheng", 2026, null, stream);

        var cells = ReadSheet(stream);
        Assert.Equal("廉政家访台账", cells[(1, "A")]);
        Assert.Equal("单位（部门）：全部单位　　2026 年度", cells[(2, "A")]);
        Assert.Equal(CommonLedger.Columns, Enumerable.Range(0, 7).Select(i => cells[(3, XlsxWriter.Column(i))]));

        await using var db = _db.CreateContext();
        var expected = await db.Visits.Where(v => v.ProgrammeKey == "lianzheng" && v.Status == VisitStatus.Done &&
                                                  (v.ActualStart ?? v.PlannedStart).Year == 2026)
            .OrderBy(v => v.ActualStart ?? v.PlannedStart).ThenBy(v => v.Id)
            .Select(v => new
            {
                When = v.ActualStart ?? v.PlannedStart,
                Visitors = v.Visitors.OrderBy(x => x.IsRecorder).ThenBy(x => x.Id).Select(x => x.Person!.Name).ToList(),
                Targets = v.Targets.Select(t => t.Person!.Name).ToList(),
                TargetPositions = v.Targets.Select(t => t.Person!.Position).ToList(),
            }).ToListAsync();
        Assert.NotEmpty(expected);
        for (var i = 0; i < expected.Count; i++)
        {
            var row = 4 + i;
            Assert.Equal((i + 1).ToString(), cells[(row, "A")]);
            Assert.Equal($"{expected[i].When.Month}月{expected[i].When.Day}日", cells[(row, "B")]);
            Assert.Equal(string.Join("、", expected[i].Visitors), cells[(row, "C")]);
            Assert.Equal(string.Join("、", expected[i].Targets), cells[(row, "E")]);
            Assert.Equal(string.Join("、", expected[i].TargetPositions.Distinct()), cells[(row, "F")]);
        }
        Assert.False(cells.ContainsKey((4 + expected.Count, "A")));
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "export" && a.UserId == _jiwei.UserId && a.Detail!.Contains($"rows={expected.Count}")));
    }

    [Fact]
    public async Task A_unit_ledger_holds_only_visits_by_that_units_people_and_staff_export_nothing_they_cannot_see()
    {
        await using var db = _db.CreateContext();
        var college = await db.OrgUnits.FirstAsync(u => u.Kind == OrgUnitKind.College && db.People.Any(p => p.UnitId == u.Id &&
            db.VisitVisitors.Any(x => x.PersonId == p.Id && x.Visit!.ProgrammeKey == "lianzheng" && x.Visit.Status == VisitStatus.Done)));

        var unitLedger = await _exports.LedgerAsync(_jiwei, "lianzheng", 2026, college.Id);
        var all = await _exports.LedgerAsync(_jiwei, "lianzheng", 2026, null);
        var staffLedger = await _exports.LedgerAsync(_staff, "lianzheng", 2026, null);

        Assert.Contains(college.Name, unitLedger.Subtitle);
        Assert.InRange(unitLedger.RowCount, 1, all.RowCount);
        Assert.Equal(0, staffLedger.RowCount);
    }

    [Fact]
    public async Task The_exported_ledger_and_the_roster_template_pass_the_open_xml_schema_validation()
    {
        // Excel refuses (or "repairs") a workbook with schema errors, and WPS is stricter about element order than
        // LibreOffice: the SDK's validator against the Office 2007 schema is the check all three readers accept.
        using var ledger = new MemoryStream();
        await _exports.WriteLedgerXlsxAsync(_jiwei, "lianzheng", 2026, null, ledger);
        ledger.Position = 0;

        Assert.Empty(Validate(ledger));
        Assert.Empty(Validate(new MemoryStream(HomeVisit.Core.Import.RosterTemplate.Build())));

        // The 干部家访 ledger has its own definition (seed 2 附件 1) and its own provider.
        using var ganbu = new MemoryStream();
        await _ganbuExports.WriteLedgerXlsxAsync(_zuzhi, "ganbu", await GanbuYearAsync(), null, ganbu);
        ganbu.Position = 0;
        Assert.Empty(Validate(ganbu));
    }

    [Fact]
    public async Task LibreOffice_opens_the_ganbu_ledger_with_annex_1s_columns_and_reads_the_same_cells()
    {
        using var ledger = new MemoryStream();
        await _ganbuExports.WriteLedgerXlsxAsync(_zuzhi, "ganbu", await GanbuYearAsync(), null, ledger);
        var cells = ReadSheet(ledger);
        Assert.True(cells.Keys.Max(k => k.Row) > 3, "the demo has done 干部家访 visits");

        var rows = await LibreOfficeCsvAsync(ledger.ToArray());

        Assert.EndsWith("领导干部家访台账", rows[0][0]);
        Assert.Equal(HomeVisit.Programmes.Ganbu.GanbuLedger.Columns, Enumerable.Range(0, 7).Select(i => rows[2][i]));
        Assert.Equal(cells.Keys.Max(k => k.Row), rows.Count(r => !r.IsBlank));
        foreach (var ((row, col), text) in cells)
            Assert.Equal(text, rows[row - 1][Array.IndexOf(Enumerable.Range(0, 7).Select(XlsxWriter.Column).ToArray(), col)]);
    }

    private async Task<int> GanbuYearAsync()
    {
        await using var db = _db.CreateContext();
        return await db.Visits.Where(v => v.ProgrammeKey == "ganbu" && v.Status == VisitStatus.Done).Select(v => v.ActualStart!.Value.Year).FirstAsync();
    }

    /// <summary>The workbook as LibreOffice Calc reads it, converted to CSV.</summary>
    private static async Task<List<HomeVisit.Core.Import.RawRow>> LibreOfficeCsvAsync(byte[] workbook)
    {
        var dir = Directory.CreateTempSubdirectory("ledger-lo-");
        try
        {
            var xlsx = Path.Combine(dir.FullName, "ledger.xlsx");
            await File.WriteAllBytesAsync(xlsx, workbook);
            // A profile of its own, so parallel runs (or a desktop LibreOffice) do not share a lock; 76 = UTF-8.
            var start = new System.Diagnostics.ProcessStartInfo("libreoffice")
            {
                ArgumentList =
                {
                    $"-env:UserInstallation=file://{dir.FullName}/profile", "--headless", "--norestore",
                    "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76", "--outdir", dir.FullName, xlsx,
                },
                RedirectStandardOutput = true, RedirectStandardError = true,
            };
            using var process = System.Diagnostics.Process.Start(start)!;
            var stderr = process.StandardError.ReadToEndAsync();
            await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            var csvPath = Path.Combine(dir.FullName, "ledger.csv");
            Assert.True(File.Exists(csvPath), $"LibreOffice did not convert the ledger (exit {process.ExitCode}): {await stderr}");
            return HomeVisit.Core.Import.CsvTableReader.Parse(await File.ReadAllTextAsync(csvPath));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task LibreOffice_opens_the_exported_ledger_and_reads_the_same_cells()
    {
        using var ledger = new MemoryStream();
        await _exports.WriteLedgerXlsxAsync(_jiwei, "lianzheng", 2026, null, ledger);
        var cells = ReadSheet(ledger);

        var rows = await LibreOfficeCsvAsync(ledger.ToArray());

        Assert.Equal("廉政家访台账", rows[0][0]);
        Assert.Equal(CommonLedger.Columns, Enumerable.Range(0, 7).Select(i => rows[2][i]));
        Assert.Equal(cells.Keys.Max(k => k.Row), rows.Count(r => !r.IsBlank));
        foreach (var ((row, col), text) in cells)
            Assert.Equal(text, rows[row - 1][Array.IndexOf(Enumerable.Range(0, 7).Select(XlsxWriter.Column).ToArray(), col)]);
    }

    internal static List<string> Validate(Stream xlsx)
    {
        using var doc = SpreadsheetDocument.Open(xlsx, false);
        return new OpenXmlValidator(FileFormatVersions.Office2007).Validate(doc)
            .Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}").ToList();
    }

    /// <summary>Every cell's text by (row, column), as Excel would show it.</summary>
    private static Dictionary<(int Row, string Col), string> ReadSheet(Stream stream)
    {
        stream.Position = 0;
        using var doc = SpreadsheetDocument.Open(stream, false);
        var sheet = doc.WorkbookPart!.WorksheetParts.Single().Worksheet;
        var result = new Dictionary<(int, string), string>();
        foreach (var cell in sheet.Descendants<Cell>())
        {
            var reference = cell.CellReference!.Value!;
            var col = new string(reference.TakeWhile(char.IsLetter).ToArray());
            var row = int.Parse(reference[col.Length..]);
            var text = cell.DataType?.Value == CellValues.InlineString ? cell.InlineString!.InnerText : cell.CellValue?.Text;
            if (text is not null) result[(row, col)] = text;
        }
        return result;
    }

    public Task DisposeAsync()
    {
        _db.Dispose();
        return Task.CompletedTask;
    }
}
