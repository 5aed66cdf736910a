using HomeVisit.Core.Access;
using HomeVisit.Core.Accounts;
using HomeVisit.Core.Data;
using HomeVisit.Core.FollowUps;
using HomeVisit.Core.Institutions;
using HomeVisit.Core.Visits;
using Microsoft.EntityFrameworkCore;

namespace HomeVisit.Programmes.Lianxi;

/// <summary>
/// 四、3 信息反馈: what teachers and students raise with their leader is forwarded to the responsible department,
/// which registers it (如实登记), handles it and answers; the leader sees the answer. Built on
/// <see cref="FollowUpItem"/> (programme lianxi, <see cref="FollowUpItem.ResponsibleUnitId"/>), so the items also
/// appear under 跟踪事项 and follow its rules: closed only with what was done and what the person was told.
/// </summary>
public sealed class LianxiFeedbackService(IDbContextFactory<PortalDbContext> dbFactory, FollowUpService followUps, ProgrammeAccess access, TimeProvider clock)
{
    public const string Category = "师生反映问题";

    public async Task<int> RaiseAsync(PortalUser user, FeedbackRaise e, CancellationToken ct = default)
    {
        await access.EnsureAsync(user, LianxiAccess.ProgrammeKey);
        if (!user.CanVisit) throw new AccessDeniedException("只有党员领导干部可以转交师生反映的问题。");
        await using var db = await dbFactory.CreateForAsync(user, clock, ct);
        var v = new Validator()
            .Require(nameof(e.Summary), e.Summary, "反映的问题").MaxLength(nameof(e.Summary), e.Summary?.Trim(), 500, "反映的问题")
            .MaxLength(nameof(e.Details), e.Details?.Trim(), 4000, "详细情况")
            .MaxLength(nameof(e.RaisedByName), e.RaisedByName?.Trim(), 50, "反映人")
            .Check(e.RaisedByPersonId is not null || !string.IsNullOrWhiteSpace(e.RaisedByName), nameof(e.RaisedByName), "请填写反映问题的师生。")
            .Check(e.ResponsibleUnitId is not null, nameof(e.ResponsibleUnitId), "请选择转交的责任部门。")
            .Check(e.Deadline is null || e.Deadline.Value.Date >= clock.Now().Date, nameof(e.Deadline), "办理期限不能早于今天。");
        if (e.ResponsibleUnitId is int unitId)
            v.Check(await db.OrgUnits.AnyAsync(u => u.Id == unitId && u.InstitutionId == user.InstitutionId && u.Kind != OrgUnitKind.PartyBranch, ct),
                nameof(e.ResponsibleUnitId), "所选部门不存在。");
        if (e.RaisedByPersonId is int personId)
            v.Check(await db.People.AnyAsync(p => p.Id == personId && p.InstitutionId == user.InstitutionId, ct), nameof(e.RaisedByPersonId), "所选人员不存在。");
        if (e.VisitId is int visitId)
        {
            var me = user.PersonId ?? -1;
            var ok = await db.Visits.AnyAsync(x => x.Id == visitId && x.InstitutionId == user.InstitutionId && x.ProgrammeKey == LianxiAccess.ProgrammeKey
                                                   && x.Status != VisitStatus.Cancelled && x.Visitors.Any(p => p.PersonId == me), ct);
            v.Check(ok, nameof(e.VisitId), "只能从本人参加的联系师生活动转交问题。");
        }
        v.ThrowIfInvalid();

        var item = new FollowUpItem
        {
            InstitutionId = user.InstitutionId, ProgrammeKey = LianxiAccess.ProgrammeKey, VisitId = e.VisitId, Kind = e.Kind, Category = Category,
            Summary = e.Summary!.Trim(), Details = TextInput.Clean(e.Details), RaisedByPersonId = e.RaisedByPersonId,
            RaisedByName = TextInput.Clean(e.RaisedByName), ResponsibleUnitId = e.ResponsibleUnitId,
            Deadline = e.Deadline is { } d ? DateOnly.FromDateTime(d) : null, Status = FollowUpStatus.Open,
            CreatedByUserId = user.UserId, CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.FollowUpItems.Add(item);
        await db.SaveChangesAsync(ct);
        return item.Id;
    }

    public async Task<PagedResult<FeedbackRow>> ListAsync(PortalUser user, FeedbackQuery q, CancellationToken ct = default)
    {
        await access.EnsureAsync(user, LianxiAccess.ProgrammeKey);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var me = user.PersonId ?? -1;
        var myUnits = await MyUnitsAsync(db, user, ct);
        var items = db.FollowUpItems.AsNoTracking()
            .Where(f => f.InstitutionId == user.InstitutionId && f.ProgrammeKey == LianxiAccess.ProgrammeKey && f.ResponsibleUnitId != null);
        items = q.Scope switch
        {
            FeedbackScope.All when LianxiAccess.Oversees(user) => items,
            FeedbackScope.All => throw new AccessDeniedException("只有办公室、组织部等部门可以查看全部反映问题。"),
            FeedbackScope.MyUnit => items.Where(f => myUnits.Contains(f.ResponsibleUnitId!.Value)),
            _ => items.Where(f => f.CreatedByUserId == user.UserId || (f.VisitId != null && f.Visit!.Visitors.Any(x => x.PersonId == me))),
        };
        if (q.OpenOnly) items = items.Where(f => f.Status == FollowUpStatus.Open || f.Status == FollowUpStatus.InProgress);
        var total = await items.CountAsync(ct);
        var pageSize = Math.Clamp(q.PageSize, 1, 200);
        var page = Math.Max(1, q.Page);
        var rows = await items
            .OrderBy(f => f.Status == FollowUpStatus.Resolved || f.Status == FollowUpStatus.Withdrawn).ThenByDescending(f => f.CreatedAt).ThenByDescending(f => f.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(f => new
            {
                f.Id, f.Version, f.VisitId, f.Kind, f.Summary, f.Details,
                RaisedBy = f.RaisedByPerson != null ? f.RaisedByPerson.Name : f.RaisedByName,
                RaisedByUser = db.UserAccounts.Where(a => a.Id == f.CreatedByUserId).Select(a => a.DisplayName).FirstOrDefault(),
                f.ResponsibleUnitId, UnitName = db.OrgUnits.Where(u => u.Id == f.ResponsibleUnitId).Select(u => u.Name).FirstOrDefault(), f.Status, f.CreatedAt, f.RegisteredAt,
                RegisteredBy = db.UserAccounts.Where(a => a.Id == f.RegisteredByUserId).Select(a => a.DisplayName).FirstOrDefault(),
                f.Resolution, f.Feedback, f.ClosedAt,
            })
            .ToListAsync(ct);
        var oversees = LianxiAccess.Oversees(user);
        return new PagedResult<FeedbackRow>(rows.Select(r =>
        {
            var handles = myUnits.Contains(r.ResponsibleUnitId!.Value) || oversees;
            return new FeedbackRow(r.Id, r.Version, r.VisitId, r.Kind, r.Summary, r.Details, r.RaisedBy, r.RaisedByUser ?? "", r.ResponsibleUnitId, r.UnitName,
                r.Status, r.CreatedAt, r.RegisteredAt, r.RegisteredBy, r.Resolution, r.Feedback, r.ClosedAt,
                CanRegister: handles && r.Status == FollowUpStatus.Open,
                CanAnswer: handles && r.Status == FollowUpStatus.InProgress && r.RegisteredAt != null);
        }).ToList(), total, page, pageSize);
    }

    /// <summary>The department registers the item (如实登记) and starts handling it.</summary>
    public async Task RegisterAsync(PortalUser user, int id, long version, CancellationToken ct = default)
    {
        await access.EnsureAsync(user, LianxiAccess.ProgrammeKey);
        await using var db = await dbFactory.CreateForAsync(user, clock, ct);
        var item = await LoadForUnitAsync(db, user, id, ct);
        if (item.Status != FollowUpStatus.Open) throw new PortalValidationException("Status", "该问题已登记或已办结。");
        db.Entry(item).Property(x => x.Version).OriginalValue = version;
        item.Status = FollowUpStatus.InProgress;
        item.RegisteredAt = clock.GetUtcNow().UtcDateTime;
        item.RegisteredByUserId = user.UserId;
        await db.SaveOrConflictAsync(ct);
    }

    /// <summary>The department answers: what was done and what the person was told; the leader sees both.</summary>
    public async Task AnswerAsync(PortalUser user, int id, FollowUpClose close, CancellationToken ct = default)
    {
        await access.EnsureAsync(user, LianxiAccess.ProgrammeKey);
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var item = await LoadForUnitAsync(db, user, id, ct);
            if (item.RegisteredAt is null) throw new PortalValidationException("Resolution", "请先登记该问题，再答复办理结果。");
        }
        await followUps.ResolveAsync(user, id, close, ct);
    }

    private static async Task<FollowUpItem> LoadForUnitAsync(PortalDbContext db, PortalUser user, int id, CancellationToken ct)
    {
        var item = await db.FollowUpItems.FirstOrDefaultAsync(f => f.Id == id && f.InstitutionId == user.InstitutionId
                                                                   && f.ProgrammeKey == LianxiAccess.ProgrammeKey && f.ResponsibleUnitId != null, ct)
                   ?? throw new NotFoundException();
        var units = await MyUnitsAsync(db, user, ct);
        if (!units.Contains(item.ResponsibleUnitId!.Value) && !LianxiAccess.Oversees(user))
            throw new AccessDeniedException("只有责任部门可以登记和答复该问题。");
        return item;
    }

    /// <summary>The units whose forwarded items the user handles: their own unit and the units they head or deputise.</summary>
    public static async Task<List<int>> MyUnitsAsync(PortalDbContext db, PortalUser user, CancellationToken ct)
    {
        if (user.PersonId is not int me) return [];
        var own = await db.People.Where(p => p.Id == me && p.UnitId != null).Select(p => p.UnitId!.Value).ToListAsync(ct);
        var led = await db.UnitLeaderships.Where(l => l.PersonId == me && (l.Role == LeadershipRole.Head || l.Role == LeadershipRole.Deputy))
            .Select(l => l.UnitId).ToListAsync(ct);
        return own.Union(led).ToList();
    }
}
