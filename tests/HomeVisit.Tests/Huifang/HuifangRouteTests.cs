using HomeVisit.Core.Accounts;
using HomeVisit.Core.Data;
using HomeVisit.Core.Exports;
using HomeVisit.Core.Institutions;
using HomeVisit.Core.People;
using HomeVisit.Programmes.Huifang;
using HomeVisit.Core.Visits;

namespace HomeVisit.Tests.Huifang;

/// <summary>
/// Issue 16 item 4 (seed 5 第八条（二）): a revisit planned on the general 安排家访 form has no plan notes and cannot be
/// approved or recorded until they are written; only the approver role of the rules (by default 纪委主要负责人) approves.
/// </summary>
public sealed class HuifangRouteTests : IDisposable
{
    private readonly HuifangWorld _w = new();

    public void Dispose() => _w.Dispose();

    private async Task<int> GeneralFormRevisitAsync()
    {
        await _w.WarningAsync(_w.S.StaffOne, DateOnly.FromDateTime(_w.S.Clock.Today).AddMonths(-3));
        return await _w.Visits.SavePlanAsync(_w.Anguan, new VisitPlan
        {
            ProgrammeKey = SanctionAccess.ProgrammeKey, Form = HuifangForms.OnSiteTalk, PlannedStart = _w.S.Clock.Today.AddDays(1).AddHours(15),
            DurationMinutes = 60, VisitorIds = [_w.CasePerson.Id, _w.SecondDisciplinePerson.Id], TargetPersonIds = [_w.S.StaffOne.Id],
        });
    }

    [Fact]
    public async Task A_revisit_planned_on_the_general_form_cannot_be_approved_or_recorded_until_its_plan_notes_are_written()
    {
        var visitId = await GeneralFormRevisitAsync();
        var version = (await _w.Visits.GetAsync(_w.Jiwei, visitId)).Version;

        var approve = await Assert.ThrowsAsync<PortalValidationException>(() => _w.Visits.DecideApprovalAsync(_w.Jiwei, visitId, version, true, null));

        Assert.Equal(RevisitRules.MissingNotes, approve.Errors["ApprovalNote"]);
        Assert.Equal(ApprovalStatus.Pending, (await _w.S.VisitRowAsync(visitId)).Approval);
        // Sending it back for its notes is allowed; then the notes are written on the revisit's page and it is approved.
        await _w.Visits.DecideApprovalAsync(_w.Jiwei, visitId, version, false, "请补充回访方案");
        var r = await _w.Revisits.GetAsync(_w.Anguan, visitId);
        Assert.True(r.CanEditNotes);
        await _w.Revisits.SaveNotesAsync(_w.Anguan, visitId, new RevisitNotesEdit
        {
            Version = r.Version, PersonNotes = "性格内向，受处分后工作态度端正。", CaseNotes = "党内警告，影响期一年。",
        });
        var plan = await _w.Visits.GetPlanAsync(_w.Anguan, visitId);
        await _w.Visits.SavePlanAsync(_w.Anguan, plan); // re-submitted: pending again
        await _w.Visits.DecideApprovalAsync(_w.Jiwei, visitId, (await _w.S.VisitRowAsync(visitId)).Version, true, null);
        Assert.Equal(ApprovalStatus.Approved, (await _w.S.VisitRowAsync(visitId)).Approval);
    }

    [Fact]
    public async Task Without_approval_in_the_rules_a_general_form_revisit_still_cannot_be_recorded_without_its_plan_notes()
    {
        var rules = await _w.S.Rules.CurrentRulesAsync(_w.S.InstitutionA, SanctionAccess.ProgrammeKey);
        rules.PlanNeedsApproval = false;
        await _w.S.Rules.SaveAsync(_w.Jiwei, SanctionAccess.ProgrammeKey, rules, new DateOnly(2026, 1, 1), null);
        var visitId = await GeneralFormRevisitAsync();
        _w.S.Clock.Advance(TimeSpan.FromDays(2));
        var outcome = new VisitOutcome
        {
            Version = (await _w.S.VisitRowAsync(visitId)).Version, ActualStart = _w.S.Clock.Today.AddDays(-1).AddHours(15), Record = "谈心谈话。",
            FormData = { ["Attitude"] = "认识深刻。", ["Outcome"] = "予以肯定和鼓励" },
        };

        var error = await Assert.ThrowsAsync<PortalValidationException>(() => _w.Visits.RecordOutcomeAsync(_w.Jijian, visitId, outcome));

        Assert.Equal(RevisitRules.MissingNotes, error.Errors[nameof(VisitOutcome.Record)]);
        Assert.Equal(VisitStatus.Planned, (await _w.S.VisitRowAsync(visitId)).Status);
    }

    [Fact]
    public async Task Only_the_discipline_committee_head_approves_by_default_and_the_rules_can_name_another_role()
    {
        var visitId = await _w.Revisits.PlanAsync(_w.Anguan, _w.Plan(await _w.WarningAsync(_w.S.StaffOne, DateOnly.FromDateTime(_w.S.Clock.Today).AddMonths(-3))));
        // A third discipline officer, not on the team and not the head.
        UserAccount officer;
        await using (var db = _w.S.Context())
        {
            var person = new Person { InstitutionId = _w.S.InstitutionA, UnitId = _w.S.School, Name = "纪检干事三", StaffNumber = "D003" };
            db.People.Add(person);
            officer = new UserAccount { InstitutionId = _w.S.InstitutionA, UserName = "jiancha", DisplayName = person.Name, Person = person, Roles = [Roles.DisciplineOffice] };
            db.UserAccounts.Add(officer);
            await db.SaveChangesAsync();
        }
        var jiancha = PortalUser.From(officer);
        var version = (await _w.S.VisitRowAsync(visitId)).Version;

        var refused = await Assert.ThrowsAsync<AccessDeniedException>(() => _w.Visits.DecideApprovalAsync(jiancha, visitId, version, true, null));

        Assert.Equal("您不是该项目的审批人。", refused.Message);
        Assert.False((await _w.Visits.GetAsync(jiancha, visitId)).CanApprove);
        Assert.True((await _w.Visits.GetAsync(_w.Jiwei, visitId)).CanApprove);
        // The institution names another approver role in the rules: from then on that role approves.
        var rules = await _w.S.Rules.CurrentRulesAsync(_w.S.InstitutionA, SanctionAccess.ProgrammeKey);
        Assert.Equal(Roles.DisciplineHead, rules.ApproverRole);
        rules.ApproverRole = Roles.DisciplineOffice;
        await _w.S.Rules.SaveAsync(_w.Jiwei, SanctionAccess.ProgrammeKey, rules, new DateOnly(2026, 1, 1), "由纪检监察室审批");
        await _w.Visits.DecideApprovalAsync(jiancha, visitId, version, true, null);
        Assert.Equal(ApprovalStatus.Approved, (await _w.S.VisitRowAsync(visitId)).Approval);
    }

    [Fact]
    public async Task The_head_on_the_team_cannot_approve_the_teams_own_plan()
    {
        var plan = _w.Plan(await _w.WarningAsync(_w.S.StaffOne, DateOnly.FromDateTime(_w.S.Clock.Today).AddMonths(-3)));
        plan.VisitorIds = [_w.CasePerson.Id, _w.S.DisciplinePerson.Id];
        plan.RecorderId = _w.CasePerson.Id;
        var visitId = await _w.Revisits.PlanAsync(_w.Anguan, plan);

        var version = (await _w.S.VisitRowAsync(visitId)).Version;
        var own = await Assert.ThrowsAsync<PortalValidationException>(() => _w.Visits.DecideApprovalAsync(_w.Jiwei, visitId, version, true, null));

        Assert.Equal("工作组成员不能审批本组的方案。", own.Errors["ApprovalNote"]);
    }

    [Fact]
    public async Task A_phone_revisit_records_no_family_members_met()
    {
        var plan = _w.Plan(await _w.WarningAsync(_w.S.StaffOne, DateOnly.FromDateTime(_w.S.Clock.Today).AddMonths(-3)));
        plan.Form = HuifangForms.PhoneVisit;
        var visitId = await _w.Revisits.PlanAsync(_w.Anguan, plan);
        await _w.Visits.DecideApprovalAsync(_w.Jiwei, visitId, (await _w.S.VisitRowAsync(visitId)).Version, true, null);
        _w.S.Clock.Advance(TimeSpan.FromDays(2));
        VisitOutcome Outcome(long version, List<int> family) => new()
        {
            Version = version, ActualStart = _w.S.Clock.Today.AddDays(-1).AddHours(15), Record = "电话回访，了解思想和工作状况。", FamilyMetIds = family,
            FormData = { ["Attitude"] = "认识深刻。", ["Outcome"] = "予以肯定和鼓励" },
        };
        var version = (await _w.S.VisitRowAsync(visitId)).Version;

        var error = await Assert.ThrowsAsync<PortalValidationException>(() =>
            _w.Visits.RecordOutcomeAsync(_w.Jijian, visitId, Outcome(version, [_w.S.StaffOneSpouse.Id])));

        Assert.Equal("电话回访不登记见到的家属。", error.Errors[nameof(VisitOutcome.FamilyMetIds)]);
        await _w.Visits.RecordOutcomeAsync(_w.Jijian, visitId, Outcome(version, []));
        Assert.Equal(VisitStatus.Done, (await _w.S.VisitRowAsync(visitId)).Status);
    }

    [Fact]
    public async Task The_revisit_ledger_and_visit_page_speak_of_回访人员_not_家访领导()
    {
        var common = new CommonLedger(_w.S.Db.Factory, _w.Catalog, new OrgService(_w.S.Db.Factory), _w.S.Rules);
        var exports = new ExportService(_w.S.Db.Factory, [new HuifangLedgerProvider(common)], common, _w.S.Clock);

        var ledger = await exports.LedgerAsync(_w.Jiwei, SanctionAccess.ProgrammeKey, 2026, null);

        Assert.Equal(["序号", "时间", "回访人员姓名", "职务", "回访对象姓名", "职务", "备注"], ledger.Columns);
        Assert.Equal("回访人员", _w.Catalog.Find(SanctionAccess.ProgrammeKey)!.VisitorsLabel);
        Assert.Equal("家访人员", _w.Catalog.Find("lianzheng")!.VisitorsLabel);
    }
}
