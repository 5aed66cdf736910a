using HomeVisit.Core.Data;
using HomeVisit.Programmes.Ganbu;
using HomeVisit.Core.Visits;

namespace HomeVisit.Tests.Ganbu;

/// <summary>Seed 2's annexes: the ledger (台账) and the record form (记录单), archived only after the problem is resolved.</summary>
public sealed class GanbuFormsTests : IDisposable
{
    private readonly GanbuWorld w = new();

    [Fact]
    public async Task The_record_form_cannot_be_archived_while_the_request_it_handles_is_open_and_can_once_resolved()
    {
        var id = await w.FileAsync();
        var visitId = await w.VisitAndRecordAsync(id, w.EduDeputyInChargeUser);

        var open = await w.Forms.RecordFormAsync(w.EduDeputyInChargeUser, visitId);
        Assert.False(open.CanArchive);
        Assert.Equal("诉求“父亲重病住院，希望单位协调照护假”尚未办结。记录单须在家访问题解决之后再存档（记录单填表说明第 2 条）。", open.ArchiveBlockedReason);
        var refused = await Assert.ThrowsAsync<PortalValidationException>(() => w.Forms.ArchiveAsync(w.EduDeputyInChargeUser, visitId));
        Assert.Equal(open.ArchiveBlockedReason, refused.Errors["Archive"]);

        var version = (await w.RowAsync(id)).Version;
        await w.Requests.ResolveAsync(w.EduDeputyInChargeUser, id, new GanbuCloseInput { Version = version, Resolution = "已安排陪护假", Feedback = "已告知本人" });
        var resolved = await w.Forms.RecordFormAsync(w.EduDeputyInChargeUser, visitId);
        Assert.True(resolved.CanArchive);
        Assert.Null(resolved.ArchiveBlockedReason);

        await w.Forms.ArchiveAsync(w.EduDeputyInChargeUser, visitId);

        var archived = await w.Forms.RecordFormAsync(w.OrgDept, visitId);
        Assert.True(archived.Archived);
        Assert.Equal("郑副局长", archived.ArchivedBy);
        Assert.False(archived.CanArchive);
        await Assert.ThrowsAsync<PortalValidationException>(() => w.Forms.ArchiveAsync(w.OrgDept, visitId));
        Assert.Contains("记录单已归档", (await w.Forms.LedgerAsync(w.OrgDept, w.Education, 2026)).Rows.Single().Note);
    }

    [Fact]
    public async Task A_visit_whose_problem_has_no_resolution_and_no_request_is_not_archived_one_without_problems_is()
    {
        var withProblem = await RecordedVisitAsync(problems: "子女上学路远", resolution: null);
        var fine = await RecordedVisitAsync(problems: null, resolution: null);

        var ex = await Assert.ThrowsAsync<PortalValidationException>(() => w.Forms.ArchiveAsync(w.EduHeadUser, withProblem));
        Assert.StartsWith("家访发现的问题尚未解决", ex.Errors["Archive"]);
        await w.Forms.ArchiveAsync(w.EduHeadUser, fine);
        Assert.True((await w.Forms.RecordFormAsync(w.EduHeadUser, fine)).Archived);
        // Someone who did not take part and does not oversee cannot archive or even open it.
        await Assert.ThrowsAsync<NotFoundException>(() => w.Forms.RecordFormAsync(w.EduDeputyFirstUser, fine));
    }

    [Fact]
    public async Task The_record_form_carries_the_annex_fields_and_the_three_ones()
    {
        var id = await w.FileAsync();
        var visitId = await w.VisitAndRecordAsync(id, w.EduDeputyInChargeUser);

        var form = await w.Forms.RecordFormAsync(w.EduDeputyInChargeUser, visitId);

        Assert.Equal(("县教育局", 1, "钱干部", "科员", "乙县城关镇建设路8号"), (form.UnitName, form.Number, form.TargetName, form.TargetPosition, form.HomeAddress));
        Assert.Equal(("钱妻", "乙县第一中学 教师"), (form.SpouseName, form.SpouseWorkplaceAndPosition));
        Assert.Equal(("郑副局长", "副局长", "郑副局长"), (form.LeaderNames, form.LeaderPositions, form.RecorderName));
        Assert.Equal(new DateOnly(2026, 11, 21), form.Date);
        Assert.Contains("家访方式：看、谈、听、访", form.Record);
        Assert.Contains("送上一声问候，对家属的支持表示感谢：是", form.Record);
        Assert.Contains("听取的需求：陪护假两周", form.Record);
        Assert.Contains("单位同意按规定安排陪护假。", form.Resolution);
        Assert.Contains("诉求“父亲重病住院，希望单位协调照护假”：办理中", form.Resolution);
    }

    [Fact]
    public async Task The_exported_unit_ledger_has_the_same_rows_and_numbers_as_the_ledger_page()
    {
        await RecordedVisitAsync(null, null, w.EduHeadUser, w.EduHead.Id, daysAgo: 10);
        await RecordedVisitAsync(null, null, w.EduDeputyInChargeUser, w.EduDeputyInCharge.Id, daysAgo: 3);
        var exports = new HomeVisit.Core.Exports.ExportService(w.S.Db.Factory,
            [new HomeVisit.Programmes.Ganbu.GanbuLedgerProvider(w.Forms)],
            new HomeVisit.Core.Exports.CommonLedger(w.S.Db.Factory, w.Catalog, w.S.Org, w.S.Rules), w.Clock);

        var page = await w.Forms.LedgerAsync(w.OrgDept, w.Education, 2026);
        var export = await exports.LedgerAsync(w.OrgDept, "ganbu", 2026, w.Education);
        var rows = new List<IReadOnlyList<object?>>();
        await foreach (var row in export.Rows) rows.Add(row);

        Assert.Contains("县教育局", export.Subtitle);
        Assert.Equal(page.Rows.Count, export.RowCount);
        Assert.Equal(page.Rows.Select(r => ((object?)r.Number, (object?)r.LeaderNames, (object?)r.TargetName)),
            rows.Select(r => (r[1], r[2], r[4])));
    }

    [Fact]
    public async Task The_ledger_numbers_a_units_visits_of_the_year_in_date_order_and_a_leader_sees_only_their_rows()
    {
        var first = await RecordedVisitAsync(null, null, w.EduHeadUser, w.EduHead.Id, daysAgo: 10);
        var second = await RecordedVisitAsync(null, null, w.EduDeputyInChargeUser, w.EduDeputyInCharge.Id, daysAgo: 3);
        var other = await RecordedVisitAsync(null, null, w.TownHeadUser, w.TownHead.Id, daysAgo: 5, target: w.Wei.Id);

        var ledger = await w.Forms.LedgerAsync(w.OrgDept, w.Education, 2026);

        Assert.Equal(("县教育局", 2026), (ledger.UnitName, ledger.Year));
        Assert.Equal([(1, first, "周局长", "局长", "钱干部"), (2, second, "郑副局长", "副局长", "钱干部")],
            ledger.Rows.Select(r => (r.Number, r.VisitId, r.LeaderNames, r.LeaderPositions, r.TargetName)));
        Assert.Equal(new DateOnly(2026, 11, 10), ledger.Rows[0].Date);
        Assert.Empty((await w.Forms.LedgerAsync(w.OrgDept, w.Education, 2025)).Rows);
        var own = await w.Forms.LedgerAsync(w.EduDeputyInChargeUser, w.Education, 2026);
        Assert.Equal(2, Assert.Single(own.Rows).Number);
        Assert.Equal(1, Assert.Single((await w.Forms.LedgerAsync(w.OrgDept, w.TownCentre, 2026)).Rows).Number);
        Assert.Equal(1, (await w.Forms.RecordFormAsync(w.TownHeadUser, other)).Number);
    }

    private async Task<int> RecordedVisitAsync(string? problems, string? resolution, HomeVisit.Core.Accounts.PortalUser? by = null, int? visitor = null,
        int daysAgo = 1, int? target = null)
    {
        var start = w.Clock.Today.AddDays(-daysAgo).AddHours(19);
        var id = await w.Visits.SavePlanAsync(by ?? w.EduHeadUser, new VisitPlan
        {
            ProgrammeKey = GanbuAccess.ProgrammeKey, Form = VisitForm.HomeVisit, PlannedStart = start,
            VisitorIds = [visitor ?? w.EduHead.Id], TargetPersonIds = [target ?? w.Qian.Id],
        });
        var v = await w.Visits.GetAsync(by ?? w.EduHeadUser, id);
        await w.Visits.RecordOutcomeAsync(by ?? w.EduHeadUser, id, new VisitOutcome
        {
            Version = v.Version, ActualStart = start, Record = "谈心谈话，了解家庭情况。", ProblemsFound = problems, Resolution = resolution,
        });
        return id;
    }

    public void Dispose() => w.Dispose();
}
