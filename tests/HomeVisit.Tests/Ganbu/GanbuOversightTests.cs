using HomeVisit.Core.Data;
using HomeVisit.Programmes.Ganbu;
using HomeVisit.Core.Import;
using HomeVisit.Core.Visits;
using Microsoft.EntityFrameworkCore;

namespace HomeVisit.Tests.Ganbu;

/// <summary>The quarterly summary against rows whose numbers are worked out by hand, its export, and inspection results.</summary>
public sealed class GanbuOversightTests : IDisposable
{
    private readonly GanbuWorld w = new();

    /// <summary>
    /// 2026 Q4 (today is 11-20). 县教育局: six requests — resolved in 4, 10 and 17 days (the last one late), one open and
    /// past its deadline, one withdrawn, one open in time — and one from Q3 that does not count. 便民服务中心: one resolved in
    /// 2 days. One revisit done in the quarter for 教育局; inspections in the quarter and one in Q3.
    /// </summary>
    private async Task<Dictionary<string, int>> ArrangeQuarterAsync()
    {
        await using var db = w.S.Context();
        var ids = new Dictionary<string, int>();
        void Add(string key, int unit, GanbuTier tier, GanbuCategory category, GanbuRequestStatus status, string filed, string deadline,
            string? closed = null, string? overdueSince = null)
        {
            var r = new GanbuRequest
            {
                InstitutionId = w.S.InstitutionB, RequesterPersonId = unit == w.Education ? w.Qian.Id : w.Wei.Id, UnitId = unit,
                Category = category, Tier = tier, HandlingTier = tier, Summary = key, HandlerPersonId = w.EduDeputyInCharge.Id,
                Status = status, Source = GanbuRequestSource.Portal, FiledOn = DateOnly.Parse(filed), Deadline = DateOnly.Parse(deadline),
                ClosedOn = closed is null ? null : DateOnly.Parse(closed), OverdueSince = overdueSince is null ? null : DateOnly.Parse(overdueSince),
                CreatedAt = DateOnly.Parse(filed).ToDateTime(new TimeOnly(2, 0)),
            };
            db.Set<GanbuRequest>().Add(r);
            db.SaveChanges();
            ids[key] = r.Id;
        }
        Add("illness", w.Education, GanbuTier.Ordinary, GanbuCategory.SeriousIllness, GanbuRequestStatus.Resolved, "2026-10-08", "2026-10-23", "2026-10-12");
        Add("hardship", w.Education, GanbuTier.Special, GanbuCategory.MajorHardship, GanbuRequestStatus.Resolved, "2026-10-10", "2026-10-20", "2026-10-20");
        Add("setback", w.Education, GanbuTier.Ordinary, GanbuCategory.WorkSetback, GanbuRequestStatus.Resolved, "2026-11-01", "2026-11-16", "2026-11-18", "2026-11-17");
        Add("overdue", w.Education, GanbuTier.Major, GanbuCategory.Other, GanbuRequestStatus.InHandling, "2026-11-02", "2026-11-09");
        Add("withdrawn", w.Education, GanbuTier.Ordinary, GanbuCategory.WeddingOrFuneral, GanbuRequestStatus.Withdrawn, "2026-11-05", "2026-11-20", "2026-11-06");
        Add("fresh", w.Education, GanbuTier.Ordinary, GanbuCategory.SeriousIllness, GanbuRequestStatus.Open, "2026-11-19", "2026-12-04");
        Add("q3", w.Education, GanbuTier.Ordinary, GanbuCategory.Other, GanbuRequestStatus.Resolved, "2026-09-30", "2026-10-15", "2026-10-02");
        Add("centre", w.TownCentre, GanbuTier.Special, GanbuCategory.MajorFamilyChange, GanbuRequestStatus.Resolved, "2026-10-15", "2026-10-25", "2026-10-17");

        var revisit = new Visit
        {
            InstitutionId = w.S.InstitutionB, ProgrammeKey = GanbuAccess.ProgrammeKey, Form = VisitForm.RegularRevisit, Status = VisitStatus.Done,
            PlannedStart = new DateTime(2026, 10, 25, 15, 0, 0), PlannedEnd = new DateTime(2026, 10, 25, 16, 0, 0), ActualStart = new DateTime(2026, 10, 25, 15, 0, 0),
            Record = "回访钱干部，了解诉求办理情况。", CreatedByUserId = w.OrgDept.UserId, CreatedAt = new DateTime(2026, 10, 20),
            Visitors = [new VisitVisitor { PersonId = w.OrgClerk.Id, IsRecorder = true }], Targets = [new VisitTarget { PersonId = w.Qian.Id }],
        };
        db.Visits.Add(revisit);
        db.SaveChanges();
        db.Set<GanbuRequestVisit>().Add(new GanbuRequestVisit
        {
            InstitutionId = w.S.InstitutionB, RequestId = ids["illness"], VisitId = revisit.Id, Purpose = GanbuVisitPurpose.Revisit, CreatedAt = revisit.CreatedAt,
        });
        db.SaveChanges();

        await w.Oversight.RecordInspectionAsync(w.OrgDept, Inspection(w.Education, GanbuInspectionKind.Commendation, 2026, 11, 10));
        await w.Oversight.RecordInspectionAsync(w.OrgDept, Inspection(w.TownCentre, GanbuInspectionKind.Criticism, 2026, 11, 12));
        await w.Oversight.RecordInspectionAsync(w.OrgDept, Inspection(w.TownCentre, GanbuInspectionKind.HeadInterview, 2026, 11, 12, w.TownHead.Id));
        await w.Oversight.RecordInspectionAsync(w.OrgDept, Inspection(w.Education, GanbuInspectionKind.Criticism, 2026, 9, 1));
        return ids;
    }

    private static GanbuInspectionInput Inspection(int unit, GanbuInspectionKind kind, int y, int m, int d, int? head = null) => new()
    {
        UnitId = unit, Kind = kind, Date = new DateTime(y, m, d), Note = "督导检查台账资料和家访记录单", HeadPersonId = head,
    };

    [Fact]
    public async Task The_quarterly_summary_counts_by_tier_and_category_times_to_resolution_overdue_revisits_and_inspections()
    {
        var ids = await ArrangeQuarterAsync();

        var s = await w.Oversight.QuarterSummaryAsync(w.OrgDept, 2026, 4);

        Assert.Equal((new DateOnly(2026, 10, 1), new DateOnly(2026, 12, 31), "2026年第4季度"), (s.From, s.To, s.Label));
        var edu = s.Units.Single(u => u.UnitId == w.Education);
        Assert.Equal(6, edu.Total);
        Assert.Equal((4, 1, 1), (edu.ByTier[GanbuTier.Ordinary], edu.ByTier[GanbuTier.Special], edu.ByTier[GanbuTier.Major]));
        Assert.Equal((2, 1, 1, 1, 1, 0, 0), (edu.ByCategory[GanbuCategory.SeriousIllness], edu.ByCategory[GanbuCategory.MajorHardship],
            edu.ByCategory[GanbuCategory.WorkSetback], edu.ByCategory[GanbuCategory.Other], edu.ByCategory[GanbuCategory.WeddingOrFuneral],
            edu.ByCategory[GanbuCategory.MajorFamilyChange], edu.ByCategory[GanbuCategory.ReportedTendency]));
        Assert.Equal((3, 1, 2), (edu.Resolved, edu.Withdrawn, edu.Open));
        Assert.Equal((10.3, 10.0), (edu.AverageDays, edu.MedianDays));   // 4, 10, 17 days
        Assert.Equal(2, edu.Overdue);                                   // resolved late; open past its deadline
        Assert.Equal((1, 1, 0, 0), (edu.Revisits, edu.Commendations, edu.Criticisms, edu.HeadInterviews));

        var centre = s.Units.Single(u => u.UnitId == w.TownCentre);
        Assert.Equal((1, 1, 2.0, 2.0, 0), (centre.Total, centre.ByTier[GanbuTier.Special], centre.AverageDays, centre.MedianDays, centre.Overdue));
        Assert.Equal((0, 1, 1), (centre.Commendations, centre.Criticisms, centre.HeadInterviews));

        Assert.Equal(2, s.Units.Count);
        Assert.Equal((7, 4, 8.3, 7.0, 2), (s.Total.Total, s.Total.Resolved, s.Total.AverageDays, s.Total.MedianDays, s.Total.Overdue)); // 2, 4, 10, 17
        Assert.Equal([ids["overdue"], ids["setback"]], s.OverdueRequests.Select(r => r.Id));
        // Reading the summary escalated the open overdue request (it is at the top tier: reported for supervision).
        Assert.Equal(1, (await w.RowAsync(ids["overdue"])).EscalationLevel);
    }

    [Fact]
    public async Task The_export_has_the_same_numbers_in_a_sheet_per_part_and_is_audited()
    {
        await ArrangeQuarterAsync();
        using var file = new MemoryStream();

        await w.Oversight.WriteQuarterXlsxAsync(w.OrgDept, 2026, 4, file);

        file.Position = 0;
        var sheets = XlsxTableReader.Read(file);
        Assert.Equal(["季度汇总", "逾期诉求"], sheets.Select(t => t.Name));
        var summary = sheets[0].Rows;
        Assert.Equal("乙县干部家访诉求季度汇总（2026年第4季度）", summary[0][0]);
        var header = summary[2].Cells;
        Assert.Equal(["单位", "诉求总数", "普通困难诉求", "特别困难诉求", "特别重大困难诉求"], header.Take(5));
        var edu = summary.Single(r => r[0] == "县教育局");
        string? Col(string name) => edu[Array.IndexOf(header, name)];
        Assert.Equal(("6", "4", "3", "10.3", "10", "2", "1"), (Col("诉求总数"), Col("普通困难诉求"), Col("已办结"), Col("平均办结天数"), Col("办结天数中位数"), Col("逾期"), Col("组织部回访")));
        Assert.Equal("7", summary.Single(r => r[0] == "合计")[1]);
        Assert.Equal(3, sheets[1].Rows.Count); // header + two overdue requests
        Assert.Equal(1, await w.S.ReadAsync(db => db.AuditEntries.CountAsync(a => a.Action == "export" && a.EntityId == "2026Q4" && a.UserId == w.OrgDept.UserId)));
        file.Position = 0;
        Assert.Empty(HomeVisit.Tests.Exports.LedgerWorkbookTests.Validate(file)); // opens in Excel and WPS without repair
    }

    [Fact]
    public async Task Only_overseers_see_the_summary_and_only_the_organisation_department_records_inspections()
    {
        await Assert.ThrowsAsync<AccessDeniedException>(() => w.Oversight.QuarterSummaryAsync(w.EduHeadUser, 2026, 4));
        await Assert.ThrowsAsync<AccessDeniedException>(() => w.Oversight.RecordInspectionAsync(w.AdminB, Inspection(w.Education, GanbuInspectionKind.Commendation, 2026, 11, 1)));
        var bad = await Assert.ThrowsAsync<PortalValidationException>(() => w.Oversight.QuarterSummaryAsync(w.OrgDept, 2026, 5));
        Assert.Contains("Quarter", bad.Errors.Keys);
    }

    [Fact]
    public async Task An_interview_is_with_the_units_head_by_default_and_a_unit_without_one_must_name_them()
    {
        var id = await w.Oversight.RecordInspectionAsync(w.OrgDept, Inspection(w.Education, GanbuInspectionKind.HeadInterview, 2026, 11, 19));
        var missing = await Assert.ThrowsAsync<PortalValidationException>(() =>
            w.Oversight.RecordInspectionAsync(w.OrgDept, Inspection(w.Archives, GanbuInspectionKind.HeadInterview, 2026, 11, 19)));
        var future = await Assert.ThrowsAsync<PortalValidationException>(() =>
            w.Oversight.RecordInspectionAsync(w.OrgDept, Inspection(w.Education, GanbuInspectionKind.Commendation, 2026, 11, 21)));

        var row = Assert.Single(await w.Oversight.InspectionsAsync(w.OrgDept, 2026));
        Assert.Equal((id, "周局长", "褚干事", "褚干事"), (row.Id, row.HeadName, row.InspectedBy, row.RecordedBy));
        Assert.Equal("“县档案馆”未设置一把手，请选择被约谈的一把手。", missing.Errors[nameof(GanbuInspectionInput.HeadPersonId)]);
        Assert.Equal("日期不能晚于今天。", future.Errors[nameof(GanbuInspectionInput.Date)]);
    }

    public void Dispose() => w.Dispose();
}
