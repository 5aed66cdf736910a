using HomeVisit.Core.Data;
using HomeVisit.Programmes.Huifang;
using HomeVisit.Core.Visits;

namespace HomeVisit.Tests.Huifang;

/// <summary>A revisit: plan with notes and a team of two discipline staff, approval before recording, the 登记表, feedback and filing.</summary>
public sealed class RevisitTests : IDisposable
{
    private readonly HuifangWorld _w = new();

    private Task<int> DueRecordAsync() => _w.WarningAsync(_w.S.StaffOne, DateOnly.FromDateTime(_w.S.Clock.Today).AddMonths(-3));

    [Fact]
    public async Task A_revisit_cannot_be_recorded_before_approval_and_a_team_member_cannot_approve_it()
    {
        var visitId = await _w.Revisits.PlanAsync(_w.Anguan, _w.Plan(await DueRecordAsync()));

        var detail = await _w.Visits.GetAsync(_w.Anguan, visitId);
        Assert.Equal(ApprovalStatus.Pending, detail.Approval);
        Assert.False(detail.CanRecord);
        var early = await Assert.ThrowsAsync<PortalValidationException>(() => _w.Visits.RecordOutcomeAsync(_w.Jijian, visitId, Outcome(detail.Version)));
        Assert.Equal("家访（回访）方案尚未审批同意，不能登记结果。", early.Errors[nameof(VisitOutcome.Record)]);

        // jijian is 纪检监察 but not 纪委主要负责人 (and on the team); anguan is on the team and not the approver role.
        await Assert.ThrowsAsync<AccessDeniedException>(() => _w.Visits.DecideApprovalAsync(_w.Jijian, visitId, detail.Version, true, null));
        await Assert.ThrowsAsync<AccessDeniedException>(() => _w.Visits.DecideApprovalAsync(_w.Anguan, visitId, detail.Version, true, null));
        Assert.False((await _w.Visits.GetAsync(_w.Jiwei, visitId)).CanRecord);

        await _w.Visits.DecideApprovalAsync(_w.Jiwei, visitId, detail.Version, approve: true, "同意按方案回访");
        detail = await _w.Visits.GetAsync(_w.Jijian, visitId);
        Assert.True(detail.CanRecord);
        var outcome = Outcome(detail.Version);
        outcome.ActualStart = _w.S.Clock.Today.AddHours(9);
        outcome.FormData["Attitude"] = "对所犯错误认识深刻，工作积极。";
        outcome.FormData["Suggestions"] = "建议所在单位继续关心其思想状况。";
        outcome.FormData["Outcome"] = "予以肯定和鼓励";
        await _w.Visits.RecordOutcomeAsync(_w.Jijian, visitId, outcome);
        Assert.Equal(VisitStatus.Done, (await _w.Revisits.GetAsync(_w.Anguan, visitId)).Status);
    }

    [Fact]
    public async Task The_team_is_two_or_more_of_the_discipline_and_case_management_offices()
    {
        var record = await DueRecordAsync();
        var alone = _w.Plan(record);
        alone.VisitorIds = [_w.CasePerson.Id];
        alone.RecorderId = null;
        var one = await Assert.ThrowsAsync<PortalValidationException>(() => _w.Revisits.PlanAsync(_w.Anguan, alone));
        Assert.Equal("本项目每次家访须由 2 名以上人员组成工作组。", one.Errors[nameof(VisitPlan.VisitorIds)]);

        var withLeader = _w.Plan(record);
        withLeader.VisitorIds = [_w.CasePerson.Id, _w.S.LeaderOne.Id];
        withLeader.RecorderId = null;
        var leader = await Assert.ThrowsAsync<PortalValidationException>(() => _w.Revisits.PlanAsync(_w.Anguan, withLeader));
        Assert.Contains("李院长", leader.Errors[nameof(VisitPlan.VisitorIds)]);
    }

    [Fact]
    public async Task Only_a_person_due_on_the_planned_day_can_be_revisited_and_the_plan_needs_its_notes()
    {
        var ended = await _w.WarningAsync(_w.S.StaffTwo, DateOnly.FromDateTime(_w.S.Clock.Today).AddMonths(-13));
        var over = await Assert.ThrowsAsync<PortalValidationException>(() => _w.Revisits.PlanAsync(_w.Anguan, _w.Plan(ended)));
        Assert.StartsWith("赵老师：处分影响期已于", over.Errors[nameof(VisitPlan.TargetPersonIds)]);

        // Planned through the general visit form, a person without a record is refused too.
        var plain = await Assert.ThrowsAsync<PortalValidationException>(() => _w.Visits.SavePlanAsync(_w.Anguan, new VisitPlan
        {
            ProgrammeKey = "huifang", Form = HuifangForms.PhoneVisit, PlannedStart = _w.S.Clock.Today.AddDays(1).AddHours(10),
            VisitorIds = [_w.CasePerson.Id, _w.SecondDisciplinePerson.Id], TargetPersonIds = [_w.S.LeaderTwo.Id],
        }));
        Assert.Equal("王院长 没有受处分记录，不在回访对象范围内。", plain.Errors[nameof(VisitPlan.TargetPersonIds)]);

        var noNotes = _w.Plan(await DueRecordAsync());
        noNotes.PersonNotes = " ";
        noNotes.CaseNotes = null;
        var notes = await Assert.ThrowsAsync<PortalValidationException>(() => _w.Revisits.PlanAsync(_w.Anguan, noNotes));
        Assert.Equal("请填写回访对象情况（性格特点、思想和工作状况）。", notes.Errors[nameof(RevisitPlanEdit.PersonNotes)]);
        Assert.Equal("请填写案情及相关政策法规要点。", notes.Errors[nameof(RevisitPlanEdit.CaseNotes)]);
        Assert.Empty(await _w.S.ReadAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(db.Visits)));
    }

    [Fact]
    public async Task The_plans_notes_are_fixed_once_approved()
    {
        var visitId = await _w.Revisits.PlanAsync(_w.Anguan, _w.Plan(await DueRecordAsync()));
        var r = await _w.Revisits.GetAsync(_w.Anguan, visitId);
        Assert.True(r.CanEditNotes);
        await _w.Visits.DecideApprovalAsync(_w.Jiwei, visitId, r.VisitVersion, true, null);
        r = await _w.Revisits.GetAsync(_w.Anguan, visitId);
        Assert.False(r.CanEditNotes);

        var change = new RevisitNotesEdit { Version = r.Version, PersonNotes = "改了", CaseNotes = r.CaseNotes, ReportingUnit = "纪委办公室" };
        var refused = await Assert.ThrowsAsync<PortalValidationException>(() => _w.Revisits.SaveNotesAsync(_w.Anguan, visitId, change));
        Assert.Equal("方案已审批同意（或回访已结束），不能再修改方案内容。", refused.Errors[nameof(RevisitNotesEdit.PersonNotes)]);

        // The form's own fields can still be filled in.
        await _w.Revisits.SaveNotesAsync(_w.Anguan, visitId, new RevisitNotesEdit
        {
            Version = r.Version, PersonNotes = r.PersonNotes, CaseNotes = r.CaseNotes, ReportingUnit = "学校纪委", ReportedOn = _w.S.Clock.Today, Remarks = "无",
        });
        Assert.Equal("学校纪委", (await _w.Revisits.GetAsync(_w.Anguan, visitId)).ReportingUnit);
    }

    [Fact]
    public async Task The_outcome_is_fed_back_and_filed_with_who_and_when_and_the_registration_form_has_every_field()
    {
        var visitId = await DoneRevisitAsync();
        var r = await _w.Revisits.GetAsync(_w.Anguan, visitId);

        var missing = await Assert.ThrowsAsync<PortalValidationException>(() => _w.Revisits.RecordFeedbackAsync(_w.Anguan, visitId, new RevisitFeedbackEdit { Version = r.Version }));
        Assert.Equal("请填写向所在单位党组织反馈的日期。", missing.Errors[nameof(RevisitFeedbackEdit.FedBackToUnitOn)]);
        await _w.Revisits.RecordFeedbackAsync(_w.Anguan, visitId, new RevisitFeedbackEdit
        {
            Version = r.Version, FedBackToPersonOn = _w.S.Clock.Today, FedBackToUnitOn = _w.S.Clock.Today, FeedbackUnitName = "甲学院党总支", FeedbackNote = "当面反馈",
        });
        r = await _w.Revisits.GetAsync(_w.Jiwei, visitId);
        await _w.Revisits.ArchiveAsync(_w.Jiwei, visitId, new RevisitArchiveEdit { Version = r.Version, ArchivedOn = _w.S.Clock.Today, ArchiveNote = "案卷 2026-01" });

        r = await _w.Revisits.GetAsync(_w.Anguan, visitId);
        Assert.Equal("案管干事", r.FedBackBy);
        Assert.Equal("甲学院党总支", r.FeedbackUnitName);
        Assert.NotNull(r.FedBackAt);
        Assert.Equal("纪委干事", r.ArchivedBy);
        Assert.Equal(DateOnly.FromDateTime(_w.S.Clock.Today), r.ArchivedOn);

        var form = await _w.Revisits.RegistrationFormAsync(_w.Jiwei, visitId);
        Assert.Equal("张老师", form.Name);
        Assert.Equal("大学本科", form.Education);
        Assert.Equal(new DateOnly(2005, 7, 1), form.WorkStartedOn);
        Assert.Equal(new DateOnly(2004, 6, 1), form.PartyJoinedOn);
        Assert.Equal("甲系 教师", form.UnitAndPosition);
        Assert.Equal("南宁市江南区星光大道88号", form.HomeAddress);
        Assert.Equal("违规收受礼品礼金。", form.Reason);
        Assert.Equal("警告", form.PartyKind);
        Assert.Null(form.GovernmentKind);
        Assert.Equal("对所犯错误认识深刻，工作积极。", form.Attitude);
        Assert.Equal("建议所在单位继续关心其思想状况。", form.Suggestions);
        Assert.Equal(["纪检干事二", "案管干事"], form.Team);
        Assert.NotNull(form.RevisitTime);
    }

    [Fact]
    public async Task Feedback_and_filing_wait_for_the_recorded_revisit()
    {
        var visitId = await _w.Revisits.PlanAsync(_w.Anguan, _w.Plan(await DueRecordAsync()));
        var r = await _w.Revisits.GetAsync(_w.Anguan, visitId);

        var early = await Assert.ThrowsAsync<PortalValidationException>(() => _w.Revisits.ArchiveAsync(_w.Anguan, visitId,
            new RevisitArchiveEdit { Version = r.Version, ArchivedOn = _w.S.Clock.Today }));
        Assert.Equal("回访结果登记后才能存入案件档案。", early.Errors[nameof(RevisitArchiveEdit.ArchivedOn)]);
    }

    [Fact]
    public async Task A_filed_revisit_is_in_the_core_record_archive_with_its_registration_form_for_the_discipline_roles_only()
    {
        var visitId = await DoneRevisitAsync();
        var r = await _w.Revisits.GetAsync(_w.Jiwei, visitId);
        await _w.Revisits.ArchiveAsync(_w.Jiwei, visitId, new RevisitArchiveEdit { Version = r.Version, ArchivedOn = _w.S.Clock.Today, ArchiveNote = "案卷 2026-01" });
        var archives = new HomeVisit.Core.Archives.RecordArchiveService(_w.S.Db.Factory, _w.Catalog, _w.Access, [new HuifangArchive()], _w.S.Clock);

        var row = Assert.Single((await archives.ListAsync(_w.Anguan, SanctionAccess.ProgrammeKey, null)).Items);
        Assert.Equal((visitId, "纪委干事"), (row.VisitId, row.ArchivedBy));
        using var zipped = new MemoryStream();
        Assert.Equal("受处分人员回访关爱回访存档-全部.zip", (await archives.WriteZipAsync(_w.Jiwei, SanctionAccess.ProgrammeKey, null, zipped)).FileName);
        zipped.Position = 0;
        using var zip = new System.IO.Compression.ZipArchive(zipped, System.IO.Compression.ZipArchiveMode.Read);
        var entry = Assert.Single(zip.Entries, e => e.FullName != HomeVisit.Core.Archives.RecordArchiveService.IndexFileName);
        using var copy = new MemoryStream();
        using (var s = entry.Open()) s.CopyTo(copy);
        copy.Position = 0;
        using var doc = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(copy, false);
        var text = string.Join("|", doc.WorkbookPart!.WorksheetParts.SelectMany(p => p.Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Cell>()).Select(c => c.InnerText));
        Assert.Contains("受处分人员回访关爱工作情况登记表", text);
        Assert.Contains("对所犯错误认识深刻，工作积极。", text);
        Assert.Contains("案卷 2026-01", text);

        // Secret like the records: everyone else finds nothing, not even a refusal.
        await Assert.ThrowsAsync<NotFoundException>(() => archives.ListAsync(_w.S.Admin, SanctionAccess.ProgrammeKey, null));
        await Assert.ThrowsAsync<NotFoundException>(() => archives.WriteZipAsync(_w.S.Zuzhi, SanctionAccess.ProgrammeKey, null, new MemoryStream()));
    }

    private async Task<int> DoneRevisitAsync()
    {
        var visitId = await _w.Revisits.PlanAsync(_w.Anguan, _w.Plan(await DueRecordAsync()));
        var detail = await _w.Visits.GetAsync(_w.Jiwei, visitId);
        await _w.Visits.DecideApprovalAsync(_w.Jiwei, visitId, detail.Version, true, null);
        detail = await _w.Visits.GetAsync(_w.Jijian, visitId);
        var outcome = Outcome(detail.Version);
        outcome.FormData["Attitude"] = "对所犯错误认识深刻，工作积极。";
        outcome.FormData["Suggestions"] = "建议所在单位继续关心其思想状况。";
        outcome.FormData["Outcome"] = "予以肯定和鼓励";
        await _w.Visits.RecordOutcomeAsync(_w.Jijian, visitId, outcome);
        return visitId;
    }

    private VisitOutcome Outcome(long version) => new()
    {
        Version = version, ActualStart = _w.S.Clock.Today.AddHours(9), Record = "与受处分人员谈心谈话，了解思想和工作状况。",
    };

    public void Dispose() => _w.Dispose();
}
