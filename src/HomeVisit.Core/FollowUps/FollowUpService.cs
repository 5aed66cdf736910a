using HomeVisit.Core.Search;
using HomeVisit.Core.Accounts;
using HomeVisit.Core.Data;
using HomeVisit.Core.Programmes;
using HomeVisit.Core.Visits;
using Microsoft.EntityFrameworkCore;

namespace HomeVisit.Core.FollowUps;

/// <summary>
/// Follow-up items (件件有着落，事事有回音): raised from a visit, owned by someone, closed only with a
/// resolution and the feedback given back, or withdrawn with a reason. Nothing is deleted.
/// </summary>
public sealed class FollowUpService(IDbContextFactory<PortalDbContext> dbFactory, ProgrammeCatalog programmes, TimeProvider clock)
{
    /// <summary>
    /// A programme's overseers see all its items; others see items they own, raised, that come from their visits, or
    /// that were forwarded to their unit (<see cref="FollowUpItem.ResponsibleUnitId"/>: people of the unit and its
    /// heads and deputies). Items of a programme hidden from the user are never visible. An important lead restricted
    /// to a role (<see cref="FollowUpItem.RestrictedToRole"/>) is seen only by that role's holders and the one who raised it.
    /// </summary>
    /// <remarks>
    /// Index-friendly (issue 12): the items a user sees other than by overseeing a programme are the union of a few id sets
    /// each found through its own index (owner, the visits they took part in, the units they belong to or lead), plus one
    /// pass for what no index serves yet (raised by them, restricted leads); the outer query then looks items up by id.
    /// A six-way OR with correlated EXISTS made the database test every item of the institution one by one.
    /// </remarks>
    internal static IQueryable<FollowUpItem> Visible(PortalDbContext db, PortalUser user, IReadOnlyList<string> overseen, IReadOnlyList<string>? hidden = null)
    {
        var items = db.FollowUpItems.Where(f => f.InstitutionId == user.InstitutionId);
        if (hidden is { Count: > 0 }) items = items.Where(f => !hidden.Contains(f.ProgrammeKey));
        var me = user.PersonId ?? -1;
        var userId = user.UserId;
        var audiences = FollowUpItem.AudiencesOf(user.Roles);
        var all = db.FollowUpItems;
        var ids = all.Where(f => f.OwnerPersonId == me).Select(f => f.Id)
            .Union(all.Where(f => f.VisitId != null && db.VisitVisitors.Where(x => x.PersonId == me).Select(x => (int?)x.VisitId).Contains(f.VisitId)).Select(f => f.Id))
            .Union(all.Where(f => f.ResponsibleUnitId != null && db.People.Where(p => p.Id == me).Select(p => p.UnitId).Contains(f.ResponsibleUnitId)).Select(f => f.Id))
            .Union(all.Where(f => f.ResponsibleUnitId != null && db.UnitLeaderships
                    .Where(l => l.PersonId == me && (l.Role == Institutions.LeadershipRole.Head || l.Role == Institutions.LeadershipRole.Deputy))
                    .Select(l => (int?)l.UnitId).Contains(f.ResponsibleUnitId)).Select(f => f.Id))
            .Union(all.Where(f => f.InstitutionId == user.InstitutionId && f.CreatedByUserId == userId).Select(f => f.Id))
            .Union(all.Where(f => f.InstitutionId == user.InstitutionId && f.RestrictedToRole != null && audiences.Contains(f.RestrictedToRole)).Select(f => f.Id));
        // A restricted lead is seen by its audience and the one who raised it only, whichever set found it.
        items = overseen.Count > 0
            ? items.Where(f => overseen.Contains(f.ProgrammeKey) || ids.Contains(f.Id))
            : items.Where(f => ids.Contains(f.Id));
        return items.Where(f => f.RestrictedToRole == null || audiences.Contains(f.RestrictedToRole) || f.CreatedByUserId == userId);
    }

    /// <summary>
    /// Leaves out the restricted leads the user is not an audience of (for counts and statistics that start from
    /// another visibility rule, such as a programme's overseers).
    /// </summary>
    internal static System.Linq.Expressions.Expression<Func<FollowUpItem, bool>> LeadAudienceAllows(PortalUser user)
    {
        var audiences = FollowUpItem.AudiencesOf(user.Roles);
        var userId = user.UserId;
        return f => f.RestrictedToRole == null || audiences.Contains(f.RestrictedToRole) || f.CreatedByUserId == userId;
    }

    /// <summary>
    /// Who may start, close or withdraw a visible item: the programme's overseers, its owner, the one who raised it,
    /// the audience of a restricted lead, the unit it was forwarded to (its people, heads and deputies), and, while
    /// it has no owner, the visitors of its visit. Seeing an item (a fellow visitor, a unit member) is not enough to
    /// change someone else's. The page asks this too, so it offers only what the service allows.
    /// </summary>
    internal static System.Linq.Expressions.Expression<Func<FollowUpItem, bool>> Changeable(PortalDbContext db, PortalUser user, IReadOnlyList<string> overseen)
    {
        var me = user.PersonId ?? -1;
        var userId = user.UserId;
        var audiences = FollowUpItem.AudiencesOf(user.Roles);
        return f => overseen.Contains(f.ProgrammeKey) || f.OwnerPersonId == me || f.CreatedByUserId == userId ||
                    (f.RestrictedToRole != null && audiences.Contains(f.RestrictedToRole)) ||
                    (f.ResponsibleUnitId != null &&
                     (db.People.Any(p => p.Id == me && p.UnitId == f.ResponsibleUnitId) ||
                      db.UnitLeaderships.Any(l => l.PersonId == me && l.UnitId == f.ResponsibleUnitId &&
                                                  (l.Role == Institutions.LeadershipRole.Head || l.Role == Institutions.LeadershipRole.Deputy)))) ||
                    (f.OwnerPersonId == null && f.VisitId != null && f.Visit!.Visitors.Any(x => x.PersonId == me));
    }

    /// <summary>Audits the reads of restricted leads among the rows shown (the content of a lead is confidential).</summary>
    private static async Task AuditRestrictedReadsAsync(PortalDbContext db, IEnumerable<FollowUpRow> rows, CancellationToken ct)
    {
        var restricted = rows.Where(r => r.RestrictedToRole is not null).ToList();
        if (restricted.Count == 0) return;
        foreach (var row in restricted) db.AuditRead(nameof(FollowUpItem), row.Id, $"重要问题线索（{row.RestrictedToRole}）");
        await db.SaveChangesAsync(ct);
    }

    private IQueryable<FollowUpItem> Visible(PortalDbContext db, PortalUser user) => Visible(db, user, programmes.OverseenBy(user), programmes.HiddenFrom(user));

    public async Task<PagedResult<FollowUpRow>> ListAsync(PortalUser user, FollowUpQuery q, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateForAsync(user, clock, ct);
        var today = clock.Today();
        var items = Visible(db, user).AsNoTracking();
        if (q.Status is FollowUpStatus s) items = items.Where(f => f.Status == s);
        if (q.OpenOnly || q.OverdueOnly) items = items.Where(f => f.Status == FollowUpStatus.Open || f.Status == FollowUpStatus.InProgress);
        if (q.OverdueOnly) items = items.Where(f => f.Deadline != null && f.Deadline < today);
        if (q.VisitId is int visitId) items = items.Where(f => f.VisitId == visitId);
        if (!string.IsNullOrWhiteSpace(q.ProgrammeKey)) items = items.Where(f => f.ProgrammeKey == q.ProgrammeKey);
        if (!string.IsNullOrWhiteSpace(q.Search))
        {
            var text = q.Search.Trim();
            var titled = TextSearch.Matching(db, SearchField.FollowUpSummary, text);
            var people = TextSearch.Matching(db, SearchField.PersonName, text);
            items = items.Where(f => titled.Contains(f.Id) || (f.Category != null && f.Category.Contains(text)) ||
                                     (f.RaisedByPersonId != null && people.Contains(f.RaisedByPersonId.Value)) ||
                                     (f.RaisedByName != null && f.RaisedByName.Contains(text)));
        }

        var total = await items.CountAsync(ct);
        var pageSize = Math.Clamp(q.PageSize, 1, 200);
        var page = Math.Max(1, q.Page);
        var rows = items
            // Open before closed, soonest deadline first and none last, newest first: the columns the database keeps for
            // this order and indexes (FollowUpItem.IsClosed, SortDeadline).
            .OrderBy(f => f.IsClosed).ThenBy(f => f.SortDeadline).ThenByDescending(f => f.Id)
            .Skip((page - 1) * pageSize).Take(pageSize);
        var list = await Project(rows, today).ToListAsync(ct);
        list = await MarkChangeableAsync(db, user, list, ct);
        await AuditRestrictedReadsAsync(db, list, ct);
        return new PagedResult<FollowUpRow>(list, total, page, pageSize);
    }

    /// <summary>One item the user may see (the list's row, with its details); for opening an item by link.</summary>
    public async Task<FollowUpRow> GetAsync(PortalUser user, int id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateForAsync(user, clock, ct);
        var today = clock.Today();
        var row = await Project(Visible(db, user).AsNoTracking().Where(f => f.Id == id), today).FirstOrDefaultAsync(ct)
            ?? throw new NotFoundException();
        row = (await MarkChangeableAsync(db, user, [row], ct))[0];
        await AuditRestrictedReadsAsync(db, [row], ct);
        return row;
    }

    /// <summary>Sets <see cref="FollowUpRow.CanChange"/> on the rows of a page (one query for the page).</summary>
    private async Task<List<FollowUpRow>> MarkChangeableAsync(PortalDbContext db, PortalUser user, List<FollowUpRow> rows, CancellationToken ct)
    {
        if (rows.Count == 0) return rows;
        var ids = rows.Select(r => r.Id).ToList();
        var changeable = (await db.FollowUpItems.AsNoTracking().Where(f => ids.Contains(f.Id))
            .Where(Changeable(db, user, programmes.OverseenBy(user))).Select(f => f.Id).ToListAsync(ct)).ToHashSet();
        return rows.Select(r => r with { CanChange = changeable.Contains(r.Id) }).ToList();
    }

    private static IQueryable<FollowUpRow> Project(IQueryable<FollowUpItem> items, DateOnly today) =>
        items.Select(f => new FollowUpRow(f.Id, f.Version, f.ProgrammeKey, f.VisitId, f.Kind, f.Category, f.Summary,
            f.RaisedByPerson != null ? f.RaisedByPerson.Name : f.RaisedByName,
            f.OwnerPerson != null ? f.OwnerPerson.Name : null, f.Deadline, f.Status,
            (f.Status == FollowUpStatus.Open || f.Status == FollowUpStatus.InProgress) && f.Deadline != null && f.Deadline < today,
            f.Resolution, f.Feedback, f.WithdrawReason, f.CreatedAt, f.ClosedAt)
        {
            Details = f.Details,
            RestrictedToRole = f.RestrictedToRole,
        });

    public async Task<int> RaiseAsync(PortalUser user, FollowUpRaise raise, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateForAsync(user, clock, ct);
        var v = new Validator()
            .Require(nameof(raise.Summary), raise.Summary, "事项内容").MaxLength(nameof(raise.Summary), raise.Summary?.Trim(), 500, "事项内容")
            .MaxLength(nameof(raise.Details), raise.Details, 4000, "详细情况")
            .MaxLength(nameof(raise.Category), raise.Category, 100, "类别")
            .MaxLength(nameof(raise.RaisedByName), raise.RaisedByName, 50, "提出人")
            .Check(raise.Deadline is null || raise.Deadline.Value.Date >= clock.Now().Date, nameof(raise.Deadline), "办理期限不能早于今天。")
            .DateInRange(nameof(raise.Deadline), raise.Deadline, DateLimits.EarliestRecord.ToDateTime(TimeOnly.MinValue),
                DateLimits.LatestPlanned(clock.Today()).ToDateTime(TimeOnly.MaxValue), "办理期限");

        string programmeKey;
        if (raise.VisitId is int visitId)
        {
            var visit = await VisitService.Visible(db, user, programmes.OverseenBy(user), programmes.HiddenFrom(user)).Include(x => x.Visitors).FirstOrDefaultAsync(x => x.Id == visitId, ct)
                ?? throw new NotFoundException();
            var takesPart = user.PersonId is int me && visit.Visitors.Any(x => x.PersonId == me);
            if (!takesPart && !programmes.OverseenBy(user).Contains(visit.ProgrammeKey)) throw new AccessDeniedException("只有参加该家访的人员可以登记事项。");
            if (visit.Status == VisitStatus.Cancelled)
                throw new PortalValidationException(nameof(raise.Summary), "已取消的家访不能登记跟踪事项。");
            programmeKey = visit.ProgrammeKey;
        }
        else
        {
            if (!user.CanVisit) throw new AccessDeniedException();
            v.Check(programmes.MayUse(user, raise.ProgrammeKey), nameof(raise.ProgrammeKey), "请选择家访项目。");
            programmeKey = raise.ProgrammeKey ?? "";
        }
        if (raise.OwnerPersonId is int ownerId && programmes.Find(programmeKey)?.AccessRoles is { } accessRoles)
        {
            // A secret programme's item may only be owned by someone who may see the programme.
            var ownerRoles = await db.UserAccounts.Where(a => a.InstitutionId == user.InstitutionId && a.PersonId == ownerId && !a.IsDisabled)
                .Select(a => a.Roles).ToListAsync(ct);
            v.Check(ownerRoles.Any(r => r.Any(accessRoles.Contains)), nameof(raise.OwnerPersonId), "所选责任人无权查看本项目的事项。");
        }
        var people = new[] { raise.RaisedByPersonId, raise.OwnerPersonId }.OfType<int>().Distinct().ToList();
        if (people.Count > 0)
        {
            var found = await db.People.CountAsync(p => p.InstitutionId == user.InstitutionId && people.Contains(p.Id), ct);
            v.Check(found == people.Count, nameof(raise.OwnerPersonId), "所选人员不存在。");
        }
        var restrictedTo = TextInput.Clean(raise.RestrictedToRole);
        if (restrictedTo is not null)
        {
            v.Check(FollowUpItem.RestrictionRoles.Contains(restrictedTo), nameof(raise.RestrictedToRole), "报送范围不正确。");
            // A lead is handled inside its audience: an owner outside it would see what the audience alone may see.
            if (raise.OwnerPersonId is int owner)
            {
                var audience = FollowUpItem.RolesOfAudience(restrictedTo);
                var ownerRoles = await db.UserAccounts.Where(a => a.InstitutionId == user.InstitutionId && a.PersonId == owner && !a.IsDisabled)
                    .Select(a => a.Roles).ToListAsync(ct);
                var ownerHoldsRole = ownerRoles.Any(r => r.Any(audience.Contains));
                v.Check(ownerHoldsRole, nameof(raise.OwnerPersonId), "重要问题线索的责任人须是报送对象（党委或纪委）的人员，或不填。");
            }
        }
        v.ThrowIfInvalid();

        var item = new FollowUpItem
        {
            InstitutionId = user.InstitutionId,
            ProgrammeKey = programmeKey,
            VisitId = raise.VisitId,
            Kind = raise.Kind,
            Category = TextInput.Clean(raise.Category),
            Summary = raise.Summary!.Trim(),
            Details = TextInput.Clean(raise.Details),
            RaisedByPersonId = raise.RaisedByPersonId,
            RaisedByName = TextInput.Clean(raise.RaisedByName),
            OwnerPersonId = raise.OwnerPersonId,
            Deadline = raise.Deadline is { } d ? DateOnly.FromDateTime(d) : null,
            RestrictedToRole = restrictedTo,
            Status = FollowUpStatus.Open,
            CreatedByUserId = user.UserId,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.FollowUpItems.Add(item);
        await db.SaveChangesAsync(ct);
        return item.Id;
    }

    public async Task StartAsync(PortalUser user, int id, long version, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateForAsync(user, clock, ct);
        var item = await LoadForChangeAsync(db, user, id, version, ct);
        if (item.Status != FollowUpStatus.Open) throw new PortalValidationException("Status", "只有“待办”的事项可以开始办理。");
        item.Status = FollowUpStatus.InProgress;
        await db.SaveOrConflictAsync(ct);
    }

    /// <summary>Closes an item: both what was done and what the person was told are required.</summary>
    public async Task ResolveAsync(PortalUser user, int id, FollowUpClose close, CancellationToken ct = default)
    {
        new Validator()
            .Require(nameof(close.Resolution), close.Resolution, "办理结果").MaxLength(nameof(close.Resolution), close.Resolution, 4000, "办理结果")
            .Require(nameof(close.Feedback), close.Feedback, "反馈情况").MaxLength(nameof(close.Feedback), close.Feedback, 4000, "反馈情况")
            .ThrowIfInvalid();
        await using var db = await dbFactory.CreateForAsync(user, clock, ct);
        var item = await LoadForChangeAsync(db, user, id, close.Version, ct);
        EnsureOpen(item);
        item.Status = FollowUpStatus.Resolved;
        item.Resolution = close.Resolution!.Trim();
        item.Feedback = close.Feedback!.Trim();
        item.ClosedAt = clock.GetUtcNow().UtcDateTime;
        item.ClosedByUserId = user.UserId;
        await db.SaveOrConflictAsync(ct);
    }

    public async Task WithdrawAsync(PortalUser user, int id, long version, string? reason, CancellationToken ct = default)
    {
        new Validator().Require("WithdrawReason", reason, "撤回原因").MaxLength("WithdrawReason", reason, 500, "撤回原因").ThrowIfInvalid();
        await using var db = await dbFactory.CreateForAsync(user, clock, ct);
        var item = await LoadForChangeAsync(db, user, id, version, ct);
        EnsureOpen(item);
        item.Status = FollowUpStatus.Withdrawn;
        item.WithdrawReason = reason!.Trim();
        item.ClosedAt = clock.GetUtcNow().UtcDateTime;
        item.ClosedByUserId = user.UserId;
        await db.SaveOrConflictAsync(ct);
    }

    private static void EnsureOpen(FollowUpItem item)
    {
        if (item.Status is FollowUpStatus.Resolved or FollowUpStatus.Withdrawn)
            throw new PortalValidationException("Status", "该事项已办结或已撤回。");
    }

    private async Task<FollowUpItem> LoadForChangeAsync(PortalDbContext db, PortalUser user, int id, long version, CancellationToken ct)
    {
        var item = await Visible(db, user).FirstOrDefaultAsync(f => f.Id == id, ct) ?? throw new NotFoundException();
        if (!await db.FollowUpItems.Where(f => f.Id == id).AnyAsync(Changeable(db, user, programmes.OverseenBy(user)), ct))
            throw new AccessDeniedException("只有该事项的责任人、登记人和项目监督部门可以办理或撤回该事项。");
        db.Entry(item).Property(x => x.Version).OriginalValue = version;
        return item;
    }

}
