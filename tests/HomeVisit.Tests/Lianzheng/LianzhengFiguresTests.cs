using HomeVisit.Core.Exports;
using HomeVisit.Core.Institutions;
using HomeVisit.Programmes.Lianzheng;
using HomeVisit.Core.People;
using HomeVisit.Core.Visits;
using HomeVisit.Tests.Lianxi;

namespace HomeVisit.Tests.Lianzheng;

/// <summary>
/// Issue 17: one year of 廉政家访 computed through every view — home card, /quotas, the dashboard's roll-up, the period
/// summary and its workbook, the year-end assessment, the ledger page and its workbook — gives the same numbers, and
/// the leaders without an account (the school's head, a 纪委委员) are counted in all of them.
/// </summary>
public sealed class LianzhengFiguresTests : IDisposable
{
    private static readonly DateOnly Day = new(2026, 11, 20);
    private readonly LianzhengWorld _w = new();

    public void Dispose() => _w.Dispose();

    private Person Teacher(int n)
    {
        using var db = _w.S.Context();
        return db.People.Single(p => p.InstitutionId == _w.S.InstitutionA && p.StaffNumber == $"T{n:000}");
    }

    private void Visit(int visitor, int target, DateTime when)
    {
        using var db = _w.S.Context();
        db.Visits.Add(new Visit
        {
            InstitutionId = _w.S.InstitutionA, ProgrammeKey = LianzhengWorld.Key, Form = VisitForm.HomeVisit, Status = VisitStatus.Done,
            PlannedStart = when, PlannedEnd = when.AddHours(1), ActualStart = when, Record = "家访。",
            CreatedByUserId = _w.S.Admin.UserId, CreatedAt = DateTime.UtcNow,
            Visitors = [new VisitVisitor { PersonId = visitor, IsRecorder = true }], Targets = [new VisitTarget { PersonId = target }],
        });
        db.SaveChanges();
    }

    [Fact]
    public async Task Every_view_of_a_year_shows_the_same_figures()
    {
        var s = _w.S;
        // 党委书记 (一把手 of the school) and a 纪委委员 have no account; 李院长 (副职 of 甲学院) has one.
        var (head, _) = await _w.PersonAsync("周书记", s.School, "党委书记");
        var (jiwei, _) = await _w.PersonAsync("吴委员", s.DeptJia, "讲师");
        await _w.LeadsAsync(head.Id, s.School, LeadershipRole.Head);
        await _w.LeadsAsync(jiwei.Id, s.School, LeadershipRole.DisciplineCommitteeMember);
        await _w.LeadsAsync(s.LeaderOne.Id, s.CollegeJia, LeadershipRole.Deputy);

        // 李院长: 4 people (one twice) — met; 周书记: 1 of 2; 吴委员: 2 of 2; one visit in 2025 counts for nothing.
        for (var n = 1; n <= 4; n++) Visit(s.LeaderOne.Id, Teacher(n).Id, new DateTime(2026, 3, n, 19, 0, 0));
        Visit(s.LeaderOne.Id, Teacher(1).Id, new DateTime(2026, 9, 1, 19, 0, 0));
        Visit(head.Id, Teacher(5).Id, new DateTime(2026, 4, 1, 19, 0, 0));
        Visit(jiwei.Id, Teacher(6).Id, new DateTime(2026, 5, 1, 19, 0, 0));
        Visit(jiwei.Id, Teacher(7).Id, new DateTime(2026, 6, 1, 19, 0, 0));
        Visit(head.Id, Teacher(8).Id, new DateTime(2025, 12, 1, 19, 0, 0));

        var card = await _w.Quotas.MyQuotasAsync(s.Leader1, LianzhengWorld.Key, Day);
        var all = await _w.Quotas.VisitorQuotasAsync(s.Jiwei, LianzhengWorld.Key, Day, null, false, 1, 50);
        var rollup = await _w.Quotas.UnitRollupAsync(s.Jiwei, LianzhengWorld.Key, Day);
        var assessment = await _w.Lianzheng.AssessmentAsync(s.Jiwei, 2026);
        var ledger = await _w.Lianzheng.LedgerAsync(s.Jiwei, 2026, null);
        var exports = new ExportService(s.Db.Factory, [new LianzhengLedgerProvider(_w.Lianzheng)], new CommonLedger(s.Db.Factory, _w.Catalog, s.Org, s.Rules), s.Clock);
        var summaries = new PeriodSummaryService(s.Db.Factory, _w.Catalog, _w.Quotas, exports);
        var period = await summaries.BuildAsync(s.Jiwei, LianzhengWorld.Key, Day);
        using var summaryXlsx = new MemoryStream();
        await summaries.WriteXlsxAsync(s.Jiwei, LianzhengWorld.Key, Day, summaryXlsx);
        using var ledgerXlsx = new MemoryStream();
        await exports.WriteLedgerXlsxAsync(s.Jiwei, LianzhengWorld.Key, 2026, null, ledgerXlsx);

        // /quotas: the three people the rules name, with and without an account.
        Assert.Equal(new[] { (head.Id, 2, 1), (jiwei.Id, 2, 2), (s.LeaderOne.Id, 4, 4) }.OrderBy(x => x.Item1),
            all.Rows.Items.Select(r => (r.PersonId, r.Required, r.Done)).OrderBy(x => x.PersonId));
        // Home card: 李院长's own line is the /quotas row.
        var mine = Assert.Single(card.Lines);
        Assert.Equal((4, 4, true), (mine.Required, mine.Done, mine.Met));
        // Dashboard roll-up = the assessment's quota columns, per unit and in total.
        Assert.Equal(rollup.Units.Select(u => (u.UnitName, u.Visitors, u.OnTrack, u.Required, u.Done)),
            assessment.Units.Where(u => u.Visitors > 0).Select(u => (u.UnitName, u.Visitors, u.Met, u.Required, u.Done)));
        Assert.Equal((3, 2, 8, 7), (rollup.Total.Visitors, rollup.Total.OnTrack, rollup.Total.Required, rollup.Total.Done));
        Assert.Equal((3, 2, 8, 7), (assessment.Total.Visitors, assessment.Total.Met, assessment.Total.Required, assessment.Total.Done));
        // Period summary (page and workbook): people with a quota and those who met it; the done visits of the year.
        Assert.Equal((3, 2, 8), (period.Total.QuotaVisitors, period.Total.QuotaOnTrack, period.Total.Done));
        Assert.Equal(rollup.Units.Select(u => (u.UnitName, u.Visitors, u.OnTrack)),
            period.Units.Where(u => u.QuotaVisitors > 0).Select(u => (u.UnitName, u.QuotaVisitors, u.QuotaOnTrack)));
        var total = LianxiFiguresTests.ReadFirstSheet(summaryXlsx).Single(r => r.FirstOrDefault() == "合计");
        Assert.Equal(["合计", "8"], total[..2]);
        Assert.Equal(["3", "2"], total[^2..]);
        // The same 8 done visits in the assessment, the ledger page and the ledger workbook.
        Assert.Equal(8, assessment.Total.VisitsDone);
        Assert.Equal(8, ledger.Rows.Count);
        var ledgerRows = LianxiFiguresTests.ReadFirstSheet(ledgerXlsx).Where(r => int.TryParse(r.FirstOrDefault(), out _)).ToList();
        Assert.Equal(ledger.Rows.Select(r => r.No.ToString()), ledgerRows.Select(r => r[0]));
    }
}
