using HomeVisit.Core.Access;
using HomeVisit.Core.Accounts;
using HomeVisit.Core.Data;
using HomeVisit.Core.People;
using HomeVisit.Core.Programmes;
using HomeVisit.Core.Visits;
using Microsoft.EntityFrameworkCore;

namespace HomeVisit.Programmes.Qinglian;

/// <summary>A household's state in a period (seed 3 二、2 “家访活动每半年开展1次”).</summary>
public enum HouseholdStatus
{
    /// <summary>待家访: no visit done or planned in the period.</summary>
    Due,
    /// <summary>已安排: a visit is planned (or notified) in the period, none done yet.</summary>
    Scheduled,
    /// <summary>已完成: a visit was done in the period.</summary>
    Visited,
}

public sealed record HouseholdQuery(string? Search = null, HouseholdStatus? Status = null, int Page = 1, int PageSize = 20);

public sealed record HouseholdMember(int Id, FamilyRelation Relation, string Name, string? Workplace, string? Position, bool LivesLocally, bool InScope);

public sealed record HouseholdRow(
    int PersonId, string Name, string StaffNumber, string? UnitName, string? Position, IReadOnlyList<HouseholdMember> Family,
    HouseholdStatus Status, DateTime? VisitedAt, DateTime? ScheduledFor, int? VisitId, VisitNoticeStatus? Notice);

public sealed record HouseholdCounts(int Due, int Scheduled, int Visited)
{
    public int Total => Due + Scheduled + Visited;
}

public sealed record HouseholdPage(Period Period, HouseholdCounts Counts, PagedResult<HouseholdRow> Rows, bool SeesAll, bool HasScope);

/// <summary>One qinglian visit of a household; <see cref="Visible"/> false: another visitor's visit, shown by date and state only.</summary>
public sealed record HouseholdVisit(int Id, bool Visible, VisitStatus Status, DateTime PlannedStart, DateTime? ActualStart, string? Visitors,
    IReadOnlyList<string> FamilyMet, VisitNoticeStatus? Notice, string? GiftPack);

public sealed record HouseholdDetail(
    int PersonId, string Name, string StaffNumber, string? UnitName, string? Position, string? HomeAddress, string? Phone,
    IReadOnlyList<HouseholdMember> Family, Period Period, HouseholdStatus Status, IReadOnlyList<HouseholdVisit> Visits,
    bool CanPlan, int NoticeLeadDays, bool NoticeInWriting, DateOnly EarliestPlanDay);

/// <summary>What the visit page shows of a 清廉家访 visit: its notice, the gift pack, the registration form and commitments.</summary>
public sealed record QinglianVisitInfo(
    int VisitId, VisitStatus Status, int? PersonId, string? PersonName, VisitNoticeStatus Notice,
    IReadOnlyList<string>? GiftPack, bool RegistrationFilled, bool CommitmentSigned, IReadOnlyList<CommitmentView> Commitments,
    bool CanSendNotice, bool CanRecordCommitment);

/// <summary>Form model for planning a household's visit; mutable so the form keeps what was typed.</summary>
public sealed class QinglianPlan
{
    public int PersonId { get; set; }
    public DateTime? PlannedStart { get; set; }
    public int DurationMinutes { get; set; } = 90;
    public string? Place { get; set; }
    public string? Purpose { get; set; } = "开展“清廉家庭·幸福人生”清廉家访，了解家庭情况，听取意见建议，共话清廉家风";
    public List<int> VisitorIds { get; set; } = [];
    public int? RecorderId { get; set; }
    /// <summary>The visitor confirmed the warnings (the household was already visited, or has a visit planned, this half year); <see cref="VisitPlan.AcceptWarnings"/>.</summary>
    public bool AcceptWarnings { get; set; }
}

/// <summary>
/// The households of 清廉家访: a staff member and their family in scope (配偶、在本地工作的子女和本地生活的夫妻双方父母),
/// visited once a half year by the leader responsible for them. Lists what each household's state is this period,
/// and plans a household's visit through <see cref="VisitService"/> (which enforces the programme's rules, the
/// written-notice lead time among them).
/// </summary>
public sealed class QinglianHouseholdService(
    IDbContextFactory<PortalDbContext> dbFactory, ProgrammeCatalog programmes, ProgrammeRulesService rules, VisitService visits,
    QinglianNoticeService notices, CommitmentService commitments, ProgrammeAccess access, TimeProvider clock)
{
    private const string Key = QinglianProgramme.Key;

    private bool Oversees(PortalUser user) => programmes.OverseenBy(user).Contains(Key);

    internal Task<HouseholdScope> ScopeAsync(PortalDbContext db, PortalUser user, CancellationToken ct) =>
        HouseholdScope.ForAsync(db, user, Oversees(user), clock.Today(), ct);

    /// <summary>The period the rules in force today report by (by default the half year) containing the day.</summary>
    public async Task<Period> PeriodAsync(int institutionId, DateOnly day, CancellationToken ct = default)
    {
        var r = await rules.RulesOnAsync(institutionId, Key, day, ct);
        return Periods.Containing(r.Period, day, r.Semester);
    }

    /// <summary>Whether the household of this staff member is one the user is responsible for (or oversees).</summary>
    public async Task<bool> IsResponsibleForAsync(PortalUser user, int personId, CancellationToken ct = default)
    {
        await access.EnsureAsync(user, Key);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var scope = await ScopeAsync(db, user, ct);
        return await scope.People(db, user.InstitutionId).AnyAsync(p => p.Id == personId, ct);
    }

    public async Task<HouseholdPage> ListAsync(PortalUser user, HouseholdQuery q, CancellationToken ct = default)
    {
        await access.EnsureAsync(user, Key);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var scope = await ScopeAsync(db, user, ct);
        var period = await PeriodAsync(user.InstitutionId, clock.Today(), ct);
        var (start, end) = (period.StartTime, period.EndExclusive);

        var people = scope.People(db, user.InstitutionId).AsNoTracking();
        if (!string.IsNullOrWhiteSpace(q.Search))
        {
            var s = q.Search.Trim();
            people = people.Where(p => p.Name.Contains(s) || p.StaffNumber.StartsWith(s) || p.Unit!.Name.Contains(s));
        }
        var programmeVisits = db.Visits.Where(v => v.InstitutionId == user.InstitutionId && v.ProgrammeKey == Key);
        var withStatus = people.Select(p => new
        {
            Person = p,
            Done = programmeVisits.Where(v => v.Status == VisitStatus.Done && v.ActualStart >= start && v.ActualStart < end &&
                                              v.Targets.Any(t => t.PersonId == p.Id))
                .OrderByDescending(v => v.ActualStart).Select(v => new { v.Id, v.ActualStart }).FirstOrDefault(),
            Planned = programmeVisits.Where(v => (v.Status == VisitStatus.Planned || v.Status == VisitStatus.Notified) &&
                                                 v.PlannedStart >= start && v.PlannedStart < end && v.Targets.Any(t => t.PersonId == p.Id))
                .OrderBy(v => v.PlannedStart).Select(v => new { v.Id, v.PlannedStart }).FirstOrDefault(),
        });

        var counts = new HouseholdCounts(
            await withStatus.CountAsync(x => x.Done == null && x.Planned == null, ct),
            await withStatus.CountAsync(x => x.Done == null && x.Planned != null, ct),
            await withStatus.CountAsync(x => x.Done != null, ct));
        var filtered = q.Status switch
        {
            HouseholdStatus.Due => withStatus.Where(x => x.Done == null && x.Planned == null),
            HouseholdStatus.Scheduled => withStatus.Where(x => x.Done == null && x.Planned != null),
            HouseholdStatus.Visited => withStatus.Where(x => x.Done != null),
            _ => withStatus,
        };
        var total = q.Status switch
        {
            HouseholdStatus.Due => counts.Due,
            HouseholdStatus.Scheduled => counts.Scheduled,
            HouseholdStatus.Visited => counts.Visited,
            _ => counts.Total,
        };
        var pageSize = Math.Clamp(q.PageSize, 1, 200);
        var page = Math.Max(1, q.Page);
        var rows = await filtered
            .OrderBy(x => x.Done != null ? 2 : x.Planned != null ? 1 : 0)
            .ThenBy(x => x.Person.UnitId).ThenBy(x => x.Person.StaffNumber)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(x => new
            {
                x.Person.Id, x.Person.Name, x.Person.StaffNumber, UnitName = x.Person.Unit != null ? x.Person.Unit.Name : null, x.Person.Position,
                DoneId = x.Done != null ? x.Done.Id : (int?)null, DoneAt = x.Done != null ? x.Done.ActualStart : null,
                PlannedId = x.Planned != null ? x.Planned.Id : (int?)null, PlannedAt = x.Planned != null ? x.Planned.PlannedStart : (DateTime?)null,
            })
            .ToListAsync(ct);

        var ids = rows.Select(r => r.Id).ToList();
        var family = await FamilyAsync(db, ids, inScopeOnly: true, ct);
        var visitIds = rows.Select(r => r.DoneId ?? r.PlannedId).OfType<int>().ToList();
        var visible = await VisitService.Visible(db, user, programmes.OverseenBy(user))
            .Where(v => visitIds.Contains(v.Id)).Select(v => v.Id).ToListAsync(ct);
        var noticeStates = await notices.StatesAsync(db, user.InstitutionId,
            rows.Where(r => r.DoneId is null && r.PlannedId is not null).Select(r => (r.PlannedId!.Value, r.PlannedAt!.Value)).ToList(), ct);

        var result = rows.Select(r =>
        {
            var status = r.DoneId is not null ? HouseholdStatus.Visited : r.PlannedId is not null ? HouseholdStatus.Scheduled : HouseholdStatus.Due;
            var visitId = r.DoneId ?? r.PlannedId;
            return new HouseholdRow(r.Id, r.Name, r.StaffNumber, r.UnitName, r.Position, family[r.Id].ToList(), status, r.DoneAt, r.PlannedAt,
                visitId is int vid && visible.Contains(vid) ? vid : null,
                status == HouseholdStatus.Scheduled ? noticeStates.GetValueOrDefault(r.PlannedId!.Value) : null);
        }).ToList();
        return new HouseholdPage(period, counts, new PagedResult<HouseholdRow>(result, total, page, pageSize), scope.All, !scope.IsEmpty);
    }

    private static async Task<ILookup<int, HouseholdMember>> FamilyAsync(PortalDbContext db, List<int> personIds, bool inScopeOnly, CancellationToken ct)
    {
        var query = db.FamilyMembers.AsNoTracking().Where(f => personIds.Contains(f.PersonId));
        if (inScopeOnly) query = query.Where(QinglianProgramme.FamilyInScope);
        var members = await query
            .Select(f => new { f.PersonId, f.Id, f.Relation, f.Name, f.Workplace, f.Position, f.LivesLocally })
            .ToListAsync(ct);
        // Relations are stored as text: ordered here by the enum (spouse, children, parents, in-laws, others), not alphabetically.
        return members.OrderBy(f => f.Relation).ThenBy(f => f.Id).ToLookup(f => f.PersonId,
            f => new HouseholdMember(f.Id, f.Relation, f.Name, f.Workplace, f.Position, f.LivesLocally, QinglianProgramme.InFamilyScope(f.Relation, f.LivesLocally)));
    }

    /// <summary>
    /// One household: the staff member, their whole family (in scope or not), and the programme's visits to them. Open to
    /// the leaders responsible for it, the programme's overseers and the visitors of its visits; the read is audited.
    /// </summary>
    public async Task<HouseholdDetail> GetAsync(PortalUser user, int personId, CancellationToken ct = default)
    {
        await access.EnsureAsync(user, Key);
        await using var db = await dbFactory.CreateForAsync(user, clock, ct);
        var scope = await ScopeAsync(db, user, ct);
        var responsible = await scope.People(db, user.InstitutionId).AnyAsync(p => p.Id == personId, ct);
        var visibleVisits = VisitService.Visible(db, user, programmes.OverseenBy(user))
            .Where(v => v.ProgrammeKey == Key && v.Targets.Any(t => t.PersonId == personId));
        if (!responsible && !await visibleVisits.AnyAsync(ct)) throw new NotFoundException("该家庭不存在，或不在您的家访范围内。");

        var person = await db.People.AsNoTracking().Include(p => p.Unit)
            .FirstOrDefaultAsync(p => p.Id == personId && p.InstitutionId == user.InstitutionId, ct) ?? throw new NotFoundException();
        var family = (await FamilyAsync(db, [personId], inScopeOnly: false, ct))[personId].ToList();
        var today = clock.Today();
        var r = await rules.RulesOnAsync(user.InstitutionId, Key, today, ct);
        var period = Periods.Containing(r.Period, today, r.Semester);

        var all = await db.Visits.AsNoTracking()
            .Where(v => v.InstitutionId == user.InstitutionId && v.ProgrammeKey == Key && v.Targets.Any(t => t.PersonId == personId))
            .OrderByDescending(v => v.EffectiveStart).Take(100)
            // Up to 100 visits with visitors and family met: split, so the two collections do not multiply.
            .AsSplitQuery()
            .Select(v => new
            {
                v.Id, v.Status, v.PlannedStart, v.ActualStart, v.FormDataJson,
                Visitors = v.Visitors.OrderByDescending(x => x.IsRecorder).Select(x => x.Person!.Name).ToList(),
                FamilyMet = v.FamilyMet.Select(m => m.FamilyMember!.Name).ToList(),
            })
            .ToListAsync(ct);
        var visibleIds = await visibleVisits.Select(v => v.Id).ToListAsync(ct);
        var states = await notices.StatesAsync(db, user.InstitutionId, all.Where(v => visibleIds.Contains(v.Id)).Select(v => (v.Id, v.PlannedStart)).ToList(), ct);
        var rows = all.Select(v =>
        {
            var seen = visibleIds.Contains(v.Id);
            return new HouseholdVisit(v.Id, seen, v.Status, v.PlannedStart, v.ActualStart,
                seen ? string.Join("、", v.Visitors) : null, seen ? v.FamilyMet : [], states.GetValueOrDefault(v.Id),
                seen ? VisitFormData.Parse(v.FormDataJson).GetValueOrDefault("GiftPack") : null);
        }).ToList();

        var status = StatusIn(period, all.Select(v => (v.Status, v.PlannedStart, v.ActualStart)));
        db.AuditRead(nameof(Person), personId, "清廉家访：家庭成员、家庭住址");
        await db.SaveChangesAsync(ct);

        return new HouseholdDetail(person.Id, person.Name, person.StaffNumber, person.Unit?.Name, person.Position, person.HomeAddress, person.Phone,
            family, period, status, rows, CanPlan: responsible && user.CanVisit, r.NoticeLeadDays, r.NoticeInWriting, today.AddDays(r.NoticeLeadDays));
    }

    /// <summary>The 清廉家访 part of a visit the user may see (not audited: the visit page audits its own read).</summary>
    public async Task<QinglianVisitInfo> VisitInfoAsync(PortalUser user, int visitId, CancellationToken ct = default)
    {
        await access.EnsureAsync(user, Key);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var me = user.PersonId ?? -1;
        var v = await VisitService.Visible(db, user, programmes.OverseenBy(user)).AsNoTracking()
            .Where(x => x.Id == visitId && x.ProgrammeKey == Key)
            .Select(x => new
            {
                x.Id, x.Status, x.PlannedStart, x.FormDataJson,
                Person = x.Targets.Where(t => t.PersonId != null).Select(t => new { t.PersonId, t.Person!.Name }).FirstOrDefault(),
                TakesPart = x.Visitors.Any(p => p.PersonId == me),
            })
            .FirstOrDefaultAsync(ct) ?? throw new NotFoundException();
        var notice = (await notices.StatesAsync(db, user.InstitutionId, [(v.Id, v.PlannedStart)], ct))[v.Id];
        var form = VisitFormData.Parse(v.FormDataJson);
        IReadOnlyList<string>? gifts = v.Status == VisitStatus.Done
            ? (form.GetValueOrDefault("GiftPack") ?? "").Split(VisitFormData.ChecklistSeparator, StringSplitOptions.RemoveEmptyEntries)
            : null;
        var personId = v.Person?.PersonId;
        var signed = personId is int pid
            ? (await commitments.ForPersonAsync(user, pid, ct)).Where(c => c.VisitId == v.Id).ToList()
            : [];
        var mayChange = v.TakesPart || Oversees(user);
        return new QinglianVisitInfo(v.Id, v.Status, personId, v.Person?.Name, notice, gifts,
            VisitFormData.IsYes(form.GetValueOrDefault("RegistrationFilled")), VisitFormData.IsYes(form.GetValueOrDefault("CommitmentSigned")),
            signed, CanSendNotice: mayChange && v.Status is VisitStatus.Planned or VisitStatus.Notified,
            CanRecordCommitment: personId is int p2 && v.Status != VisitStatus.Cancelled && await commitments.CanRecordAsync(user, p2, v.Id, ct));
    }

    /// <summary>A household's state in a period from its visits: done in it, else planned in it, else due.</summary>
    public static HouseholdStatus StatusIn(Period period, IEnumerable<(VisitStatus Status, DateTime PlannedStart, DateTime? ActualStart)> visits)
    {
        var list = visits.ToList();
        if (list.Any(v => v.Status == VisitStatus.Done && v.ActualStart is { } a && a >= period.StartTime && a < period.EndExclusive))
            return HouseholdStatus.Visited;
        if (list.Any(v => v.Status is VisitStatus.Planned or VisitStatus.Notified && v.PlannedStart >= period.StartTime && v.PlannedStart < period.EndExclusive))
            return HouseholdStatus.Scheduled;
        return HouseholdStatus.Due;
    }

    /// <summary>
    /// Plans the household's visit: the staff member is the target, the family met is recorded with the outcome. A
    /// second visit in the same half year is allowed but must be confirmed (a warning, <see cref="QinglianPlan.AcceptWarnings"/>):
    /// the seed asks for one a half year, and a second may be needed (a problem to follow up), but never by accident.
    /// </summary>
    public async Task<int> PlanAsync(PortalUser user, QinglianPlan plan, CancellationToken ct = default)
    {
        await access.EnsureAsync(user, Key);
        if (!user.CanVisit) throw new AccessDeniedException("您的角色不能安排家访。");
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var scope = await ScopeAsync(db, user, ct);
            if (!await scope.People(db, user.InstitutionId).AnyAsync(p => p.Id == plan.PersonId, ct))
                throw new AccessDeniedException("该职工的家庭不在您负责家访的范围内。");
        }

        // The repeat in a half year is VisitService's to refuse (QinglianVisitRules), so every way of planning asks the same.
        return await visits.SavePlanAsync(user, new VisitPlan
        {
            ProgrammeKey = Key,
            Form = VisitForm.HomeVisit,
            PlannedStart = plan.PlannedStart,
            DurationMinutes = plan.DurationMinutes,
            Place = plan.Place,
            Purpose = plan.Purpose,
            VisitorIds = plan.VisitorIds,
            RecorderId = plan.RecorderId,
            TargetPersonIds = [plan.PersonId],
            AcceptWarnings = plan.AcceptWarnings,
        }, ct);
    }
}
