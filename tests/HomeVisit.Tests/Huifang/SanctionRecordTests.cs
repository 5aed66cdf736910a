using HomeVisit.Core.Audit;
using HomeVisit.Core.Data;
using HomeVisit.Core.People;
using HomeVisit.Programmes.Huifang;
using Microsoft.EntityFrameworkCore;

namespace HomeVisit.Tests.Huifang;

/// <summary>Sanction records: entered by the case management office only, read by it and the discipline office, every read audited.</summary>
public sealed class SanctionRecordTests : IDisposable
{
    private readonly HuifangWorld _w = new();

    [Fact]
    public async Task Only_the_case_management_office_enters_a_record_and_the_discipline_office_reads_it()
    {
        var id = await _w.WarningAsync(_w.S.StaffOne, new DateOnly(2026, 5, 1));

        var read = await _w.Sanctions.GetAsync(_w.Jiwei, id);
        Assert.Equal("张老师", read.PersonName);
        Assert.False(read.CanEdit);
        Assert.True((await _w.Sanctions.GetAsync(_w.Anguan, id)).CanEdit);

        var edit = SanctionEdit.From(read);
        edit.Reason = "改写";
        await Assert.ThrowsAsync<AccessDeniedException>(() => _w.Sanctions.SaveAsync(_w.Jiwei, edit));
        foreach (var other in _w.Others)
            await Assert.ThrowsAsync<NotFoundException>(() => _w.Sanctions.SaveAsync(other, edit));
        Assert.Equal("违规收受礼品礼金。", (await _w.Sanctions.GetAsync(_w.Anguan, id)).Reason);
    }

    [Fact]
    public async Task A_record_needs_a_person_a_reason_and_a_sanction_with_its_date_and_period()
    {
        var empty = await Assert.ThrowsAsync<PortalValidationException>(() => _w.Sanctions.SaveAsync(_w.Anguan, new SanctionEdit()));
        Assert.Equal("请选择受处分人员。", empty.Errors[nameof(SanctionEdit.PersonId)]);
        Assert.Equal("请填写受处分原因（主要违纪违法事实）。", empty.Errors[nameof(SanctionEdit.Reason)]);
        Assert.Equal("请至少填写一项党纪处分或政务处分。", empty.Errors[nameof(SanctionEdit.PartyKind)]);

        var noDate = await Assert.ThrowsAsync<PortalValidationException>(() => _w.Sanctions.SaveAsync(_w.Anguan, new SanctionEdit
        {
            PersonId = _w.S.StaffOne.Id, Reason = "x", GovernmentKind = GovernmentSanction.Demerit,
        }));
        Assert.Equal("请填写政务处分的决定时间。", noDate.Errors[nameof(SanctionEdit.GovernmentDecidedOn)]);
        Assert.Equal("请填写政务处分的影响期（1–60 个月）。", noDate.Errors[nameof(SanctionEdit.GovernmentInfluenceMonths)]);

        var probation = await Assert.ThrowsAsync<PortalValidationException>(() => _w.WarningAsync(_w.S.StaffOne, new DateOnly(2026, 1, 1), e =>
        {
            e.PartyKind = PartySanction.Probation;
            e.PartyInfluenceMonths = 18;
        }));
        Assert.Equal("留党察看期限为一年或二年（12 或 24 个月）。", probation.Errors[nameof(SanctionEdit.PartyInfluenceMonths)]);
    }

    [Fact]
    public async Task The_list_says_who_is_due_and_why_the_others_are_not()
    {
        var today = DateOnly.FromDateTime(_w.S.Clock.Today);
        await _w.WarningAsync(_w.S.StaffOne, today.AddMonths(-3));
        await _w.WarningAsync(_w.S.StaffTwo, today.AddMonths(-3), e => e.TransferredToJudicialOn = today.AddDays(-5).ToDateTime(TimeOnly.MinValue));
        await _w.WarningAsync(_w.S.LeaderTwo, today.AddMonths(-13));

        var all = await _w.Sanctions.ListAsync(_w.Jiwei, new SanctionQuery());
        var due = await _w.Sanctions.ListAsync(_w.Jiwei, new SanctionQuery(Status: RevisitEligibility.Due));

        Assert.Equal(["张老师"], due.Items.Select(r => r.PersonName));
        Assert.Equal(3, all.Total);
        Assert.Equal("张老师", all.Items[0].PersonName);
        var transferred = all.Items.Single(r => r.PersonName == "赵老师");
        Assert.Equal(RevisitEligibility.Excluded, transferred.Eligibility.Status);
        Assert.Contains("移送司法机关", transferred.Eligibility.Reason);
        Assert.Equal(RevisitEligibility.Ended, all.Items.Single(r => r.PersonName == "王院长").Eligibility.Status);
    }

    [Fact]
    public async Task The_list_filters_sorts_and_pages_by_the_same_rule_as_each_row_shows()
    {
        // The list ranks, filters and pages in the database by the rule written as SQL; each row shown is evaluated by
        // EligibilityRule itself. One record per branch of the rule, seen on two days, must agree on both.
        var today = DateOnly.FromDateTime(_w.S.Clock.Today);
        var people = new List<Person>();
        using (var db = _w.S.Context())
        {
            foreach (var (name, establishment) in new[]
                     {
                         ("甲一", EstablishmentStatus.InEstablishment), ("乙二", EstablishmentStatus.InEstablishment), ("丙三", EstablishmentStatus.InEstablishment),
                         ("丁四", EstablishmentStatus.InEstablishment), ("戊五", EstablishmentStatus.InEstablishment), ("己六", EstablishmentStatus.InEstablishment),
                         ("庚七", EstablishmentStatus.Retired), ("辛八", EstablishmentStatus.InEstablishment),
                     })
                people.Add(new Person { InstitutionId = _w.S.InstitutionA, UnitId = _w.S.School, Name = name, StaffNumber = $"SX{people.Count:D3}", Establishment = establishment });
            db.People.AddRange(people);
            db.SaveChanges();
        }
        DateTime Day(DateOnly d) => d.ToDateTime(TimeOnly.MinValue);
        await _w.WarningAsync(people[0], today.AddMonths(-3));
        await _w.WarningAsync(people[1], today.AddMonths(-6));
        await _w.WarningAsync(people[2], today.AddMonths(-13));
        await _w.WarningAsync(people[3], today.AddMonths(-2), e => { e.PartyKind = PartySanction.Expulsion; e.PartyInfluenceMonths = null; });
        await _w.WarningAsync(people[4], today.AddMonths(-2), e => e.TransferredToJudicialOn = Day(today.AddDays(-5)));
        await _w.WarningAsync(people[5], today.AddMonths(-5), e => e.RetiredOn = Day(today.AddMonths(-1)));
        await _w.WarningAsync(people[6], today.AddMonths(-4));
        await _w.WarningAsync(people[7], today.AddMonths(-1), e => e.CriminallyPunishedOn = Day(today.AddDays(-1)));

        foreach (var day in new[] { today, today.AddMonths(-4) })
        {
            var all = await _w.Sanctions.ListAsync(_w.Jiwei, new SanctionQuery(PageSize: 200), day);
            Assert.Equal(8, all.Total);
            var expected = all.Items.OrderBy(r => r.Eligibility.Status).ThenBy(r => r.Eligibility.PeriodEnd)
                .ThenBy(r => r.PersonName, StringComparer.Ordinal).ThenBy(r => r.Id).Select(r => r.Id).ToList();
            Assert.Equal(expected, all.Items.Select(r => r.Id));

            var paged = new List<int>();
            for (var page = 1; page <= 3; page++)
                paged.AddRange((await _w.Sanctions.ListAsync(_w.Jiwei, new SanctionQuery(Page: page, PageSize: 3), day)).Items.Select(r => r.Id));
            Assert.Equal(expected, paged);

            foreach (var status in Enum.GetValues<RevisitEligibility>())
            {
                var filtered = await _w.Sanctions.ListAsync(_w.Jiwei, new SanctionQuery(Status: status, PageSize: 200), day);
                Assert.Equal(all.Items.Where(r => r.Eligibility.Status == status).Select(r => r.Id), filtered.Items.Select(r => r.Id));
                Assert.Equal(filtered.Items.Count, filtered.Total);
            }
        }
        var now = await _w.Sanctions.ListAsync(_w.Jiwei, new SanctionQuery(PageSize: 200), today);
        Assert.Equal(["乙二", "甲一"], now.Items.Where(r => r.Eligibility.IsDue).Select(r => r.PersonName));
        var before = await _w.Sanctions.ListAsync(_w.Jiwei, new SanctionQuery(Status: RevisitEligibility.NotYetInForce, PageSize: 200), today.AddMonths(-4));
        // Four months back: the decisions of the last three months were not in force yet, and a later transfer or punishment not made.
        Assert.Equal(new[] { "甲一", "戊五", "辛八" }.Order(StringComparer.Ordinal), before.Items.Select(r => r.PersonName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Every_read_is_audited_under_the_reader()
    {
        var id = await _w.WarningAsync(_w.S.StaffOne, new DateOnly(2026, 5, 1));

        await _w.Sanctions.ListAsync(_w.Jiwei, new SanctionQuery());
        await _w.Sanctions.GetAsync(_w.Jiwei, id);

        var reads = await _w.S.ReadAsync(db => db.AuditEntries.Where(a => a.Action == AuditActions.Read && a.EntityType == nameof(SanctionRecord)).ToListAsync());
        Assert.Contains(reads, a => a.UserName == "jiwei" && a.EntityId == "list");
        Assert.Contains(reads, a => a.UserName == "jiwei" && a.EntityId == id.ToString());
    }

    [Fact]
    public async Task The_influence_period_is_kept_with_the_record_and_follows_a_change()
    {
        var id = await _w.WarningAsync(_w.S.StaffOne, new DateOnly(2026, 1, 15));
        var edit = SanctionEdit.From(await _w.Sanctions.GetAsync(_w.Anguan, id));
        edit.GovernmentKind = GovernmentSanction.Demotion;
        edit.GovernmentDecidedOn = new DateTime(2026, 2, 1);
        edit.GovernmentInfluenceMonths = 24;
        await _w.Sanctions.SaveAsync(_w.Anguan, edit);

        var row = await _w.S.ReadAsync(db => db.Set<SanctionRecord>().SingleAsync(r => r.Id == id));
        Assert.Equal(new DateOnly(2026, 1, 15), row.InfluenceStartsOn);
        Assert.Equal(new DateOnly(2028, 1, 31), row.InfluenceEndsOn);
    }

    public void Dispose() => _w.Dispose();
}
