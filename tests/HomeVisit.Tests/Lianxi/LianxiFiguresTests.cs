using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using HomeVisit.Core.Exports;
using HomeVisit.Core.Institutions;
using HomeVisit.Programmes.Lianxi;
using HomeVisit.Core.People;
using HomeVisit.Core.Visits;

namespace HomeVisit.Tests.Lianxi;

/// <summary>
/// Issue 17 items 4 and 6: 联系师生's quotas are owed per link (seed 4 四、1, 四、2) by every leader with links, account
/// or not, and the home card, /quotas, the dashboard, the period summary and its workbook, and the semester summary
/// show the same numbers for the same semester.
/// </summary>
public sealed class LianxiFiguresTests : IDisposable
{
    private const string Key = "lianxi";
    private static readonly DateOnly Day = new(2026, 11, 20);
    private readonly LianxiWorld _w = new();

    public void Dispose() => _w.Dispose();

    private int AddBranch(string name, int parent)
    {
        using var db = _w.S.Context();
        var branch = new OrgUnit { InstitutionId = _w.S.InstitutionA, ParentId = parent, Name = name, Kind = OrgUnitKind.PartyBranch };
        db.OrgUnits.Add(branch);
        db.SaveChanges();
        return branch.Id;
    }

    private Person Teacher(string staffNumber)
    {
        using var db = _w.S.Context();
        return db.People.Single(p => p.InstitutionId == _w.S.InstitutionA && p.StaffNumber == staffNumber);
    }

    /// <summary>A visit written straight into the database, for a leader who has no account to plan with.</summary>
    private void Visit(int leader, VisitForm form, DateTime when, int? branch = null, int? person = null, bool done = true)
    {
        using var db = _w.S.Context();
        var visit = new Visit
        {
            InstitutionId = _w.S.InstitutionA, ProgrammeKey = Key, Form = form, Status = done ? VisitStatus.Done : VisitStatus.Planned,
            PlannedStart = when, PlannedEnd = when.AddHours(1), ActualStart = done ? when : null, Record = "记录。",
            CreatedByUserId = _w.S.Admin.UserId, CreatedAt = DateTime.UtcNow,
            Visitors = [new VisitVisitor { PersonId = leader, IsRecorder = true }],
        };
        if (branch is int b) visit.Targets.Add(new VisitTarget { OrgUnitId = b });
        if (person is int p) visit.Targets.Add(new VisitTarget { PersonId = p });
        db.Visits.Add(visit);
        db.SaveChanges();
    }

    [Fact]
    public async Task The_quota_card_counts_each_link_as_the_seed_says_and_agrees_with_the_semester_summary()
    {
        await _w.LinkLeaderOneAsync();
        var unlinked = AddBranch("乙学院第一党支部", _w.S.CollegeYi);
        await _w.ActivityAsync(LianxiForms.BranchActivity, LianxiWorld.At(10, 10), branch: _w.S.BranchJia);
        // An activity at a branch the leader is not linked to counts for nothing.
        await _w.ActivityAsync(LianxiForms.BranchActivity, LianxiWorld.At(10, 11), branch: unlinked);
        // A talk with the linked branch's secretary counts toward 与联系党支部书记谈心 only.
        await _w.ActivityAsync(VisitForm.HeartTalk, LianxiWorld.At(10, 12), person: _w.Secretary.Id);
        // A talk with someone neither linked nor a linked branch's secretary counts for nothing.
        await _w.ActivityAsync(VisitForm.HeartTalk, LianxiWorld.At(10, 13), person: _w.Teacher3.Id);
        // Three talks with 张老师 cover 张老师's two, not 教师02's.
        for (var d = 14; d <= 16; d++) await _w.ActivityAsync(VisitForm.HeartTalk, LianxiWorld.At(10, d), person: _w.S.StaffOne.Id);

        var mine = await _w.Quotas.MyQuotasAsync(_w.S.Leader1, Key, Day);
        var summary = await _w.Progress.SummaryAsync(_w.Office, Day);

        // 2 branches × 2 activities, × 2 reports, × 1 talk with the secretary; 2 individuals × 2 talks.
        Assert.Equal([(4, 1, 3), (4, 0, 4), (2, 1, 1), (4, 2, 2)],
            mine.Lines.OrderBy(l => l.RuleIndex).Select(l => (l.Required, l.Done, l.Owed)).ToArray());
        Assert.Equal("2026-2027学年第一学期：依据四、2，与联系对象谈心谈话每学期与每名联系对象不少于 2 次（2 名，共 4 次）；已完成 2 次，已安排 0 次，尚差 2 次。",
            mine.Lines.Single(l => l.RuleIndex == 3).Reason);
        var row = summary.Total.Leaders.Single(r => r.LeaderId == _w.S.LeaderOne.Id);
        Assert.Equal((row.Required, row.Done), (mine.Lines.Sum(l => l.Required), mine.Lines.Sum(l => l.Done)));
    }

    [Fact]
    public async Task Every_view_of_a_semester_shows_the_same_figures_for_leaders_with_and_without_an_account()
    {
        var s = _w.S;
        // Leader one (an account) as in LianxiWorld; 赵书记 of 乙学院 has no account, one branch and two individuals.
        await _w.LinkLeaderOneAsync();
        int noAccount;
        await using (var db = s.Db.CreateContext())
        {
            var p = new Person { InstitutionId = s.InstitutionA, UnitId = s.CollegeYi, Name = "赵书记", StaffNumber = "Z001", Position = "党总支书记" };
            db.People.Add(p);
            await db.SaveChangesAsync();
            noAccount = p.Id;
        }
        var yiBranch = AddBranch("乙学院第一党支部", s.CollegeYi);
        var (t4, t5) = (Teacher("T004"), Teacher("T005"));
        await _w.Links.SaveBranchesAsync(s.Zuzhi, new BranchLinksEdit { LeaderId = noAccount, BranchIds = [yiBranch], StartsOn = LianxiWorld.At(9, 1) });
        await _w.Links.SaveIndividualsAsync(_w.Office, new IndividualLinksEdit
        {
            LeaderId = noAccount, StartsOn = LianxiWorld.At(9, 1),
            People = [new() { PersonId = t4.Id, Category = LinkedPersonCategory.YoungTeacher }, new() { PersonId = t5.Id, Category = LinkedPersonCategory.PartyActivist }],
        });

        // Leader one meets branch 1's activities and talks with 张老师 twice; the rest is short.
        await _w.ActivityAsync(LianxiForms.BranchActivity, LianxiWorld.At(9, 20), branch: s.BranchJia);
        await _w.ActivityAsync(LianxiForms.BranchActivity, LianxiWorld.At(10, 20), branch: s.BranchJia);
        await _w.ActivityAsync(LianxiForms.BranchReport, LianxiWorld.At(11, 2), branch: s.BranchJia, done: false);
        await _w.ActivityAsync(VisitForm.HeartTalk, LianxiWorld.At(9, 25), person: s.StaffOne.Id);
        await _w.ActivityAsync(VisitForm.HeartTalk, LianxiWorld.At(10, 25), person: s.StaffOne.Id);
        // 赵书记 does everything: 2 activities, 2 reports, a talk at the branch, two talks with each individual.
        foreach (var (form, month, day) in new[] { (LianxiForms.BranchActivity, 9, 10), (LianxiForms.BranchActivity, 10, 10), (LianxiForms.BranchReport, 10, 11),
                     (LianxiForms.BranchReport, 11, 11), (VisitForm.HeartTalk, 11, 12) })
            Visit(noAccount, form, LianxiWorld.At(month, day), branch: yiBranch);
        foreach (var (who, month) in new[] { (t4.Id, 9), (t4.Id, 10), (t5.Id, 10), (t5.Id, 11) })
            Visit(noAccount, VisitForm.HeartTalk, LianxiWorld.At(month, 15), person: who);

        // Last semester (spring 2026): in the calendar year, not in this semester.
        Visit(noAccount, VisitForm.HeartTalk, LianxiWorld.At(5, 15), person: t4.Id);

        var semester = await _w.Progress.SummaryAsync(_w.Office, Day);
        var card = await _w.Quotas.MyQuotasAsync(s.Leader1, Key, Day);
        var quotas = await _w.Quotas.VisitorQuotasAsync(_w.Office, Key, Day, null, false, 1, 50);
        var rollup = await _w.Quotas.UnitRollupAsync(_w.Office, Key, Day);
        var exports = new ExportService(s.Db.Factory, [], new CommonLedger(s.Db.Factory, _w.Catalog, s.Org, s.Rules), s.Clock);
        var periodSummaries = new PeriodSummaryService(s.Db.Factory, _w.Catalog, _w.Quotas, exports);
        var period = await periodSummaries.BuildAsync(_w.Office, Key, Day);
        using var xlsx = new MemoryStream();
        await periodSummaries.WriteXlsxAsync(_w.Office, Key, Day, xlsx);
        var sheet = ReadFirstSheet(xlsx);
        using var semesterXlsx = new MemoryStream();
        await _w.Progress.WriteSummaryXlsxAsync(_w.Office, Day, null, semesterXlsx);
        var semesterSheet = ReadFirstSheet(semesterXlsx);

        // The semester summary: 赵书记 met everything (5 + 4 = 9); leader one 14 required, 2 + 2 done.
        var zhao = semester.Total.Leaders.Single(r => r.LeaderId == noAccount);
        var li = semester.Total.Leaders.Single(r => r.LeaderId == s.LeaderOne.Id);
        Assert.Equal((9, 9, true), (zhao.Required, zhao.Done, zhao.Met));
        Assert.Equal((14, 4, false), (li.Required, li.Done, li.Met));
        Assert.Equal((2, 1, 23, 13), (semester.Total.Leaders.Count, semester.Total.MetCount, semester.Total.Required, semester.Total.Done));

        // Home card and /quotas (my lines): leader one's.
        Assert.Equal(semester.Period, card.Period);
        Assert.Equal((li.Required, li.Done), (card.Lines.Sum(l => l.Required), card.Lines.Sum(l => l.Done)));
        Assert.Equal(!li.Met, card.Lines.Any(l => !l.Met));
        // /quotas (everyone): both leaders, 赵书记 without an account included.
        Assert.Equal(semester.Total.Leaders.Select(r => (r.LeaderId, r.Required, r.Done, !r.Met)).OrderBy(x => x.LeaderId),
            quotas.Rows.Items.Select(r => (r.PersonId, r.Required, r.Done, r.Behind)).OrderBy(x => x.PersonId));
        // Dashboard: the roll-up by college.
        Assert.Equal(semester.Units.Select(u => (u.UnitName, u.Leaders.Count, u.MetCount, u.Required, u.Done)),
            rollup.Units.Select(u => (u.UnitName, u.Visitors, u.OnTrack, u.Required, u.Done)));
        Assert.Equal((2, 1, 23, 13), (rollup.Total.Visitors, rollup.Total.OnTrack, rollup.Total.Required, rollup.Total.Done));
        // Period summary and its workbook: the people with a quota and those who met it, per college and in total.
        Assert.Equal((2, 1), (period.Total.QuotaVisitors, period.Total.QuotaOnTrack));
        Assert.Equal(semester.Units.Select(u => (u.UnitName, u.Leaders.Count, u.MetCount)),
            period.Units.Where(u => u.QuotaVisitors > 0).Select(u => (u.UnitName, u.QuotaVisitors, u.QuotaOnTrack)));
        var total = sheet.Single(r => r.FirstOrDefault() == "合计");
        Assert.Equal(["2", "1"], total[^2..]);
        foreach (var unit in semester.Units)
            Assert.Equal([unit.Leaders.Count.ToString(), unit.MetCount.ToString()], sheet.Single(r => r.FirstOrDefault() == unit.UnitName)[^2..]);
        // The semester summary's workbook: each leader, each college and the total as on the page.
        foreach (var r in semester.Total.Leaders)
            Assert.Equal([r.Required.ToString(), r.Done.ToString()], semesterSheet.Single(x => x.Length > 1 && x[1] == r.Name)[5..7]);
        foreach (var unit in semester.Units)
            Assert.Equal([unit.Required.ToString(), unit.Done.ToString()], semesterSheet.Single(x => x.FirstOrDefault() == $"{unit.UnitName}小计")[5..7]);
        Assert.Equal(["23", "13"], semesterSheet.Single(x => x.FirstOrDefault() == "全校合计")[5..7]);
        // The ledger follows the semester, not the calendar year (whose spring semester had a talk too): its rows are
        // the period summary's done visits.
        var ledger = await exports.LedgerAsync(_w.Office, Key, Day, null);
        Assert.Equal(period.Total.Done, ledger.RowCount);
        Assert.Contains(semester.Period.Label, ledger.Subtitle);
    }

    /// <summary>
    /// Issue 17: one verdict per leader. 王院长 has one branch and no individual yet (三、2 says 2–3: the office's arrangement
    /// falls short) and met every line he owes: the card, /quotas and the dashboard say 达到要求, so the semester summary
    /// says so too and lists the missing individuals as a shortfall. And the card's 逾期未完成 is the visit list's.
    /// </summary>
    [Fact]
    public async Task A_leader_with_too_few_links_who_met_every_line_is_met_everywhere_and_the_cards_overdue_is_the_lists()
    {
        var s = _w.S;
        await _w.LinkLeaderOneAsync();
        await _w.Links.SaveBranchesAsync(s.Zuzhi, new BranchLinksEdit { LeaderId = s.LeaderTwo.Id, BranchIds = [_w.BranchTwo], StartsOn = LianxiWorld.At(9, 1), ConfirmOutsideCollege = true });
        foreach (var (form, day) in new[] { (LianxiForms.BranchActivity, 10), (LianxiForms.BranchActivity, 11), (LianxiForms.BranchReport, 12), (LianxiForms.BranchReport, 13), (VisitForm.HeartTalk, 14) })
            Visit(s.LeaderTwo.Id, form, LianxiWorld.At(10, day), branch: _w.BranchTwo);
        // Leader one: a report planned for 2 November, never recorded (overdue on 20 November), and one ahead.
        await _w.ActivityAsync(LianxiForms.BranchReport, LianxiWorld.At(11, 2), branch: s.BranchJia, done: false);
        await _w.ActivityAsync(LianxiForms.BranchReport, LianxiWorld.At(12, 2), branch: s.BranchJia, done: false);

        var card = await _w.Quotas.MyQuotasAsync(s.Leader2, Key, Day);
        var semester = await _w.Progress.SummaryAsync(_w.Office, Day);
        var rollup = await _w.Quotas.UnitRollupAsync(_w.Office, Key, Day);
        var quotas = await _w.Quotas.VisitorQuotasAsync(_w.Office, Key, Day, null, false, 1, 50);

        Assert.True(card.Lines.Count > 0 && card.Lines.All(l => l.Met));
        var wang = semester.Total.Leaders.Single(r => r.LeaderId == s.LeaderTwo.Id);
        Assert.True(wang.Met);
        Assert.Contains("联系对象 0 名，不足 2 名（三、2）", wang.Shortfalls);
        Assert.False(quotas.Rows.Items.Single(r => r.PersonId == s.LeaderTwo.Id).Behind);
        Assert.Equal((semester.Total.Leaders.Count, semester.Total.MetCount), (rollup.Total.Visitors, rollup.Total.OnTrack));

        var mine = await _w.Quotas.MyQuotasAsync(s.Leader1, Key, Day);
        Assert.Equal(1, mine.Overdue);
        Assert.Equal(mine.Overdue, (await _w.Visits.ListAsync(s.Leader1, mine.OverdueVisits)).Total);
        Assert.Equal(0, card.Overdue);
    }

    /// <summary>The first sheet's rows as the cells' text, in column order.</summary>
    internal static List<string[]> ReadFirstSheet(Stream stream)
    {
        stream.Position = 0;
        using var doc = SpreadsheetDocument.Open(stream, false);
        var part = doc.WorkbookPart!;
        var first = part.Workbook.Sheets!.Elements<Sheet>().First();
        var sheet = ((WorksheetPart)part.GetPartById(first.Id!.Value!)).Worksheet;
        return sheet.Descendants<Row>().Select(r => r.Elements<Cell>()
            .Select(c => c.DataType?.Value == CellValues.InlineString ? c.InlineString!.InnerText : c.CellValue?.Text ?? "").ToArray()).ToList();
    }
}
