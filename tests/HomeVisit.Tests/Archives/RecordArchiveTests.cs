using System.IO.Compression;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using HomeVisit.Core.Accounts;
using HomeVisit.Core.Archives;
using HomeVisit.Core.Audit;
using HomeVisit.Core.Data;
using HomeVisit.Core.People;
using HomeVisit.Core.Visits;
using HomeVisit.Programmes.Ganbu;
using HomeVisit.Programmes.Lianzheng;
using HomeVisit.Tests.Exports;
using HomeVisit.Tests.Ganbu;
using HomeVisit.Tests.Lianzheng;
using Microsoft.EntityFrameworkCore;

namespace HomeVisit.Tests.Archives;

/// <summary>
/// The core's record archive (<see cref="RecordArchiveService"/>) over the programmes' contributions: the list, the zip
/// export (an index workbook and one workbook per filed record, opened here as a real zip), its audit, who may open it
/// and which records each user gets.
/// </summary>
public sealed class RecordArchiveTests : IDisposable
{
    private readonly LianzhengWorld _w = new();
    private Services.Scenario S => _w.S;

    public void Dispose() => _w.Dispose();

    /// <summary>李院长 visits the person on the day with 甲学院's liaison as recorder; the liaison signs and sends the form.</summary>
    private Task<int> ArchivedVisitAsync(PortalUser liaisonUser, Person liaison, Person target, DateTime at) =>
        ArchivedVisitAsync(_w, liaisonUser, liaison, target, at);

    internal static async Task<int> ArchivedVisitAsync(LianzhengWorld w, PortalUser liaisonUser, Person liaison, Person target, DateTime at)
    {
        var visit = await w.VisitAsync(w.S.Leader1, at, [w.S.LeaderOne.Id, liaison.Id], [target.Id], recorder: liaison.Id,
            record: $"与{target.Name}座谈。", resolution: "无");
        var status = await w.Lianzheng.GetRecordStatusAsync(liaisonUser, visit);
        await w.Lianzheng.SetSignaturesAsync(liaisonUser, visit, status.Version, leaderSigned: true, recorderSigned: true);
        status = await w.Lianzheng.GetRecordStatusAsync(liaisonUser, visit);
        await w.Lianzheng.ArchiveAsync(liaisonUser, visit, status.Version);
        return visit;
    }

    [Fact]
    public async Task The_export_is_a_zip_with_an_index_and_one_workbook_per_record_as_it_was_filed_and_it_is_audited()
    {
        var (liaison, liaisonUser) = await _w.PersonAsync("吴联络员", S.CollegeJia, "办公室主任", null, Roles.Liaison);
        var (sun, _) = await _w.PersonAsync("孙老师", S.DeptJia, "讲师", "南宁市良庆区五象大道9号");
        var (zhou, _) = await _w.PersonAsync("周老师", S.DeptJia, "副教授", "南宁市西乡塘区大学东路1号");
        var later = await ArchivedVisitAsync(liaisonUser!, liaison, zhou, new DateTime(2026, 11, 18, 19, 30, 0));
        var earlier = await ArchivedVisitAsync(liaisonUser!, liaison, sun, new DateTime(2026, 11, 10, 19, 0, 0));
        // The roster changes after filing; the archive keeps what was sent.
        await using (var db = S.Context())
        {
            (await db.People.SingleAsync(p => p.Id == sun.Id)).HomeAddress = "南宁市青秀区新址1号";
            await db.SaveChangesAsync();
        }

        var reported = new List<double>();
        using var zipped = new MemoryStream();
        var result = await _w.Archives.WriteZipAsync(S.Jiwei, LianzhengWorld.Key, 2026, zipped, new SyncProgress(reported.Add));

        Assert.Equal(new ArchiveExportResult("廉政家访记录单存档-2026.zip", 2), result);
        Assert.Equal(1, reported[^1]);
        zipped.Position = 0;
        using var zip = new ZipArchive(zipped, ZipArchiveMode.Read);
        // In the order the visits took place.
        Assert.Equal(["001-20261110-孙老师.xlsx", "002-20261118-周老师.xlsx", "目录.xlsx"], zip.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal));

        var index = Read(zip, "目录.xlsx");
        Assert.Equal("廉政家访记录单存档", index[(1, "A")]);
        Assert.StartsWith("家访年度：2026　共 2 份", index[(2, "A")]);
        Assert.Equal(RecordArchiveService.IndexColumns, Enumerable.Range(0, 7).Select(i => index[(3, Core.Exports.XlsxWriter.Column(i))]));
        Assert.Equal(["1", "2026-11-10", "孙老师", "李院长", "吴联络员"], new[] { "A", "B", "C", "D", "E" }.Select(c => index[(4, c)]));
        Assert.Equal("001-20261110-孙老师.xlsx", index[(4, "G")]);
        Assert.Equal(("周老师", "002-20261118-周老师.xlsx"), (index[(5, "C")], index[(5, "G")]));

        var record = Fields(Read(zip, "001-20261110-孙老师.xlsx"));
        Assert.Equal("南宁市良庆区五象大道9号", record["家庭住址"]);
        Assert.Equal(("孙老师", "讲师", "2026-11-10"), (record["家访对象姓名"], record["职务"], record["家访时间"]));
        Assert.Equal(("与孙老师座谈。", "李院长", "吴联络员", "已签名"), (record["家访情况记录"], record["家访领导姓名"], record["记录人"], record["家访记录人签名"]));
        Assert.Empty(LedgerWorkbookTests.Validate(Open(zip, "001-20261110-孙老师.xlsx")));
        Assert.Empty(LedgerWorkbookTests.Validate(Open(zip, "目录.xlsx")));

        // One export entry for the programme, and a read of each visit whose record left the portal.
        var audit = await _w.ReadAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.UserId == S.Jiwei.UserId).ToListAsync());
        var export = Assert.Single(audit, a => a.Action == "export");
        Assert.Equal(("archive", "lianzheng", "lianzheng year=2026 records=2"), (export.EntityType, export.EntityId, export.Detail));
        Assert.Equal(new[] { earlier, later }.Select(v => v.ToString()).Order(),
            audit.Where(a => a.Action == AuditActions.Read && a.Detail == "廉政家访记录单存档导出").Select(a => a.EntityId).Order());

        // Another year's export is empty but still a zip with its index.
        using var empty = new MemoryStream();
        Assert.Equal(0, (await _w.Archives.WriteZipAsync(S.Jiwei, LianzhengWorld.Key, 2025, empty)).Records);
        empty.Position = 0;
        using var emptyZip = new ZipArchive(empty, ZipArchiveMode.Read);
        Assert.Equal("目录.xlsx", Assert.Single(emptyZip.Entries).FullName);
    }

    [Fact]
    public async Task Only_those_the_programme_lets_open_its_archive_export_it_and_nothing_of_a_switched_off_programme()
    {
        var (liaison, liaisonUser) = await _w.PersonAsync("吴联络员", S.CollegeJia, "办公室主任", null, Roles.Liaison);
        var (sun, _) = await _w.PersonAsync("孙老师", S.DeptJia, "讲师", "南宁市良庆区五象大道9号");
        await ArchivedVisitAsync(liaisonUser!, liaison, sun, new DateTime(2026, 11, 10, 19, 0, 0));

        // 廉政家访's rule: the discipline office's archive; the organisation department and the liaison who sent it are refused.
        Assert.True(await _w.Archives.MayReadAsync(S.Jiwei, LianzhengWorld.Key));
        Assert.False(await _w.Archives.MayReadAsync(S.Zuzhi, LianzhengWorld.Key));
        var denied = await Assert.ThrowsAsync<AccessDeniedException>(() => _w.Archives.WriteZipAsync(S.Zuzhi, LianzhengWorld.Key, null, new MemoryStream()));
        Assert.Equal("只有纪检监察室可以查看记录单存档。", denied.Message);
        await Assert.ThrowsAsync<AccessDeniedException>(() => _w.Archives.WriteZipAsync(liaisonUser!, LianzhengWorld.Key, null, new MemoryStream()));
        // A programme without an archive has none.
        await Assert.ThrowsAsync<NotFoundException>(() => _w.Archives.ListAsync(S.Jiwei, "qinglian", null));
        Assert.False(await _w.Archives.MayReadAsync(S.Jiwei, "qinglian"));

        await S.Rules.SetEnabledAsync(S.Admin, LianzhengAccess.ProgrammeKey, enabled: false);
        await Assert.ThrowsAsync<NotFoundException>(() => _w.Archives.WriteZipAsync(S.Jiwei, LianzhengWorld.Key, null, new MemoryStream()));
        Assert.False(await _w.Archives.MayReadAsync(S.Jiwei, LianzhengWorld.Key));
        Assert.Equal(0, await _w.ReadAsync(db => db.AuditEntries.CountAsync(a => a.Action == "export")));
    }

    [Fact]
    public async Task Each_user_gets_the_archived_records_of_visits_they_may_see()
    {
        using var g = new GanbuWorld();
        var archives = new RecordArchiveService(g.S.Db.Factory, g.Catalog, g.Access, [new GanbuArchive(g.Forms)], g.Clock);
        var head = await RecordedVisitAsync(g, g.EduHeadUser, g.EduHead.Id, daysAgo: 10);
        var deputy = await RecordedVisitAsync(g, g.EduDeputyInChargeUser, g.EduDeputyInCharge.Id, daysAgo: 3);
        await g.Forms.ArchiveAsync(g.EduHeadUser, head);
        await g.Forms.ArchiveAsync(g.EduDeputyInChargeUser, deputy);

        // The organisation department oversees 干部家访: both; each leader: their own visit only.
        Assert.Equal([deputy, head], (await archives.ListAsync(g.OrgDept, GanbuAccess.ProgrammeKey, 2026)).Items.Select(r => r.VisitId));
        var own = Assert.Single((await archives.ListAsync(g.EduHeadUser, GanbuAccess.ProgrammeKey, null)).Items);
        Assert.Equal((head, "钱干部", "周局长", "周局长"), (own.VisitId, own.Targets, own.Leaders, own.ArchivedBy));
        Assert.Empty((await archives.ListAsync(g.EduDeputyFirstUser, GanbuAccess.ProgrammeKey, null)).Items);

        using var zipped = new MemoryStream();
        Assert.Equal(1, (await archives.WriteZipAsync(g.EduHeadUser, GanbuAccess.ProgrammeKey, 2026, zipped)).Records);
        zipped.Position = 0;
        using var zip = new ZipArchive(zipped, ZipArchiveMode.Read);
        var name = Assert.Single(zip.Entries, e => e.FullName != RecordArchiveService.IndexFileName).FullName;
        Assert.EndsWith("-钱干部.xlsx", name);
        var form = Fields(Read(zip, name));
        Assert.Equal(("县教育局", "乙县城关镇建设路8号", "钱妻", "乙县第一中学 教师"), (form["单位"], form["家庭住址"], form["配偶姓名"], form["工作单位及职务"]));
    }

    private static async Task<int> RecordedVisitAsync(GanbuWorld g, PortalUser by, int visitor, int daysAgo)
    {
        var start = g.Clock.Today.AddDays(-daysAgo).AddHours(19);
        var id = await g.Visits.SavePlanAsync(by, new VisitPlan
        {
            ProgrammeKey = GanbuAccess.ProgrammeKey, Form = VisitForm.HomeVisit, PlannedStart = start, VisitorIds = [visitor], TargetPersonIds = [g.Qian.Id],
        });
        var v = await g.Visits.GetAsync(by, id);
        await g.Visits.RecordOutcomeAsync(by, id, new VisitOutcome { Version = v.Version, ActualStart = start, Record = "谈心谈话，了解家庭情况。" });
        return id;
    }

    /// <summary>Progress&lt;T&gt; posts to the thread pool; this records each report as it is made.</summary>
    private sealed class SyncProgress(Action<double> report) : IProgress<double>
    {
        public void Report(double value) => report(value);
    }

    private static MemoryStream Open(ZipArchive zip, string name)
    {
        var copy = new MemoryStream();
        using (var entry = zip.GetEntry(name)!.Open()) entry.CopyTo(copy);
        copy.Position = 0;
        return copy;
    }

    /// <summary>Every cell's text of the workbook's first sheet by (row, column).</summary>
    private static Dictionary<(int Row, string Col), string> Read(ZipArchive zip, string name)
    {
        using var stream = Open(zip, name);
        using var doc = SpreadsheetDocument.Open(stream, false);
        var part = (WorksheetPart)doc.WorkbookPart!.GetPartById(doc.WorkbookPart.Workbook.Sheets!.Elements<Sheet>().First().Id!);
        var result = new Dictionary<(int, string), string>();
        foreach (var cell in part.Worksheet.Descendants<Cell>())
        {
            var reference = cell.CellReference!.Value!;
            var col = new string(reference.TakeWhile(char.IsLetter).ToArray());
            var text = cell.DataType?.Value == CellValues.InlineString ? cell.InlineString!.InnerText : cell.CellValue?.Text;
            if (text is not null) result[(int.Parse(reference[col.Length..]), col)] = text;
        }
        return result;
    }

    /// <summary>A record workbook's 项目 → 内容 rows (row 1 is the form's title, row 2 the header).</summary>
    private static Dictionary<string, string?> Fields(Dictionary<(int Row, string Col), string> cells) =>
        cells.Where(c => c.Key.Col == "A" && c.Key.Row > 2)
            .ToDictionary(c => c.Value, c => cells.GetValueOrDefault((c.Key.Row, "B")));
}
