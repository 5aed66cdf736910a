using HomeVisit.Core.Access;
using HomeVisit.Core.Accounts;
using HomeVisit.Core.Data;
using HomeVisit.Core.People;
using HomeVisit.Core.Programmes;
using HomeVisit.Core.Visits;
using Microsoft.EntityFrameworkCore;

namespace HomeVisit.Programmes.Huifang;

/// <summary>
/// Sanction records (受处分人员) and who is due for a revisit (seed 5 第四条, 第五条, 第八条（一）). Only
/// <see cref="SanctionAccess.Roles"/> read; only the case management office writes; everyone else gets
/// <see cref="NotFoundException"/>. Every read is audited.
/// </summary>
/// <remarks>
/// Eligibility is <see cref="EligibilityRule.Evaluate"/>, computed per record for the day asked about. The list
/// filters, sorts and pages by the same rule written as a SQL expression over the stored influence period
/// (<see cref="SanctionRecord.InfluenceStartsOn"/>, <see cref="SanctionRecord.InfluenceEndsOn"/>), so a county's
/// records are not loaded to show one page; each row shown is still evaluated by the rule itself.
/// </remarks>
public sealed class SanctionService(IDbContextFactory<PortalDbContext> dbFactory, ProgrammeAccess access, ProgrammeRulesService rules, TimeProvider clock)
{
    public async Task<PagedResult<SanctionRow>> ListAsync(PortalUser user, SanctionQuery q, DateOnly? day = null, CancellationToken ct = default)
    {
        await access.EnsureAsync(user, SanctionAccess.ProgrammeKey);
        SanctionAccess.EnsureRead(user);
        var on = day ?? clock.Today();
        await using var db = await dbFactory.CreateForAsync(user, clock, ct);
        var records = db.Set<SanctionRecord>().AsNoTracking().Where(r => r.InstitutionId == user.InstitutionId);
        if (!string.IsNullOrWhiteSpace(q.Search))
        {
            var s = q.Search.Trim();
            records = records.Where(r => r.Person!.Name.Contains(s) || r.Person.StaffNumber.StartsWith(s) || (r.CaseNumber != null && r.CaseNumber.Contains(s)));
        }
        // Filtered, counted, sorted and paged in the database: the rank is EligibilityRule.Evaluate's status (its enum order)
        // written over the stored influence period; only the page's rows are then evaluated for their reason, and only they
        // count their revisits. SanctionRecordTests hold the two to the same answers on every branch of the rule.
        var ranked = records.Select(r => new
        {
            Record = r,
            r.Person!.Name,
            Rank = r.PartyKind == PartySanction.Expulsion || r.GovernmentKind == GovernmentSanction.Expulsion
                   || (r.TransferredToJudicialOn != null && r.TransferredToJudicialOn <= on)
                   || (r.CriminallyPunishedOn != null && r.CriminallyPunishedOn <= on)
                ? (int)RevisitEligibility.Excluded
                : r.InfluenceStartsOn == null ? (int)RevisitEligibility.Ended
                : (r.RetiredOn != null && r.RetiredOn <= on && r.RetiredOn <= r.InfluenceEndsOn)
                  || (r.RetiredOn == null && r.Person.Establishment == EstablishmentStatus.Retired)
                    ? (int)RevisitEligibility.Excluded
                : on < r.InfluenceStartsOn ? (int)RevisitEligibility.NotYetInForce
                : on > r.InfluenceEndsOn ? (int)RevisitEligibility.Ended
                : (int)RevisitEligibility.Due,
        });
        if (q.Status is { } wanted) ranked = ranked.Where(x => x.Rank == (int)wanted);
        var total = await ranked.CountAsync(ct);
        var pageSize = Math.Clamp(q.PageSize, 1, 200);
        var page = Math.Max(1, q.Page);
        var rows = await ranked
            // Records without an influence period first among equals, as a null sorts first in memory (PostgreSQL puts nulls last).
            .OrderBy(x => x.Rank).ThenBy(x => x.Record.InfluenceEndsOn == null ? 0 : 1).ThenBy(x => x.Record.InfluenceEndsOn)
            .ThenBy(x => x.Name).ThenBy(x => x.Record.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(x => new
            {
                x.Record,
                x.Name, UnitName = x.Record.Person!.Unit!.Name, x.Record.Person.Position, x.Record.Person.Establishment,
                // 已回访 is what was done; plans (awaiting approval, approved, or sent back) are work still to do (issue 17 item 8).
                Revisits = db.Set<Revisit>().Count(v => v.SanctionRecordId == x.Record.Id && v.Visit!.Status == VisitStatus.Done),
                Planned = db.Set<Revisit>().Count(v => v.SanctionRecordId == x.Record.Id && (v.Visit!.Status == VisitStatus.Planned || v.Visit.Status == VisitStatus.Notified)),
                Last = db.Set<Revisit>().Where(v => v.SanctionRecordId == x.Record.Id && v.Visit!.Status == VisitStatus.Done)
                    .Max(v => (DateTime?)v.Visit!.EffectiveStart),
            })
            .ToListAsync(ct);

        var items = rows
            .Select(x => new SanctionRow(x.Record.Id, x.Record.PersonId, x.Name, x.UnitName, x.Position, x.Record.CaseNumber,
                x.Record.PartyKind is { } pk ? InfluencePeriods.Name(pk) : null, x.Record.PartyDecidedOn,
                x.Record.GovernmentKind is { } gk ? InfluencePeriods.Name(gk) : null, x.Record.GovernmentDecidedOn,
                EligibilityRule.Evaluate(x.Record, x.Establishment, on), x.Revisits, x.Planned, x.Last is { } l ? DateOnly.FromDateTime(l) : null))
            .ToList();

        db.AuditRead(nameof(SanctionRecord), "list", $"受处分人员名单（{on:yyyy-MM-dd}）");
        await db.SaveChangesAsync(ct);
        return new PagedResult<SanctionRow>(items, total, page, pageSize);
    }

    public async Task<SanctionDetail> GetAsync(PortalUser user, int id, CancellationToken ct = default)
    {
        await access.EnsureAsync(user, SanctionAccess.ProgrammeKey);
        SanctionAccess.EnsureRead(user);
        await using var db = await dbFactory.CreateForAsync(user, clock, ct);
        var r = await db.Set<SanctionRecord>().AsNoTracking().Include(x => x.Person).ThenInclude(p => p!.Unit)
            .FirstOrDefaultAsync(x => x.Id == id && x.InstitutionId == user.InstitutionId, ct) ?? throw new NotFoundException();
        var revisits = await RevisitService.RowsAsync(db, r.Id, ct);
        db.AuditRead(nameof(SanctionRecord), r.Id);
        await db.SaveChangesAsync(ct);
        var p = r.Person!;
        return new SanctionDetail(r.Id, r.Version, p.Id, p.Name, p.Gender, p.BirthDate, p.Unit?.Name, p.Position, p.Phone, p.HomeAddress,
            r.CaseNumber, r.Reason, r.PartyKind, r.PartyDecidedOn, r.PartyInfluenceMonths, r.GovernmentKind, r.GovernmentDecidedOn,
            r.GovernmentInfluenceMonths, r.Education, r.WorkStartedOn, r.PartyJoinedOn, r.TransferredToJudicialOn, r.CriminallyPunishedOn,
            r.RetiredOn, r.Notes, EligibilityRule.Evaluate(r, p.Establishment, clock.Today()), SanctionAccess.CanWrite(user), revisits)
        {
            IsOtherPerson = r.IsOtherPerson, CareStartsOn = r.CareStartsOn, CareEndsOn = r.CareEndsOn,
            ExclusionOverrideReason = r.ExclusionOverrideReason, ExclusionOverrideApproved = EligibilityRule.OverrideApproved(r),
            CanDecideExclusionOverride = r.ExclusionOverrideReason is not null && r.ExclusionOverrideApprovedAt is null
                && r.ExclusionOverrideRequestedByUserId != user.UserId && await MayApproveAsync(user, ct),
        };
    }

    // The programme's approver role (default 纪委主要负责人), as for revisit plans (第八条（二）).
    private async Task<bool> MayApproveAsync(PortalUser user, CancellationToken ct) =>
        (await rules.RulesOnAsync(user.InstitutionId, SanctionAccess.ProgrammeKey, clock.Today(), ct)).ApproverRole is { } role && user.IsInRole(role);

    /// <summary>
    /// Approves (or sends back) the request to revisit a person 第五条 excludes “原则上” (<see cref="SanctionRecord.ExclusionOverrideReason"/>):
    /// by the programme's approver role, never by whoever asked; audited.
    /// </summary>
    public async Task DecideExclusionOverrideAsync(PortalUser user, int id, long version, bool approve, CancellationToken ct = default)
    {
        await access.EnsureAsync(user, SanctionAccess.ProgrammeKey);
        SanctionAccess.EnsureRead(user);
        if (!await MayApproveAsync(user, ct)) throw new AccessDeniedException("只有纪委主要负责人（本项目的审批人）可以批准继续回访。");
        await using var db = await dbFactory.CreateForAsync(user, clock, ct);
        var r = await db.Set<SanctionRecord>().FirstOrDefaultAsync(x => x.Id == id && x.InstitutionId == user.InstitutionId, ct) ?? throw new NotFoundException();
        db.Entry(r).Property(x => x.Version).OriginalValue = version;
        if (r.ExclusionOverrideReason is null || r.ExclusionOverrideApprovedAt is not null)
            throw new PortalValidationException(nameof(SanctionEdit.ExclusionOverrideReason), "没有待审批的继续回访申请。");
        if (r.ExclusionOverrideRequestedByUserId == user.UserId)
            throw new PortalValidationException(nameof(SanctionEdit.ExclusionOverrideReason), "提出继续回访申请的人不能批准本人的申请。");
        db.AuditEvent(approve ? "exclusion-override-approved" : "exclusion-override-returned", nameof(SanctionRecord), r.Id,
            $"第五条原则上不再回访，申请继续回访：{r.ExclusionOverrideReason}");
        if (approve)
        {
            r.ExclusionOverrideApprovedByUserId = user.UserId;
            r.ExclusionOverrideApprovedAt = clock.GetUtcNow().UtcDateTime;
        }
        else
        {
            r.ExclusionOverrideReason = null;
            r.ExclusionOverrideRequestedByUserId = null;
            r.ExclusionOverrideRequestedAt = null;
        }
        await db.SaveOrConflictAsync(ct);
    }

    /// <summary>Adds (<see cref="SanctionEdit.Id"/> 0) or changes a record; the case management office only.</summary>
    public async Task<int> SaveAsync(PortalUser user, SanctionEdit e, CancellationToken ct = default)
    {
        await access.EnsureAsync(user, SanctionAccess.ProgrammeKey);
        SanctionAccess.EnsureRead(user);
        if (!SanctionAccess.CanWrite(user)) throw new AccessDeniedException("受处分人员信息只能由案件管理室录入和修改。");
        await using var db = await dbFactory.CreateForAsync(user, clock, ct);
        var today = clock.Today();
        var v = new Validator()
            .Check(e.PersonId is not null, nameof(e.PersonId), "请选择受处分人员。")
            .Require(nameof(e.Reason), e.Reason, "受处分原因（主要违纪违法事实）")
            .MaxLength(nameof(e.Reason), e.Reason?.Trim(), 4000, "受处分原因")
            .MaxLength(nameof(e.CaseNumber), e.CaseNumber?.Trim(), 100, "案件编号")
            .MaxLength(nameof(e.Education), e.Education?.Trim(), 50, "文化程度")
            .MaxLength(nameof(e.Notes), e.Notes?.Trim(), 1000, "备注")
            .Check(e.IsOtherPerson || e.PartyKind is not null || e.GovernmentKind is not null, nameof(e.PartyKind), "请至少填写一项党纪处分或政务处分。")
            .Check(!e.IsOtherPerson || (e.PartyKind is null && e.GovernmentKind is null), nameof(e.IsOtherPerson), "其他需要回访关爱教育的人员没有处分：请不要同时填写党纪处分或政务处分。")
            .Check(!e.IsOtherPerson || (e.CareStartsOn is not null && e.CareEndsOn is not null), nameof(e.CareStartsOn), "请填写回访关爱期间（起止日期）。")
            .Check(e.CareStartsOn is null || e.CareEndsOn is null || e.CareStartsOn <= e.CareEndsOn, nameof(e.CareEndsOn), "回访关爱期间的结束日期不能早于开始日期。")
            .Check(e.CareStartsOn is null || e.CareStartsOn.Value.Year >= 2000, nameof(e.CareStartsOn), "回访关爱期间不正确。")
            .MaxLength(nameof(e.ExclusionOverrideReason), e.ExclusionOverrideReason?.Trim(), 1000, "继续回访的理由");
        CheckTerm(v, e.PartyKind is not null, e.PartyKind is PartySanction.Expulsion, e.PartyDecidedOn, e.PartyInfluenceMonths,
            nameof(e.PartyDecidedOn), nameof(e.PartyInfluenceMonths), "党纪处分", today);
        CheckTerm(v, e.GovernmentKind is not null, e.GovernmentKind is GovernmentSanction.Expulsion, e.GovernmentDecidedOn, e.GovernmentInfluenceMonths,
            nameof(e.GovernmentDecidedOn), nameof(e.GovernmentInfluenceMonths), "政务处分", today);
        if (e.PartyKind is PartySanction.Probation && e.PartyInfluenceMonths is int pm && pm is not (12 or 24))
            v.Add(nameof(e.PartyInfluenceMonths), "留党察看期限为一年或二年（12 或 24 个月）。");
        foreach (var (field, value, label) in new[]
                 {
                     (nameof(e.WorkStartedOn), e.WorkStartedOn, "参加工作时间"), (nameof(e.PartyJoinedOn), e.PartyJoinedOn, "入党时间"),
                     (nameof(e.TransferredToJudicialOn), e.TransferredToJudicialOn, "移送司法机关日期"),
                     (nameof(e.CriminallyPunishedOn), e.CriminallyPunishedOn, "受刑事处罚日期"), (nameof(e.RetiredOn), e.RetiredOn, "退休日期"),
                 })
            v.Check(value is null || (value.Value.Year >= 1900 && DateOnly.FromDateTime(value.Value) <= today.AddYears(1)), field, new PortalMessage("{0}不正确。", label));
        if (e.PersonId is int personId)
        {
            var exists = await db.People.AnyAsync(p => p.Id == personId && p.InstitutionId == user.InstitutionId, ct);
            v.Check(exists, nameof(e.PersonId), "所选人员不存在。");
        }
        v.ThrowIfInvalid();

        SanctionRecord r;
        if (e.Id == 0)
        {
            r = new SanctionRecord { InstitutionId = user.InstitutionId, Reason = "", CreatedByUserId = user.UserId, CreatedAt = clock.GetUtcNow().UtcDateTime };
            db.Set<SanctionRecord>().Add(r);
        }
        else
        {
            r = await db.Set<SanctionRecord>().FirstOrDefaultAsync(x => x.Id == e.Id && x.InstitutionId == user.InstitutionId, ct) ?? throw new NotFoundException();
            db.Entry(r).Property(x => x.Version).OriginalValue = e.Version;
        }
        r.PersonId = e.PersonId!.Value;
        r.CaseNumber = TextInput.Clean(e.CaseNumber);
        r.Reason = e.Reason!.Trim();
        r.PartyKind = e.PartyKind;
        r.PartyDecidedOn = e.PartyKind is null ? null : Day(e.PartyDecidedOn);
        r.PartyInfluenceMonths = e.PartyKind is null or PartySanction.Expulsion ? null : e.PartyInfluenceMonths;
        r.GovernmentKind = e.GovernmentKind;
        r.GovernmentDecidedOn = e.GovernmentKind is null ? null : Day(e.GovernmentDecidedOn);
        r.GovernmentInfluenceMonths = e.GovernmentKind is null or GovernmentSanction.Expulsion ? null : e.GovernmentInfluenceMonths;
        var period = EligibilityRule.Period(r);
        r.InfluenceStartsOn = period?.Start;
        r.InfluenceEndsOn = period?.End;
        r.Education = TextInput.Clean(e.Education);
        r.WorkStartedOn = Day(e.WorkStartedOn);
        r.PartyJoinedOn = Day(e.PartyJoinedOn);
        r.TransferredToJudicialOn = Day(e.TransferredToJudicialOn);
        r.CriminallyPunishedOn = Day(e.CriminallyPunishedOn);
        r.RetiredOn = Day(e.RetiredOn);
        r.Notes = TextInput.Clean(e.Notes);
        r.IsOtherPerson = e.IsOtherPerson;
        r.CareStartsOn = Day(e.CareStartsOn);
        r.CareEndsOn = Day(e.CareEndsOn);
        // A new or changed reason is a new request: it waits for the approver again (DecideExclusionOverrideAsync).
        var overrideReason = TextInput.Clean(e.ExclusionOverrideReason);
        if (overrideReason != r.ExclusionOverrideReason)
        {
            r.ExclusionOverrideReason = overrideReason;
            r.ExclusionOverrideRequestedByUserId = overrideReason is null ? null : user.UserId;
            r.ExclusionOverrideRequestedAt = overrideReason is null ? null : clock.GetUtcNow().UtcDateTime;
            r.ExclusionOverrideApprovedByUserId = null;
            r.ExclusionOverrideApprovedAt = null;
        }
        await db.SaveOrConflictAsync(ct);
        return r.Id;
    }

    private static void CheckTerm(Validator v, bool present, bool expulsion, DateTime? decidedOn, int? months, string dateField, string monthsField, string label, DateOnly today)
    {
        if (!present) return;
        v.Check(decidedOn is not null, dateField, new PortalMessage("请填写{0}的决定时间。", label));
        v.Check(decidedOn is null || (decidedOn.Value.Year >= 1990 && DateOnly.FromDateTime(decidedOn.Value) <= today), dateField, new PortalMessage("{0}的决定时间不能晚于今天。", label));
        if (!expulsion) v.Check(months is >= 1 and <= 60, monthsField, new PortalMessage("请填写{0}的影响期（1–60 个月）。", label));
    }

    private static DateOnly? Day(DateTime? d) => d is { } x ? DateOnly.FromDateTime(x) : null;

    /// <summary>For pickers on the revisit plan: the people with a record in the institution.</summary>
    internal static IQueryable<SanctionRecord> Of(PortalDbContext db, PortalUser user) =>
        db.Set<SanctionRecord>().Where(r => r.InstitutionId == user.InstitutionId);
}

/// <summary>
/// Planning a visit in a programme whose targets are disciplined persons only (受处分人员回访关爱): every person
/// visited must have a sanction record that is due on the planned day; otherwise the list's reason is the message.
/// </summary>
internal sealed class SanctionPlanCheck : IVisitPlanCheck
{
    public async Task CheckAsync(PortalDbContext db, PortalUser user, VisitPlan plan, HomeVisit.Core.Programmes.ProgrammeRules rules, Validator v, CancellationToken ct)
    {
        const HomeVisit.Core.Programmes.TargetScope personScopes = HomeVisit.Core.Programmes.TargetScope.InEstablishmentStaff | HomeVisit.Core.Programmes.TargetScope.FamilyMembers |
                                                   HomeVisit.Core.Programmes.TargetScope.LinkedIndividuals;
        if (!rules.Targets.HasFlag(HomeVisit.Core.Programmes.TargetScope.DisciplinedPersons) || (rules.Targets & personScopes) != 0) return;
        if (plan.TargetPersonIds.Count == 0 || plan.PlannedStart is null) return;
        var day = DateOnly.FromDateTime(plan.PlannedStart.Value);
        var ids = plan.TargetPersonIds.Distinct().ToList();
        var records = await db.Set<SanctionRecord>().AsNoTracking()
            .Where(r => r.InstitutionId == user.InstitutionId && ids.Contains(r.PersonId))
            .Select(r => new { Record = r, r.Person!.Establishment }).ToListAsync(ct);
        foreach (var id in ids)
        {
            var mine = records.Where(r => r.Record.PersonId == id).Select(r => EligibilityRule.Evaluate(r.Record, r.Establishment, day)).ToList();
            if (mine.Any(e => e.IsDue)) continue;
            var name = await db.People.Where(p => p.Id == id).Select(p => p.Name).FirstAsync(ct);
            v.Add(nameof(plan.TargetPersonIds), mine.Count == 0
                ? new PortalMessage("{0} 没有受处分记录，不在回访对象范围内。", name)
                : new PortalMessage("{0}：{1}。", name, mine[0].Reason));
            return;
        }
    }
}
