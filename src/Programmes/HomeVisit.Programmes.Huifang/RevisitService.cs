using HomeVisit.Core.Access;
using HomeVisit.Core.Accounts;
using HomeVisit.Core.Data;
using HomeVisit.Core.Visits;
using Microsoft.EntityFrameworkCore;

namespace HomeVisit.Programmes.Huifang;

/// <summary>
/// Revisits of disciplined persons (seed 5 第八条–第十条). The visit itself — team of two or more, approval by the
/// head of the discipline committee before it can be recorded, the record form — is the core's
/// <see cref="VisitService"/> under the programme's rules; this service adds the plan's notes on the person and the
/// case, the registration form (登记表), and the feedback and filing of the outcome. Secret like the records.
/// </summary>
public sealed class RevisitService(IDbContextFactory<PortalDbContext> dbFactory, VisitService visits, ProgrammeAccess access, TimeProvider clock)
{
    public const string Purpose = "受处分人员回访关爱";

    /// <summary>Plans a revisit of the person of a sanction record; returns the visit's id. The plan waits for approval.</summary>
    public async Task<int> PlanAsync(PortalUser user, RevisitPlanEdit e, CancellationToken ct = default)
    {
        await access.EnsureAsync(user, SanctionAccess.ProgrammeKey);
        SanctionAccess.EnsureRead(user);
        new Validator()
            .Require(nameof(e.PersonNotes), e.PersonNotes, "回访对象情况（性格特点、思想和工作状况）")
            .MaxLength(nameof(e.PersonNotes), e.PersonNotes?.Trim(), 2000, "回访对象情况")
            .Require(nameof(e.CaseNotes), e.CaseNotes, "案情及相关政策法规要点")
            .MaxLength(nameof(e.CaseNotes), e.CaseNotes?.Trim(), 2000, "案情及相关政策法规要点")
            .MaxLength(nameof(e.Approach), e.Approach?.Trim(), 2000, "回访方式和重点")
            .ThrowIfInvalid();
        int personId;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            personId = await db.Set<SanctionRecord>().Where(r => r.Id == e.SanctionRecordId && r.InstitutionId == user.InstitutionId)
                .Select(r => (int?)r.PersonId).FirstOrDefaultAsync(ct) ?? throw new NotFoundException();
        }

        // The visit carries team, time, form and approval; VisitService checks them against the programme's rules
        // (two or more, discipline staff only, the person due on the day).
        var visitId = await visits.SavePlanAsync(user, new VisitPlan
        {
            ProgrammeKey = SanctionAccess.ProgrammeKey, Form = e.Form, PlannedStart = e.PlannedStart, DurationMinutes = e.DurationMinutes,
            Place = e.Place, Purpose = Purpose, VisitorIds = e.VisitorIds, RecorderId = e.RecorderId, TargetPersonIds = [personId],
        }, ct);

        await using var write = await dbFactory.CreateForAsync(user, clock, ct);
        write.Set<Revisit>().Add(new Revisit
        {
            InstitutionId = user.InstitutionId, VisitId = visitId, SanctionRecordId = e.SanctionRecordId,
            PersonNotes = e.PersonNotes!.Trim(), CaseNotes = e.CaseNotes!.Trim(), Approach = TextInput.Clean(e.Approach),
            CreatedByUserId = user.UserId, CreatedAt = clock.GetUtcNow().UtcDateTime,
        });
        await write.SaveChangesAsync(ct);
        return visitId;
    }

    public async Task<RevisitDetail> GetAsync(PortalUser user, int visitId, CancellationToken ct = default)
    {
        await access.EnsureAsync(user, SanctionAccess.ProgrammeKey);
        SanctionAccess.EnsureRead(user);
        await using var db = await dbFactory.CreateForAsync(user, clock, ct);
        var r = await LoadAsync(db, user, visitId, ct);
        var v = r.Visit!;
        var data = VisitFormData.Parse(v.FormDataJson);
        var names = await db.UserAccounts.Where(a => a.Id == r.FedBackByUserId || a.Id == r.ArchivedByUserId)
            .Select(a => new { a.Id, a.DisplayName }).ToListAsync(ct);
        db.AuditRead(nameof(Revisit), r.Id);
        await db.SaveChangesAsync(ct);

        var open = v.Status is VisitStatus.Planned or VisitStatus.Notified;
        var s = r.SanctionRecord!;
        return new RevisitDetail(r.Id, r.Version, v.Id, v.Version, s.Id, s.Person!.Name, s.Person.Unit?.Name, Describe(s),
            v.Form, v.PlannedStart, v.ActualStart, v.Place, v.Status, v.Approval, v.ApprovalNote,
            v.Visitors.OrderByDescending(x => x.IsRecorder).ThenBy(x => x.Id).Select(x => x.Person!.Name).ToList(),
            r.PersonNotes, r.CaseNotes, r.Approach, r.ReportingUnit, r.ReportedOn, r.Remarks,
            data.GetValueOrDefault("Attitude"), data.GetValueOrDefault("Suggestions"), data.GetValueOrDefault("Outcome"),
            r.FedBackToPersonOn, r.FedBackToUnitOn, r.FeedbackUnitName, r.FeedbackNote,
            names.FirstOrDefault(n => n.Id == r.FedBackByUserId)?.DisplayName, r.FedBackAt,
            r.ArchivedOn, r.ArchiveNote, names.FirstOrDefault(n => n.Id == r.ArchivedByUserId)?.DisplayName, r.ArchivedAt,
            CanEditNotes: open && v.Approval is ApprovalStatus.Pending or ApprovalStatus.Rejected,
            CanRecordFeedback: v.Status == VisitStatus.Done,
            CanArchive: v.Status == VisitStatus.Done);
    }

    /// <summary>Changes the plan's notes (only until the plan is approved) and the 登记表's 填报单位, 填报时间 and 备注.</summary>
    public async Task SaveNotesAsync(PortalUser user, int visitId, RevisitNotesEdit e, CancellationToken ct = default)
    {
        await access.EnsureAsync(user, SanctionAccess.ProgrammeKey);
        SanctionAccess.EnsureRead(user);
        await using var db = await dbFactory.CreateForAsync(user, clock, ct);
        var r = await LoadAsync(db, user, visitId, ct, tracking: true);
        var v = r.Visit!;
        var notesOpen = v.Status is VisitStatus.Planned or VisitStatus.Notified && v.Approval is ApprovalStatus.Pending or ApprovalStatus.Rejected;
        var notesChanged = TextInput.Clean(e.PersonNotes) != r.PersonNotes || TextInput.Clean(e.CaseNotes) != r.CaseNotes || TextInput.Clean(e.Approach) != r.Approach;
        new Validator()
            .Check(!notesChanged || notesOpen, nameof(e.PersonNotes), "方案已审批同意（或回访已结束），不能再修改方案内容。")
            .Require(nameof(e.PersonNotes), e.PersonNotes, "回访对象情况（性格特点、思想和工作状况）")
            .MaxLength(nameof(e.PersonNotes), e.PersonNotes?.Trim(), 2000, "回访对象情况")
            .Require(nameof(e.CaseNotes), e.CaseNotes, "案情及相关政策法规要点")
            .MaxLength(nameof(e.CaseNotes), e.CaseNotes?.Trim(), 2000, "案情及相关政策法规要点")
            .MaxLength(nameof(e.Approach), e.Approach?.Trim(), 2000, "回访方式和重点")
            .MaxLength(nameof(e.ReportingUnit), e.ReportingUnit?.Trim(), 200, "填报单位")
            .MaxLength(nameof(e.Remarks), e.Remarks?.Trim(), 1000, "备注")
            .Check(e.ReportedOn is null || DateOnly.FromDateTime(e.ReportedOn.Value) <= clock.Today(), nameof(e.ReportedOn), "填报时间不能晚于今天。")
            .ThrowIfInvalid();
        db.Entry(r).Property(x => x.Version).OriginalValue = e.Version;
        r.PersonNotes = TextInput.Clean(e.PersonNotes);
        r.CaseNotes = TextInput.Clean(e.CaseNotes);
        r.Approach = TextInput.Clean(e.Approach);
        r.ReportingUnit = TextInput.Clean(e.ReportingUnit);
        r.ReportedOn = e.ReportedOn is { } d ? DateOnly.FromDateTime(d) : null;
        r.Remarks = TextInput.Clean(e.Remarks);
        await db.SaveOrConflictAsync(ct);
    }

    /// <summary>第九条: the result was fed back to the person and to their unit's party organisation; who recorded it and when is kept.</summary>
    public async Task RecordFeedbackAsync(PortalUser user, int visitId, RevisitFeedbackEdit e, CancellationToken ct = default)
    {
        await access.EnsureAsync(user, SanctionAccess.ProgrammeKey);
        SanctionAccess.EnsureRead(user);
        await using var db = await dbFactory.CreateForAsync(user, clock, ct);
        var r = await LoadAsync(db, user, visitId, ct, tracking: true);
        var done = r.Visit!.Status == VisitStatus.Done;
        var after = r.Visit.ActualStart is { } a ? DateOnly.FromDateTime(a) : (DateOnly?)null;
        var today = clock.Today();
        new Validator()
            .Check(done, nameof(e.FedBackToPersonOn), "回访结果登记后才能登记反馈情况。")
            .Check(e.FedBackToPersonOn is not null, nameof(e.FedBackToPersonOn), "请填写向回访对象反馈的日期。")
            .Check(e.FedBackToUnitOn is not null, nameof(e.FedBackToUnitOn), "请填写向所在单位党组织反馈的日期。")
            .Require(nameof(e.FeedbackUnitName), e.FeedbackUnitName, "所在单位党组织")
            .MaxLength(nameof(e.FeedbackUnitName), e.FeedbackUnitName?.Trim(), 200, "所在单位党组织")
            .MaxLength(nameof(e.FeedbackNote), e.FeedbackNote?.Trim(), 1000, "反馈方式及情况")
            .Check(e.FedBackToPersonOn is null || InRange(e.FedBackToPersonOn.Value, after, today), nameof(e.FedBackToPersonOn), "反馈日期应在回访之后、今天之前。")
            .Check(e.FedBackToUnitOn is null || InRange(e.FedBackToUnitOn.Value, after, today), nameof(e.FedBackToUnitOn), "反馈日期应在回访之后、今天之前。")
            .ThrowIfInvalid();
        db.Entry(r).Property(x => x.Version).OriginalValue = e.Version;
        r.FedBackToPersonOn = DateOnly.FromDateTime(e.FedBackToPersonOn!.Value);
        r.FedBackToUnitOn = DateOnly.FromDateTime(e.FedBackToUnitOn!.Value);
        r.FeedbackUnitName = e.FeedbackUnitName!.Trim();
        r.FeedbackNote = TextInput.Clean(e.FeedbackNote);
        r.FedBackByUserId = user.UserId;
        r.FedBackAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveOrConflictAsync(ct);
    }

    /// <summary>第十条: the materials were filed in the person's case archive; who and when is kept.</summary>
    public async Task ArchiveAsync(PortalUser user, int visitId, RevisitArchiveEdit e, CancellationToken ct = default)
    {
        await access.EnsureAsync(user, SanctionAccess.ProgrammeKey);
        SanctionAccess.EnsureRead(user);
        await using var db = await dbFactory.CreateForAsync(user, clock, ct);
        var r = await LoadAsync(db, user, visitId, ct, tracking: true);
        var after = r.Visit!.ActualStart is { } a ? DateOnly.FromDateTime(a) : (DateOnly?)null;
        new Validator()
            .Check(r.Visit.Status == VisitStatus.Done, nameof(e.ArchivedOn), "回访结果登记后才能存入案件档案。")
            .Check(e.ArchivedOn is not null, nameof(e.ArchivedOn), "请填写存档日期。")
            .Check(e.ArchivedOn is null || InRange(e.ArchivedOn.Value, after, clock.Today()), nameof(e.ArchivedOn), "存档日期应在回访之后、今天之前。")
            .MaxLength(nameof(e.ArchiveNote), e.ArchiveNote?.Trim(), 500, "档案编号或说明")
            .ThrowIfInvalid();
        db.Entry(r).Property(x => x.Version).OriginalValue = e.Version;
        r.ArchivedOn = DateOnly.FromDateTime(e.ArchivedOn!.Value);
        r.ArchiveNote = TextInput.Clean(e.ArchiveNote);
        r.ArchivedByUserId = user.UserId;
        r.ArchivedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveOrConflictAsync(ct);
    }

    /// <summary>The 受处分人员回访关爱工作情况登记表 of a revisit, every field, for printing. The read is audited.</summary>
    public async Task<RegistrationForm> RegistrationFormAsync(PortalUser user, int visitId, CancellationToken ct = default)
    {
        await access.EnsureAsync(user, SanctionAccess.ProgrammeKey);
        SanctionAccess.EnsureRead(user);
        await using var db = await dbFactory.CreateForAsync(user, clock, ct);
        var r = await LoadAsync(db, user, visitId, ct);
        db.AuditRead(nameof(Revisit), r.Id, "受处分人员回访关爱工作情况登记表");
        await db.SaveChangesAsync(ct);
        return Registration(r);
    }

    /// <summary>The 登记表 of a revisit loaded with its visit (team), sanction record and person (unit).</summary>
    internal static RegistrationForm Registration(Revisit r)
    {
        var v = r.Visit!;
        var s = r.SanctionRecord!;
        var p = s.Person!;
        var data = VisitFormData.Parse(v.FormDataJson);
        var unitAndPosition = string.Join(" ", new[] { p.Unit?.Name, p.Position }.Where(x => !string.IsNullOrWhiteSpace(x)));
        return new RegistrationForm(r.ReportingUnit, r.ReportedOn, p.Name, p.Gender, p.BirthDate, s.Education, s.WorkStartedOn, s.PartyJoinedOn,
            unitAndPosition.Length == 0 ? null : unitAndPosition, p.HomeAddress, p.Phone, s.Reason,
            s.PartyDecidedOn, s.PartyKind is { } pk ? InfluencePeriods.Name(pk) : null,
            s.GovernmentDecidedOn, s.GovernmentKind is { } gk ? InfluencePeriods.Name(gk) : null,
            v.Status == VisitStatus.Done ? v.ActualStart : null, data.GetValueOrDefault("Attitude"), data.GetValueOrDefault("Suggestions"),
            v.Visitors.OrderByDescending(x => x.IsRecorder).ThenBy(x => x.Id).Select(x => x.Person!.Name).ToList(), r.Remarks);
    }

    internal static async Task<IReadOnlyList<RevisitRow>> RowsAsync(PortalDbContext db, int recordId, CancellationToken ct)
    {
        var rows = await db.Set<Revisit>().AsNoTracking().Where(r => r.SanctionRecordId == recordId)
            .OrderByDescending(r => r.Visit!.PlannedStart)
            .Select(r => new
            {
                r.VisitId, r.Visit!.Form, r.Visit.PlannedStart, r.Visit.ActualStart, r.Visit.Status, r.Visit.Approval, r.Visit.FormDataJson,
                Team = r.Visit.Visitors.Select(x => x.Person!.Name).ToList(), FedBack = r.FedBackToUnitOn != null, Archived = r.ArchivedOn != null,
            })
            .ToListAsync(ct);
        return rows.Select(r => new RevisitRow(r.VisitId, r.Form, r.PlannedStart, r.ActualStart, r.Status, r.Approval, string.Join("、", r.Team),
            VisitFormData.Parse(r.FormDataJson).GetValueOrDefault("Outcome"), r.FedBack, r.Archived)).ToList();
    }

    /// <summary>
    /// The revisit of a visit; a revisit planned on the general visit page (without notes) gets its row here, tied
    /// to the person's sanction record due on the planned day (the plan check guaranteed one).
    /// </summary>
    private static async Task<Revisit> LoadAsync(PortalDbContext db, PortalUser user, int visitId, CancellationToken ct, bool tracking = false)
    {
        IQueryable<Revisit> query = db.Set<Revisit>()
            .Include(x => x.Visit!).ThenInclude(v => v.Visitors).ThenInclude(x => x.Person)
            .Include(x => x.SanctionRecord!).ThenInclude(s => s.Person!).ThenInclude(p => p.Unit);
        if (!tracking) query = query.AsNoTracking();
        var r = await query.FirstOrDefaultAsync(x => x.VisitId == visitId && x.InstitutionId == user.InstitutionId, ct);
        if (r is not null) return r;

        var visit = await db.Visits.Where(v => v.Id == visitId && v.InstitutionId == user.InstitutionId && v.ProgrammeKey == SanctionAccess.ProgrammeKey)
            .Select(v => new { v.Id, v.PlannedStart, Target = v.Targets.Where(t => t.PersonId != null).Select(t => t.PersonId).FirstOrDefault() })
            .FirstOrDefaultAsync(ct) ?? throw new NotFoundException();
        var records = await db.Set<SanctionRecord>().AsNoTracking().Include(s => s.Person)
            .Where(s => s.InstitutionId == user.InstitutionId && s.PersonId == visit.Target).ToListAsync(ct);
        var day = DateOnly.FromDateTime(visit.PlannedStart);
        var record = records.FirstOrDefault(s => EligibilityRule.Evaluate(s, s.Person!.Establishment, day).IsDue)
                     ?? records.OrderByDescending(s => s.InfluenceStartsOn).FirstOrDefault() ?? throw new NotFoundException();
        db.Set<Revisit>().Add(new Revisit
        {
            InstitutionId = user.InstitutionId, VisitId = visit.Id, SanctionRecordId = record.Id,
            CreatedByUserId = user.UserId, CreatedAt = db.Clock.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        return await LoadAsync(db, user, visitId, ct, tracking);
    }

    private static bool InRange(DateTime value, DateOnly? from, DateOnly to)
    {
        var d = DateOnly.FromDateTime(value);
        return d <= to && (from is null || d >= from);
    }

    public static string Describe(SanctionRecord s)
    {
        var parts = new List<string>();
        if (s.PartyKind is { } pk) parts.Add($"党纪处分：{InfluencePeriods.Name(pk)}（{s.PartyDecidedOn:yyyy-MM-dd}）");
        if (s.GovernmentKind is { } gk) parts.Add($"政务处分：{InfluencePeriods.Name(gk)}（{s.GovernmentDecidedOn:yyyy-MM-dd}）");
        return string.Join("；", parts);
    }
}
