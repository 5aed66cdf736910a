using HomeVisit.Core.Exports;
using HomeVisit.Core.Institutions;
using HomeVisit.Core.Programmes;
using HomeVisit.Core.Quotas;
using HomeVisit.Core.Visits;
using HomeVisit.Tests.Lianxi;
using HomeVisit.Tests.Services;

namespace HomeVisit.Tests.Qinglian;

/// <summary>
/// Issue 17: one half year of 清廉家访 computed through every view — home card, /quotas, the dashboard's roll-up, the
/// period summary and its workbook, the ledger — gives the same numbers, and every 班子成员 of the organisation tree is counted,
/// account or not (二、1, 二、2).
/// </summary>
public sealed class QinglianFiguresTests : IDisposable
{
    private const string Key = "qinglian";
    private static readonly DateOnly Day = new(2026, 11, 20);
    private readonly Scenario _s = new();

    public void Dispose() => _s.Dispose();

    private int Teacher(int n)
    {
        using var db = _s.Context();
        return db.People.Single(p => p.InstitutionId == _s.InstitutionA && p.StaffNumber == $"T{n:000}").Id;
    }

    private void Lead(int person, int unit, LeadershipRole role)
    {
        using var db = _s.Context();
        db.UnitLeaderships.Add(new UnitLeadership { InstitutionId = _s.InstitutionA, UnitId = unit, PersonId = person, Role = role });
        db.SaveChanges();
    }

    private void Visit(int visitor, int target, DateTime when, VisitStatus status = VisitStatus.Done)
    {
        using var db = _s.Context();
        db.Visits.Add(new Visit
        {
            InstitutionId = _s.InstitutionA, ProgrammeKey = Key, Form = VisitForm.HomeVisit, Status = status,
            PlannedStart = when, PlannedEnd = when.AddHours(1), ActualStart = status == VisitStatus.Done ? when : null, Record = "家访。",
            CreatedByUserId = _s.Admin.UserId, CreatedAt = DateTime.UtcNow,
            Visitors = [new VisitVisitor { PersonId = visitor, IsRecorder = true }], Targets = [new VisitTarget { PersonId = target }],
        });
        db.SaveChanges();
    }

    [Fact]
    public async Task Every_view_of_a_half_year_shows_the_same_figures()
    {
        // 甲学院: 李院长 (一把手, an account) and 教师10 (分管, no account); 乙学院: 王院长 (一把手) and 教师11 (副职, no account).
        var (overseer, deputy) = (Teacher(10), Teacher(11));
        Lead(_s.LeaderOne.Id, _s.CollegeJia, LeadershipRole.Head);
        Lead(overseer, _s.CollegeJia, LeadershipRole.Oversees);
        Lead(_s.LeaderTwo.Id, _s.CollegeYi, LeadershipRole.Head);
        Lead(deputy, _s.CollegeYi, LeadershipRole.Deputy);
        // Second half of 2026: 李院长 and 教师11 visit; 教师10 has one planned; the June visit belongs to the first half.
        Visit(_s.LeaderOne.Id, _s.StaffOne.Id, new DateTime(2026, 9, 1, 19, 0, 0));
        Visit(deputy, Teacher(3), new DateTime(2026, 10, 1, 19, 0, 0));
        Visit(overseer, Teacher(4), new DateTime(2026, 12, 1, 19, 0, 0), VisitStatus.Planned);
        Visit(_s.LeaderTwo.Id, Teacher(5), new DateTime(2026, 6, 30, 19, 0, 0));

        var catalog = new ProgrammeCatalog(HomeVisit.Portal.Programmes.ProgrammesServiceCollectionExtensions.Modules);
        var quotas = new QuotaService(_s.Db.Factory, _s.Rules, catalog);
        var card = await quotas.MyQuotasAsync(_s.Leader1, Key, Day);
        var all = await quotas.VisitorQuotasAsync(_s.Zuzhi, Key, Day, null, false, 1, 50);
        var rollup = await quotas.UnitRollupAsync(_s.Zuzhi, Key, Day);
        var exports = new ExportService(_s.Db.Factory, [], new CommonLedger(_s.Db.Factory, catalog, _s.Org, _s.Rules), _s.Clock);
        var summaries = new PeriodSummaryService(_s.Db.Factory, catalog, quotas, exports);
        var period = await summaries.BuildAsync(_s.Zuzhi, Key, Day);
        using var xlsx = new MemoryStream();
        await summaries.WriteXlsxAsync(_s.Zuzhi, Key, Day, xlsx);
        var sheet = LianxiFiguresTests.ReadFirstSheet(xlsx);

        Assert.Equal("2026年下半年", card.Period.Label);
        var mine = Assert.Single(card.Lines);
        Assert.Equal((1, 1, 0), (mine.Required, mine.Done, mine.Owed));
        // /quotas: all four 班子成员, two of them without an account.
        Assert.Equal(new[] { (_s.LeaderOne.Id, 1, 0), (overseer, 0, 1), (_s.LeaderTwo.Id, 0, 0), (deputy, 1, 0) }.OrderBy(x => x.Item1),
            all.Rows.Items.Select(r => (r.PersonId, r.Done, r.Planned)).OrderBy(x => x.PersonId));
        Assert.Equal(mine.Done, all.Rows.Items.Single(r => r.PersonId == _s.LeaderOne.Id).Done);
        // Dashboard roll-up, period summary page and workbook: per college of each person's own unit (教师10 and 教师11 are
        // teachers of 甲学院's department) and in total.
        Assert.Equal([("甲学院", 3, 2, 3, 2), ("乙学院", 1, 0, 1, 0)], rollup.Units.Select(u => (u.UnitName, u.Visitors, u.OnTrack, u.Required, u.Done)));
        Assert.Equal((4, 2), (rollup.Total.Visitors, rollup.Total.OnTrack));
        Assert.Equal(rollup.Units.Select(u => (u.UnitName, u.Visitors, u.OnTrack)),
            period.Units.Where(u => u.QuotaVisitors > 0).Select(u => (u.UnitName, u.QuotaVisitors, u.QuotaOnTrack)));
        Assert.Equal((2, 1, 4, 2), (period.Total.Done, period.Total.Planned, period.Total.QuotaVisitors, period.Total.QuotaOnTrack));
        foreach (var u in period.Units.Append(period.Total))
        {
            var row = sheet.Single(r => r.FirstOrDefault() == u.UnitName);
            Assert.Equal([u.Done.ToString(), u.Planned.ToString()], row[1..3]);
            Assert.Equal([u.QuotaVisitors.ToString(), u.QuotaOnTrack.ToString()], row[^2..]);
        }
        // The ledger of the half year (the programme's period, not the calendar year with its June visit): one row per
        // done visit the summary counts, in total and per college.
        var ledger = await exports.LedgerAsync(_s.Zuzhi, Key, Day, null);
        Assert.Equal(period.Total.Done, ledger.RowCount);
        Assert.Contains("2026年下半年", ledger.Subtitle);
        Assert.Equal(period.Units.Single(u => u.UnitName == "甲学院").Done, (await exports.LedgerAsync(_s.Zuzhi, Key, Day, _s.CollegeJia)).RowCount);
        Assert.Equal(["2026年下半年", "2026年上半年"], (await exports.LedgerPeriodsAsync(_s.Zuzhi, Key, Day, 2)).Select(p => p.Label));
    }
}
