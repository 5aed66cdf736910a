using HomeVisit.Core.Search;
using HomeVisit.Core.Accounts;
using HomeVisit.Core.Data;
using HomeVisit.Core.FollowUps;
using HomeVisit.Core.Institutions;
using HomeVisit.Core.People;
using HomeVisit.Core.Programmes;
using Microsoft.EntityFrameworkCore;

namespace HomeVisit.Core.Visits;

/// <summary>
/// Plans and records visits under each programme's rules. A visitor sees and changes the visits they take
/// part in; a programme's overseer roles (the module says which) see every visit of it in their institution.
/// </summary>
public sealed partial class VisitService(
    IDbContextFactory<PortalDbContext> dbFactory, ProgrammeCatalog programmes, ProgrammeRulesService rules, TimeProvider clock,
    IEnumerable<IVisitPlanCheck>? planChecks = null, IEnumerable<IVisitStatusCheck>? statusChecks = null)
{
    private readonly IReadOnlyList<IVisitPlanCheck> _planChecks = planChecks?.ToList() ?? [];
    private readonly IReadOnlyList<IVisitStatusCheck> _statusChecks = statusChecks?.ToList() ?? [];

    private IEnumerable<IVisitStatusCheck> StatusChecks(string programmeKey) => _statusChecks.Where(c => c.ProgrammeKey == programmeKey);

    /// <summary>
    /// The visits this user may see, as a query the database filters. Visits of a programme hidden from the user
    /// (<see cref="ProgrammeCatalog.HiddenFrom"/>, e.g. revisits of disciplined persons) are left out even where
    /// the user takes part.
    /// </summary>
    public static IQueryable<Visit> Visible(PortalDbContext db, PortalUser user, IReadOnlyList<string> overseen, IReadOnlyList<string>? hidden = null)
    {
        var visits = db.Visits.Where(v => v.InstitutionId == user.InstitutionId);
        if (hidden is { Count: > 0 }) visits = visits.Where(v => !hidden.Contains(v.ProgrammeKey));
        // "Visits I take part in" as the ids of my visitor rows, not a correlated EXISTS per visit: SQLite then starts
        // from the few hundred rows of the visitor index instead of probing every visit of the institution
        // (docs/performance.md; VisitQueryPlanTests keeps it so).
        var mine = MyVisitIds(db, user);
        if (overseen.Count == 0) return visits.Where(v => mine.Contains(v.Id));
        return visits.Where(v => overseen.Contains(v.ProgrammeKey) || mine.Contains(v.Id));
    }

    private static IQueryable<int> MyVisitIds(PortalDbContext db, PortalUser user)
    {
        var me = user.PersonId ?? -1;
        return db.VisitVisitors.Where(x => x.PersonId == me).Select(x => x.VisitId);
    }

    private IQueryable<Visit> Visible(PortalDbContext db, PortalUser user) => Visible(db, user, programmes.OverseenBy(user), programmes.HiddenFrom(user));

    private bool Oversees(PortalUser user, string programmeKey) => programmes.OverseenBy(user).Contains(programmeKey);

    /// <summary>The name of the unit a list is filtered by (<see cref="VisitQuery.UnitId"/>): null for none of the user's institution.</summary>
    public async Task<string?> UnitNameAsync(PortalUser user, int unitId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateForAsync(user, clock, ct);
        return await db.OrgUnits.Where(u => u.Id == unitId && u.InstitutionId == user.InstitutionId).Select(u => u.Name).FirstOrDefaultAsync(ct);
    }

    public async Task<PagedResult<VisitRow>> ListAsync(PortalUser user, VisitQuery q, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateForAsync(user, clock, ct);
        // A unit of another institution (or none) is an empty subtree: no visits, as a link to it shows nothing.
        var unitTree = q.UnitId is int unitId ? await OrgService.SubtreeAsync(db, user.InstitutionId, unitId, ct) : null;
        var visits = Filtered(Visible(db, user).AsNoTracking());

        IQueryable<Visit> Filtered(IQueryable<Visit> query)
        {
            if (q.MineOnly)
            {
                var mine = MyVisitIds(db, user);
                query = query.Where(v => mine.Contains(v.Id));
            }
            if (!string.IsNullOrWhiteSpace(q.ProgrammeKey)) query = query.Where(v => v.ProgrammeKey == q.ProgrammeKey);
            if (q.Status is VisitStatus status) query = query.Where(v => v.Status == status);
            if (q.Open is VisitOpenFilter open)
            {
                // The same split as every figure's 已安排 / 逾期未完成 (VisitSchedule), so a count's link lists its visits.
                var startOfToday = clock.StartOfToday();
                query = query.Where(v => v.Status == VisitStatus.Planned || v.Status == VisitStatus.Notified);
                query = open == VisitOpenFilter.Ahead ? query.Where(v => v.PlannedStart >= startOfToday) : query.Where(v => v.PlannedStart < startOfToday);
            }
            // Dates as every figure counts a visit (a done visit in the period of its actual start), so the dashboard's
            // 已完成 of a month lists the visits it counted, also one planned in March and done in April.
            if (q.From is DateTime from) query = query.Where(v => v.EffectiveStart >= from.Date);
            if (q.To is DateTime to) query = query.Where(v => v.EffectiveStart < to.Date.AddDays(1));
            if (unitTree is not null) query = query.Where(VisitUnits.In(unitTree, programmes.CountedUnderVisitedUnit));
            if (!string.IsNullOrWhiteSpace(q.Search))
            {
                var s = q.Search.Trim();
                // Searching by place would tell an address to someone who may not see it.
                var byPlace = user.CanBrowsePeople;
                // From the matching people (a search index) to their visits, not through every visit's targets and visitors.
                var people = TextSearch.Matching(db, SearchField.PersonName, s);
                var units = db.OrgUnits.Where(u => u.InstitutionId == user.InstitutionId && u.Name.Contains(s)).Select(u => u.Id);
                var matched = db.VisitTargets.Where(t => (t.PersonId != null && people.Contains(t.PersonId.Value)) || (t.OrgUnitId != null && units.Contains(t.OrgUnitId.Value)))
                    .Select(t => t.VisitId)
                    .Union(db.VisitVisitors.Where(x => people.Contains(x.PersonId)).Select(x => x.VisitId));
                if (byPlace)
                {
                    var places = TextSearch.Matching(db, SearchField.VisitPlace, s);
                    query = query.Where(v => matched.Contains(v.Id) || places.Contains(v.Id));
                }
                else query = query.Where(v => matched.Contains(v.Id));
            }
            return query;
        }

        var total = await CountAsync(db, user, visits, Filtered, searching: !string.IsNullOrWhiteSpace(q.Search), ct);
        var pageSize = Math.Clamp(q.PageSize, 1, 200);
        var page = Math.Max(1, q.Page);
        // Restricted leads count only for their audience and the one who raised them (FollowUpItem.RestrictedToRole).
        var audiences = FollowUpItem.AudiencesOf(user.Roles);
        var userId = user.UserId;
        // The page's visits first, then the visitors and targets of those ids. A split query (AsSplitQuery) sent the
        // filtered, sorted page again as a subquery of each collection's command: three times the filter's work, which
        // for a search or an overseer is most of the list's time (docs/performance.md, fourth round).
        var rows = await visits
            .OrderByDescending(v => v.PlannedStart).ThenByDescending(v => v.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(v => new
            {
                v.Id, v.ProgrammeKey, v.Form, v.PlannedStart, v.PlannedEnd, v.Status, v.Place,
                Open = db.FollowUpItems.Count(f => f.VisitId == v.Id && (f.Status == FollowUpStatus.Open || f.Status == FollowUpStatus.InProgress)
                                                   && (f.RestrictedToRole == null || audiences.Contains(f.RestrictedToRole) || f.CreatedByUserId == userId)),
            })
            .ToListAsync(ct);
        var ids = rows.Select(r => r.Id).ToList();
        // Visitors: the ones who visit before the recorder, each group in the order they were added (the lead first).
        var visitorNames = (await db.VisitVisitors.AsNoTracking().Where(x => ids.Contains(x.VisitId))
                .OrderBy(x => x.VisitId).ThenBy(x => x.IsRecorder).ThenBy(x => x.Id)
                .Select(x => new { x.VisitId, x.Person!.Name }).ToListAsync(ct))
            .ToLookup(x => x.VisitId, x => x.Name);
        var targetNames = (await db.VisitTargets.AsNoTracking().Where(t => ids.Contains(t.VisitId))
                .OrderBy(t => t.VisitId).ThenBy(t => t.Id)
                .Select(t => new { t.VisitId, Name = t.Person != null ? t.Person.Name : t.OrgUnit!.Name }).ToListAsync(ct))
            .ToLookup(x => x.VisitId, x => x.Name);
        // The place of a home visit is the person's home address: shown only to whoever may open people's pages
        // (PeopleService.GetAsync), and each read audited as that page's is (issue 13 item 10).
        var showPlaces = user.CanBrowsePeople;
        if (showPlaces)
        {
            foreach (var r in rows.Where(r => !string.IsNullOrWhiteSpace(r.Place))) db.AuditRead(nameof(Visit), r.Id, "家访地点（家访记录列表）");
            if (db.ChangeTracker.HasChanges()) await db.SaveChangesAsync(ct);
        }
        return new PagedResult<VisitRow>(
            rows.Select(r => new VisitRow(r.Id, r.ProgrammeKey, r.Form, r.PlannedStart, r.PlannedEnd, r.Status, showPlaces ? r.Place : null,
                string.Join("、", visitorNames[r.Id]), string.Join("、", targetNames[r.Id]), r.Open)).ToList(),
            total, page, pageSize);
    }

    /// <summary>
    /// The number of visits a list shows. For an overseer, <see cref="Visible"/> is "a programme I oversee, or a visit I take
    /// part in": counted as those two disjoint parts, the first through the (InstitutionId, ProgrammeKey) index alone. As one
    /// OR, SQLite tested both for every visit of the institution (33 ms of CPU against 13 for the county). A search counts as
    /// one query: its matches are a list SQLite builds once per command, and the second part would build it again.
    /// </summary>
    private async Task<int> CountAsync(PortalDbContext db, PortalUser user, IQueryable<Visit> visits, Func<IQueryable<Visit>, IQueryable<Visit>> filtered,
        bool searching, CancellationToken ct)
    {
        var overseen = programmes.OverseenBy(user);
        if (overseen.Count == 0 || searching) return await visits.CountAsync(ct);
        var hidden = programmes.HiddenFrom(user);
        var inInstitution = db.Visits.AsNoTracking().Where(v => v.InstitutionId == user.InstitutionId);
        if (hidden.Count > 0) inInstitution = inInstitution.Where(v => !hidden.Contains(v.ProgrammeKey));
        var mine = MyVisitIds(db, user);
        return await filtered(inInstitution.Where(v => overseen.Contains(v.ProgrammeKey))).CountAsync(ct)
            + await filtered(inInstitution.Where(v => !overseen.Contains(v.ProgrammeKey) && mine.Contains(v.Id))).CountAsync(ct);
    }

    public async Task<VisitDetail> GetAsync(PortalUser user, int id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateForAsync(user, clock, ct);
        var v = await Visible(db, user).AsNoTracking()
            .Include(x => x.Visitors).ThenInclude(x => x.Person).ThenInclude(p => p!.Unit)
            .Include(x => x.Targets).ThenInclude(t => t.Person).ThenInclude(p => p!.Unit)
            .Include(x => x.Targets).ThenInclude(t => t.OrgUnit)
            .Include(x => x.FamilyMet)
            .AsSplitQuery()
            .FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFoundException();

        var targetPersonIds = v.Targets.Where(t => t.PersonId != null).Select(t => t.PersonId!.Value).ToList();
        var family = await db.FamilyMembers.AsNoTracking()
            .Where(f => targetPersonIds.Contains(f.PersonId))
            .Select(f => new { f.Id, f.PersonId, PersonName = f.Person!.Name, f.Relation, f.Name, f.Workplace })
            .ToListAsync(ct);
        // Relations are stored as text; order by the enum (spouse, child, parent, ...) here, not alphabetically.
        family = family.OrderBy(f => f.PersonId).ThenBy(f => f.Relation).ThenBy(f => f.Id).ToList();

        // The record and the family met are sensitive personal information.
        db.AuditRead(nameof(Visit), v.Id);
        await db.SaveChangesAsync(ct);

        var takesPart = IsVisitor(v, user);
        var oversees = Oversees(user, v.ProgrammeKey);
        var rulesNow = await rules.RulesOnAsync(user.InstitutionId, v.ProgrammeKey, DateOnly.FromDateTime(v.PlannedStart), ct);
        return new VisitDetail(v.Id, v.Version, v.ProgrammeKey, v.Form, v.PlannedStart, v.PlannedEnd, v.ActualStart, v.Place,
            v.Purpose, v.Record, v.ProblemsFound, v.Resolution, v.Status, v.NotifiedAt, v.CancelReason, v.CreatedAt,
            v.Visitors.OrderByDescending(x => !x.IsRecorder).ThenBy(x => x.Id)
                .Select(x => new VisitParticipantView(x.PersonId, x.Person!.Name, x.Person.Position, x.Person.Unit?.Name, x.IsRecorder)).ToList(),
            v.Targets.Select(t => t.Person is { } p
                ? new VisitTargetView(p.Id, null, p.Name, p.Position, p.Unit?.Name)
                : new VisitTargetView(null, t.OrgUnitId, t.OrgUnit!.Name, null, null)).ToList(),
            v.FamilyMet.Select(f => f.FamilyMemberId).ToList(),
            family.Select(f => new FamilyOption(f.Id, f.PersonId, f.PersonName, FamilyRelationText(f.Relation), f.Name, f.Workplace)).ToList(),
            CanRecord: v.Status is VisitStatus.Planned or VisitStatus.Notified && (takesPart || oversees)
                       && v.Approval is ApprovalStatus.NotRequired or ApprovalStatus.Approved,
            CanChangePlan: v.Status is VisitStatus.Planned or VisitStatus.Notified && (takesPart || oversees))
        {
            CanRaiseFollowUp = v.Status != VisitStatus.Cancelled && (takesPart || oversees),
            Trigger = v.Trigger,
            FormData = VisitFormData.Parse(v.FormDataJson),
            Approval = v.Approval,
            ApprovalNote = v.ApprovalNote,
            ApprovedAt = v.ApprovedAt,
            CanApprove = v.Approval == ApprovalStatus.Pending && v.Status is VisitStatus.Planned or VisitStatus.Notified
                         && !takesPart && rulesNow.ApproverRole is { } approver && user.IsInRole(approver),
        };
    }

    public async Task<VisitPlan> GetPlanAsync(PortalUser user, int id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var v = await Visible(db, user).AsNoTracking().Include(x => x.Visitors).Include(x => x.Targets).AsSingleQuery()
            .FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFoundException();
        return new VisitPlan
        {
            Id = v.Id, Version = v.Version, ProgrammeKey = v.ProgrammeKey, Form = v.Form, PlannedStart = v.PlannedStart,
            DurationMinutes = (int)(v.PlannedEnd - v.PlannedStart).TotalMinutes, Place = v.Place, Purpose = v.Purpose,
            VisitorIds = v.Visitors.Select(x => x.PersonId).ToList(),
            RecorderId = v.Visitors.FirstOrDefault(x => x.IsRecorder)?.PersonId,
            TargetPersonIds = v.Targets.Where(t => t.PersonId != null).Select(t => t.PersonId!.Value).ToList(),
            TargetBranchIds = v.Targets.Where(t => t.OrgUnitId != null).Select(t => t.OrgUnitId!.Value).ToList(),
            Status = v.Status,
            Trigger = v.Trigger,
            ParentVisitId = v.ParentVisitId,
        };
    }

    /// <summary>Plans a new visit, or changes the plan of one not yet done.</summary>
    public async Task<int> SavePlanAsync(PortalUser user, VisitPlan plan, CancellationToken ct = default)
    {
        if (!user.CanVisit) throw new AccessDeniedException("您的角色不能安排家访。");
        await using var db = await dbFactory.CreateForAsync(user, clock, ct);
        var programmeRules = await ValidatePlanAsync(db, user, plan, ct);

        Visit visit;
        if (plan.Id == 0)
        {
            visit = new Visit
            {
                InstitutionId = user.InstitutionId, ProgrammeKey = plan.ProgrammeKey!, Status = VisitStatus.Planned,
                CreatedByUserId = user.UserId, CreatedAt = clock.GetUtcNow().UtcDateTime,
            };
            db.Visits.Add(visit);
        }
        else
        {
            // One visit: its few visitors × targets in one statement.
            visit = await Visible(db, user).Include(x => x.Visitors).Include(x => x.Targets).AsSingleQuery()
                .FirstOrDefaultAsync(x => x.Id == plan.Id, ct) ?? throw new NotFoundException();
            if (!IsVisitor(visit, user) && !Oversees(user, visit.ProgrammeKey)) throw new AccessDeniedException();
            if (visit.Status is VisitStatus.Done or VisitStatus.Cancelled)
                throw new PortalValidationException(nameof(plan.PlannedStart), "已完成或已取消的家访不能再修改计划。");
            db.Entry(visit).Property(x => x.Version).OriginalValue = plan.Version;
            visit.ProgrammeKey = plan.ProgrammeKey!;
            visit.Visitors.Clear();
            visit.Targets.Clear();
        }

        // A 定期回访 in a 重点约访's chain (VisitService.Chains.cs); the chain of an existing visit never changes.
        var parentVisitId = plan.Id == 0 ? plan.ParentVisitId : visit.ParentVisitId;
        if (parentVisitId is int rootId) await CheckFollowOnAsync(db, user, rootId, plan, isNew: plan.Id == 0, ct);
        visit.ParentVisitId = parentVisitId;

        // A plan that needs approval needs it again after any change.
        visit.Approval = programmeRules.PlanNeedsApproval ? ApprovalStatus.Pending : ApprovalStatus.NotRequired;
        visit.ApprovedAt = null;
        visit.ApprovedByUserId = null;
        visit.Trigger = TextInput.Clean(plan.Trigger);
        visit.Form = plan.Form;
        visit.PlannedStart = plan.PlannedStart!.Value;
        visit.PlannedEnd = plan.PlannedStart.Value.AddMinutes(plan.DurationMinutes);
        visit.Place = TextInput.Clean(plan.Place);
        visit.Purpose = TextInput.Clean(plan.Purpose);
        var recorder = plan.RecorderId ?? plan.VisitorIds[0];
        foreach (var id in plan.VisitorIds.Distinct())
            visit.Visitors.Add(new VisitVisitor { PersonId = id, IsRecorder = id == recorder });
        foreach (var id in plan.TargetPersonIds.Distinct()) visit.Targets.Add(new VisitTarget { PersonId = id });
        foreach (var id in plan.TargetBranchIds.Distinct()) visit.Targets.Add(new VisitTarget { OrgUnitId = id });
        visit.Version++;
        await db.SaveOrConflictAsync(ct);
        return visit.Id;
    }

    /// <summary>Checks a plan against the core's rules and the programme's rules in force on the planned day.</summary>
    private async Task<ProgrammeRules> ValidatePlanAsync(PortalDbContext db, PortalUser user, VisitPlan p, CancellationToken ct)
    {
        var v = new Validator()
            .Check(programmes.MayUse(user, p.ProgrammeKey), nameof(p.ProgrammeKey), "请选择家访项目。")
            .Check(p.PlannedStart is not null, nameof(p.PlannedStart), "请填写计划时间。")
            .DateInRange(nameof(p.PlannedStart), p.PlannedStart, DateLimits.EarliestRecord.ToDateTime(TimeOnly.MinValue),
                DateLimits.LatestPlanned(clock.Today()).ToDateTime(TimeOnly.MaxValue), "计划时间")
            .Check(p.DurationMinutes >= 10 && p.DurationMinutes <= Visit.MaxDuration.TotalMinutes, nameof(p.DurationMinutes), "预计时长应在 10 分钟到 24 小时之间。")
            .MaxLength(nameof(p.Place), p.Place, 300, "地点")
            .MaxLength(nameof(p.Purpose), p.Purpose, 500, "家访事由")
            .Check(p.VisitorIds.Count > 0, nameof(p.VisitorIds), "至少需要一名家访人员。")
            .Check(p.TargetPersonIds.Count + p.TargetBranchIds.Count > 0, nameof(p.TargetPersonIds), "请选择家访对象（人员或党支部）。")
            .Check(p.RecorderId is null || p.VisitorIds.Contains(p.RecorderId.Value), nameof(p.RecorderId), "记录人必须是家访人员之一。")
            .Check(!p.TargetPersonIds.Intersect(p.VisitorIds).Any(), nameof(p.TargetPersonIds), "家访对象不能同时是家访人员。");

        // A leader plans their own visits; planning for others is for the programme's overseers.
        if (p.VisitorIds.Count > 0 && !(p.ProgrammeKey is { } programmeKey && Oversees(user, programmeKey)))
            v.Check(user.PersonId is int me && p.VisitorIds.Contains(me), nameof(p.VisitorIds), "您本人须是家访人员之一。");

        var people = p.VisitorIds.Concat(p.TargetPersonIds).Distinct().ToList();
        if (people.Count > 0)
        {
            var found = await db.People.CountAsync(x => x.InstitutionId == user.InstitutionId && people.Contains(x.Id), ct);
            v.Check(found == people.Count, nameof(p.TargetPersonIds), "所选人员不存在。");
        }
        if (p.TargetBranchIds.Count > 0)
        {
            var found = await db.OrgUnits.CountAsync(u => u.InstitutionId == user.InstitutionId && p.TargetBranchIds.Contains(u.Id) && u.Kind == OrgUnitKind.PartyBranch, ct);
            v.Check(found == p.TargetBranchIds.Distinct().Count(), nameof(p.TargetBranchIds), "所选党支部不存在。");
        }
        v.ThrowIfInvalid();

        var key = p.ProgrammeKey!;
        if (!await rules.IsEnabledAsync(user.InstitutionId, key, ct))
            throw new PortalValidationException(nameof(p.ProgrammeKey), "本单位已停用该家访项目，不能安排家访。");
        var r = await rules.RulesOnAsync(user.InstitutionId, key, DateOnly.FromDateTime(p.PlannedStart!.Value), ct);
        await new ProgrammeRuleCheck(db, r, clock).CheckPlanAsync(v, user, p, ct);
        if (programmes.Find(key)?.AccessRoles is { } accessRoles)
        {
            // A secret programme's team may only be people who may see it (seed 5: discipline staff).
            var ids = p.VisitorIds.Distinct().ToList();
            var allowed = await db.UserAccounts
                .Where(a => a.InstitutionId == user.InstitutionId && a.PersonId != null && ids.Contains(a.PersonId.Value) && !a.IsDisabled)
                .Select(a => new { PersonId = a.PersonId!.Value, a.Roles }).ToListAsync(ct);
            var outside = ids.Where(id => !allowed.Any(a => a.PersonId == id && a.Roles.Any(accessRoles.Contains))).ToList();
            if (outside.Count > 0)
            {
                var name = await db.People.Where(x => x.Id == outside[0]).Select(x => x.Name).FirstAsync(ct);
                v.Add(nameof(p.VisitorIds), new PortalMessage("{0} 不能参加本项目的工作组。", name));
            }
        }
        foreach (var check in _planChecks) await check.CheckAsync(db, user, p, r, v, ct);
        v.ThrowIfInvalidOrUnconfirmed(p.AcceptWarnings);
        return r;
    }

    /// <summary>
    /// Moves a planned visit to a new start, keeping its length: the whole plan is checked again against the
    /// programme's rules (notice lead time, team size, ...), as if it had been planned for that time.
    /// </summary>
    public async Task RescheduleAsync(PortalUser user, int id, long version, DateTime newStart, bool acceptWarnings = false, CancellationToken ct = default)
    {
        // Moving a planned visit is about the future: a drop on a past day is a slip, and a past visit is recorded, not moved.
        if (newStart < clock.Now())
            throw new PortalValidationException(nameof(VisitPlan.PlannedStart), new PortalMessage("不能改期到已经过去的时间（{0:yyyy-MM-dd HH:mm}）。", newStart));
        var plan = await GetPlanAsync(user, id, ct);
        plan.Version = version;
        plan.PlannedStart = newStart;
        plan.AcceptWarnings = acceptWarnings;
        await SavePlanAsync(user, plan, ct);
    }

    /// <summary>The visitor told the person (and family) when they will come.</summary>
    public async Task MarkNotifiedAsync(PortalUser user, int id, long version, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateForAsync(user, clock, ct);
        var visit = await LoadForChangeAsync(db, user, id, version, ct);
        if (visit.Status != VisitStatus.Planned) throw new PortalValidationException("Status", "只有“计划中”的家访可以标记为已通知。");
        // A notice the rules ask for must reach the person the lead time before the visit (seed 3: 3 days, in writing).
        var r = await rules.RulesOnAsync(user.InstitutionId, visit.ProgrammeKey, DateOnly.FromDateTime(visit.PlannedStart), ct);
        if (r.NoticeLeadDays > 0 && clock.Today() > DateOnly.FromDateTime(visit.PlannedStart).AddDays(-r.NoticeLeadDays))
            throw new PortalValidationException("Status", new PortalMessage(r.NoticeInWriting
                    ? "本项目须在家访前 {0} 天书面通知家访对象，最迟应在 {1:yyyy-MM-dd} 通知；现在通知已来不及，请先改期。"
                    : "本项目须在家访前 {0} 天通知家访对象，最迟应在 {1:yyyy-MM-dd} 通知；现在通知已来不及，请先改期。",
                r.NoticeLeadDays, visit.PlannedStart.Date.AddDays(-r.NoticeLeadDays)));
        var v = new Validator();
        foreach (var check in StatusChecks(visit.ProgrammeKey)) await check.CheckNotifiedAsync(db, user, visit, r, v, ct);
        v.ThrowIfInvalid();
        visit.Status = VisitStatus.Notified;
        visit.NotifiedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveOrConflictAsync(ct);
    }

    public async Task RecordOutcomeAsync(PortalUser user, int id, VisitOutcome outcome, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateForAsync(user, clock, ct);
        var visit = await LoadForChangeAsync(db, user, id, outcome.Version, ct);
        if (visit.Status is VisitStatus.Done or VisitStatus.Cancelled)
            throw new PortalValidationException(nameof(outcome.Record), "该家访已完成或已取消，不能再次登记。");
        if (visit.Approval is ApprovalStatus.Pending or ApprovalStatus.Rejected)
            throw new PortalValidationException(nameof(outcome.Record), "家访（回访）方案尚未审批同意，不能登记结果。");
        var module = programmes.Find(visit.ProgrammeKey) ?? throw new NotFoundException();
        var programmeRules = await rules.RulesOnAsync(user.InstitutionId, visit.ProgrammeKey, DateOnly.FromDateTime(visit.PlannedStart), ct);

        var now = clock.Now();
        var v = new Validator()
            .Check(outcome.ActualStart is not null, nameof(outcome.ActualStart), "请填写实际家访时间。")
            .Check(outcome.ActualStart is null || outcome.ActualStart <= now.AddMinutes(5), nameof(outcome.ActualStart), "实际家访时间不能晚于现在。")
            .Check(outcome.ActualStart is null || outcome.ActualStart >= DateLimits.EarliestRecord.ToDateTime(TimeOnly.MinValue), nameof(outcome.ActualStart),
                new PortalMessage("实际家访时间不能早于 {0:yyyy-MM-dd}。", DateLimits.EarliestRecord.ToDateTime(TimeOnly.MinValue)))
            .Require(nameof(outcome.Record), outcome.Record, "家访情况记录")
            .MaxLength(nameof(outcome.Record), outcome.Record, 8000, "家访情况记录")
            .MaxLength(nameof(outcome.ProblemsFound), outcome.ProblemsFound, 4000, "发现的问题")
            .MaxLength(nameof(outcome.Resolution), outcome.Resolution, 4000, "问题解决情况");
        var targetPeople = await db.VisitTargets.Where(t => t.VisitId == id && t.PersonId != null).Select(t => t.PersonId!.Value).ToListAsync(ct);
        var allowedFamily = await db.FamilyMembers.Where(f => targetPeople.Contains(f.PersonId)).Select(f => f.Id).ToListAsync(ct);
        v.Check(outcome.FamilyMetIds.All(allowedFamily.Contains), nameof(outcome.FamilyMetIds), "所选家属不属于家访对象。");
        v.Check(!VisitForms.MeetsNobody(visit.Form, module) || outcome.FamilyMetIds.Count == 0, nameof(outcome.FamilyMetIds),
            new PortalMessage("{0}不登记见到的家属。", VisitForms.NameOf(visit.Form, module)));
        ProgrammeRuleCheck.CheckOutcome(v, programmeRules, module, outcome, visit.Form);
        foreach (var check in StatusChecks(visit.ProgrammeKey)) await check.CheckOutcomeAsync(db, user, visit, outcome, programmeRules, v, ct);
        v.ThrowIfInvalid();

        visit.ActualStart = outcome.ActualStart;
        visit.Record = outcome.Record!.Trim();
        visit.ProblemsFound = TextInput.Clean(outcome.ProblemsFound);
        visit.Resolution = TextInput.Clean(outcome.Resolution);
        visit.FormDataJson = VisitFormData.Serialize(module, outcome.FormData);
        visit.Status = VisitStatus.Done;
        visit.CompletedAt = clock.GetUtcNow().UtcDateTime;
        foreach (var fid in outcome.FamilyMetIds.Distinct()) visit.FamilyMet.Add(new VisitFamilyMet { FamilyMemberId = fid });
        await db.SaveOrConflictAsync(ct);
    }

    public async Task CancelAsync(PortalUser user, int id, long version, string? reason, CancellationToken ct = default)
    {
        new Validator().Require("CancelReason", reason, "取消原因").MaxLength("CancelReason", reason, 500, "取消原因").ThrowIfInvalid();
        await using var db = await dbFactory.CreateForAsync(user, clock, ct);
        var visit = await LoadForChangeAsync(db, user, id, version, ct);
        if (visit.Status is VisitStatus.Done or VisitStatus.Cancelled)
            throw new PortalValidationException("CancelReason", "已完成或已取消的家访不能取消。");
        visit.Status = VisitStatus.Cancelled;
        visit.CancelReason = reason!.Trim();
        await db.SaveOrConflictAsync(ct);
    }

    /// <summary>
    /// Approves or rejects a plan that waits for approval (seed 5 §8(二): the head of the discipline committee).
    /// The approver holds the programme's approver role and is not on the team; a rejection needs a reason.
    /// </summary>
    public async Task DecideApprovalAsync(PortalUser user, int id, long version, bool approve, string? note, CancellationToken ct = default)
    {
        var v = new Validator().MaxLength("ApprovalNote", note, 500, "审批意见");
        if (!approve) v.Require("ApprovalNote", note, "退回理由");
        v.ThrowIfInvalid();
        await using var db = await dbFactory.CreateForAsync(user, clock, ct);
        var visit = await Visible(db, user).Include(x => x.Visitors).Include(x => x.Targets).AsSplitQuery()
            .FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFoundException();
        var r = await rules.RulesOnAsync(user.InstitutionId, visit.ProgrammeKey, DateOnly.FromDateTime(visit.PlannedStart), ct);
        if (r.ApproverRole is not { } approver || !user.IsInRole(approver)) throw new AccessDeniedException("您不是该项目的审批人。");
        if (IsVisitor(visit, user)) throw new PortalValidationException("ApprovalNote", "工作组成员不能审批本组的方案。");
        if (visit.Approval != ApprovalStatus.Pending || visit.Status is VisitStatus.Done or VisitStatus.Cancelled)
            throw new PortalValidationException("ApprovalNote", "该方案不在待审批状态。");
        var checks = new Validator();
        foreach (var check in StatusChecks(visit.ProgrammeKey)) await check.CheckApprovalAsync(db, user, visit, approve, r, checks, ct);
        checks.ThrowIfInvalid();
        db.Entry(visit).Property(x => x.Version).OriginalValue = version;
        visit.Approval = approve ? ApprovalStatus.Approved : ApprovalStatus.Rejected;
        visit.ApprovalNote = TextInput.Clean(note);
        visit.ApprovedAt = clock.GetUtcNow().UtcDateTime;
        visit.ApprovedByUserId = user.UserId;
        await db.SaveOrConflictAsync(ct);
    }

    private async Task<Visit> LoadForChangeAsync(PortalDbContext db, PortalUser user, int id, long version, CancellationToken ct)
    {
        var visit = await Visible(db, user).Include(x => x.Visitors).Include(x => x.Targets).Include(x => x.FamilyMet)
            .AsSplitQuery().FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFoundException();
        if (!IsVisitor(visit, user) && !Oversees(user, visit.ProgrammeKey)) throw new AccessDeniedException();
        db.Entry(visit).Property(x => x.Version).OriginalValue = version;
        return visit;
    }

    private static bool IsVisitor(Visit v, PortalUser user) => user.PersonId is int me && v.Visitors.Any(x => x.PersonId == me);

    public static string FamilyRelationText(FamilyRelation r) => r switch
    {
        FamilyRelation.Spouse => "配偶",
        FamilyRelation.Child => "子女",
        FamilyRelation.Parent => "父母",
        FamilyRelation.ParentInLaw => "岳父母/公婆",
        _ => "其他",
    };
}
