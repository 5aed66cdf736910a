using HomeVisit.Core.Accounts;
using HomeVisit.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace HomeVisit.Core.Visits;

/// <summary>
/// Chains of follow-on visits. A done 重点约访 (<see cref="VisitForm.KeyAppointment"/>) starts a chain: the person is
/// tracked with 定期回访 (<see cref="VisitForm.RegularRevisit"/>, each with <see cref="Visit.ParentVisitId"/> = the
/// 重点约访) until someone records that the person has recovered (转变/已好转, with a note); that closes the chain on
/// its root (<see cref="Visit.ChainClosedAt"/>). Seed 1 §6(二)(三); any programme that allows both forms can use it.
/// </summary>
public static class VisitChains
{
    /// <summary>Whether a visit of this form starts a chain.</summary>
    public static bool StartsChain(VisitForm form) => form == VisitForm.KeyAppointment;

    /// <summary>The form of the visits that continue a chain.</summary>
    public static readonly VisitForm FollowOnForm = VisitForm.RegularRevisit;
}

/// <summary>One visit of a chain, as the viewer may see it.</summary>
public sealed record VisitChainMember(
    int Id, VisitForm Form, DateTime PlannedStart, DateTime? ActualStart, VisitStatus Status, string Visitors, bool IsRoot);

/// <summary>
/// A chain as shown on the page of any of its visits. <see cref="Members"/> holds only the visits the viewer may see;
/// the close note only when the viewer may see the root.
/// </summary>
public sealed record VisitChainView(
    int RootId, long RootVersion, VisitStatus RootStatus, string Targets, bool Closed, DateTime? ClosedAt, string? ClosedBy,
    string? CloseNote, IReadOnlyList<VisitChainMember> Members, bool CanScheduleFollowOn, bool CanClose, PortalMessage? CannotCloseReason);

/// <summary>A chain still open: a done 重点约访 whose person is not yet recorded as recovered.</summary>
public sealed record OpenChainRow(
    int RootId, string ProgrammeKey, DateTime RootDate, string Targets, string Visitors, string? Trigger,
    int FollowOnsDone, DateTime? LastFollowOn, DateTime? NextPlanned);

public sealed partial class VisitService
{
    /// <summary>The chain the visit belongs to, or null when it starts none and continues none.</summary>
    public async Task<VisitChainView?> GetChainAsync(PortalUser user, int visitId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var visit = await Visible(db, user).AsNoTracking().Where(x => x.Id == visitId)
            .Select(x => new { x.Id, x.ParentVisitId, x.Form }).FirstOrDefaultAsync(ct) ?? throw new NotFoundException();
        if (visit.ParentVisitId is null && !VisitChains.StartsChain(visit.Form)) return null;
        var rootId = visit.ParentVisitId ?? visit.Id;

        var root = await db.Visits.AsNoTracking().Where(x => x.Id == rootId && x.InstitutionId == user.InstitutionId)
            .Select(x => new
            {
                x.Id, x.Version, x.Status, x.ProgrammeKey, x.ChainClosedAt, x.ChainCloseNote,
                ClosedBy = db.UserAccounts.Where(a => a.Id == x.ChainClosedByUserId).Select(a => a.DisplayName).FirstOrDefault(),
                Targets = x.Targets.Where(t => t.Person != null).Select(t => t.Person!.Name).ToList(),
            })
            .FirstAsync(ct);
        var rootVisible = await Visible(db, user).AnyAsync(x => x.Id == rootId, ct);

        var members = await Visible(db, user).AsNoTracking()
            .Where(x => x.Id == rootId || x.ParentVisitId == rootId)
            .OrderBy(x => x.EffectiveStart).ThenBy(x => x.Id)
            .Select(x => new
            {
                x.Id, x.Form, x.PlannedStart, x.ActualStart, x.Status,
                Visitors = x.Visitors.OrderBy(y => y.IsRecorder).ThenBy(y => y.Id).Select(y => y.Person!.Name).ToList(),
            })
            .ToListAsync(ct);
        var pending = await db.Visits.AsNoTracking()
            .Where(x => x.ParentVisitId == rootId && (x.Status == VisitStatus.Planned || x.Status == VisitStatus.Notified))
            .OrderBy(x => x.PlannedStart).Select(x => (DateTime?)x.PlannedStart).FirstOrDefaultAsync(ct);

        var open = root.ChainClosedAt is null && root.Status == VisitStatus.Done;
        var rulesNow = await rules.RulesOnAsync(user.InstitutionId, root.ProgrammeKey, clock.Today(), ct);
        var closed = root.ChainClosedAt is not null;
        return new VisitChainView(
            rootId, root.Version, root.Status, string.Join("、", root.Targets), closed,
            root.ChainClosedAt, closed ? root.ClosedBy : null, rootVisible ? root.ChainCloseNote : null,
            members.Select(m => new VisitChainMember(m.Id, m.Form, m.PlannedStart, m.ActualStart, m.Status, string.Join("、", m.Visitors), m.Id == rootId)).ToList(),
            CanScheduleFollowOn: rootVisible && open && rulesNow.AllowedForms.Contains(VisitChains.FollowOnForm) && user.CanVisit,
            CanClose: rootVisible && open && pending is null,
            CannotCloseReason: rootVisible && open && pending is DateTime next
                ? new PortalMessage("还有未完成的回访（计划 {0:yyyy-MM-dd}），登记结果或取消后才能记录为已好转。", next)
                : null);
    }

    /// <summary>A plan for the next 定期回访 of the chain the visit belongs to: the 重点约访's people, visitors and recorder.</summary>
    public async Task<VisitPlan> NewFollowOnPlanAsync(PortalUser user, int visitId, CancellationToken ct = default)
    {
        if (!user.CanVisit) throw new AccessDeniedException("您的角色不能安排家访。");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rootId = await Visible(db, user).Where(x => x.Id == visitId).Select(x => x.ParentVisitId ?? x.Id).FirstOrDefaultAsync(ct);
        // One visit: its few visitors × targets cost less as one statement than as three.
        var root = await Visible(db, user).AsNoTracking().Include(x => x.Visitors).Include(x => x.Targets).AsSingleQuery()
            .FirstOrDefaultAsync(x => x.Id == rootId, ct) ?? throw new NotFoundException();
        EnsureChainOpen(root, nameof(VisitPlan.ParentVisitId));
        return new VisitPlan
        {
            ProgrammeKey = root.ProgrammeKey,
            Form = VisitChains.FollowOnForm,
            ParentVisitId = root.Id,
            DurationMinutes = 60,
            Place = root.Place,
            Purpose = "重点约访后定期回访，进一步了解本人及家庭转变情况",
            Trigger = root.Trigger,
            VisitorIds = root.Visitors.OrderBy(x => x.Id).Select(x => x.PersonId).ToList(),
            RecorderId = root.Visitors.FirstOrDefault(x => x.IsRecorder)?.PersonId,
            TargetPersonIds = root.Targets.Where(t => t.PersonId != null).Select(t => t.PersonId!.Value).ToList(),
        };
    }

    /// <summary>
    /// Records that the person of a 重点约访 has recovered (转变/已好转): the chain closes and leaves the list of tracked
    /// 重点约访. Needs a note; refused while a 定期回访 of the chain is still planned.
    /// </summary>
    public async Task CloseChainAsync(PortalUser user, int rootVisitId, long version, string? note, CancellationToken ct = default)
    {
        new Validator().Require(nameof(Visit.ChainCloseNote), note, "转变情况说明")
            .MaxLength(nameof(Visit.ChainCloseNote), note?.Trim(), 1000, "转变情况说明").ThrowIfInvalid();
        await using var db = await dbFactory.CreateForAsync(user, clock, ct);
        var root = await LoadForChangeAsync(db, user, rootVisitId, version, ct);
        EnsureChainOpen(root, nameof(Visit.ChainCloseNote));
        var pending = await db.Visits.Where(x => x.ParentVisitId == root.Id && (x.Status == VisitStatus.Planned || x.Status == VisitStatus.Notified))
            .OrderBy(x => x.PlannedStart).Select(x => (DateTime?)x.PlannedStart).FirstOrDefaultAsync(ct);
        if (pending is DateTime next)
            throw new PortalValidationException(nameof(Visit.ChainCloseNote), new PortalMessage("还有未完成的回访（计划 {0:yyyy-MM-dd}），登记结果或取消后才能记录为已好转。", next));
        root.ChainClosedAt = clock.GetUtcNow().UtcDateTime;
        root.ChainClosedByUserId = user.UserId;
        root.ChainCloseNote = note!.Trim();
        await db.SaveOrConflictAsync(ct);
    }

    /// <summary>
    /// The chains still open in a programme that the user may see, newest 重点约访 first: how many 定期回访 are done,
    /// the last one and the next one planned.
    /// </summary>
    public async Task<PagedResult<OpenChainRow>> OpenChainsAsync(PortalUser user, string programmeKey, int page = 1, int pageSize = 20,
        CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var roots = Visible(db, user).AsNoTracking()
            .Where(v => v.ProgrammeKey == programmeKey && v.ParentVisitId == null && v.Form == VisitForm.KeyAppointment
                        && v.Status == VisitStatus.Done && v.ChainClosedAt == null);
        var total = await roots.CountAsync(ct);
        pageSize = Math.Clamp(pageSize, 1, 200);
        page = Math.Max(1, page);
        var rows = await roots
            .OrderByDescending(v => v.ActualStart).ThenByDescending(v => v.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)
            // A page of visits with visitors and targets: split, so neither collection multiplies the other's rows.
            .AsSplitQuery()
            .Select(v => new
            {
                v.Id, v.ProgrammeKey, Date = v.EffectiveStart, v.Trigger,
                Targets = v.Targets.Where(t => t.Person != null).Select(t => t.Person!.Name).ToList(),
                Visitors = v.Visitors.OrderBy(x => x.IsRecorder).ThenBy(x => x.Id).Select(x => x.Person!.Name).ToList(),
                Done = db.Visits.Count(c => c.ParentVisitId == v.Id && c.Status == VisitStatus.Done),
                Last = db.Visits.Where(c => c.ParentVisitId == v.Id && c.Status == VisitStatus.Done).Max(c => c.ActualStart),
                Next = db.Visits.Where(c => c.ParentVisitId == v.Id && (c.Status == VisitStatus.Planned || c.Status == VisitStatus.Notified))
                    .Min(c => (DateTime?)c.PlannedStart),
            })
            .ToListAsync(ct);
        return new PagedResult<OpenChainRow>(
            rows.Select(r => new OpenChainRow(r.Id, r.ProgrammeKey, r.Date, string.Join("、", r.Targets), string.Join("、", r.Visitors), r.Trigger,
                r.Done, r.Last, r.Next)).ToList(),
            total, page, pageSize);
    }

    /// <summary>Checks a 定期回访 plan against the chain it continues (called by <see cref="SavePlanAsync"/>).</summary>
    private async Task CheckFollowOnAsync(PortalDbContext db, PortalUser user, int rootId, VisitPlan plan, bool isNew, CancellationToken ct)
    {
        var root = await Visible(db, user).AsNoTracking().Include(x => x.Targets).FirstOrDefaultAsync(x => x.Id == rootId, ct)
                   ?? throw new NotFoundException("要回访的重点约访不存在或无权查看。");
        if (isNew) EnsureChainOpen(root, nameof(plan.ParentVisitId));
        var v = new Validator()
            .Check(root.ProgrammeKey == plan.ProgrammeKey, nameof(plan.ProgrammeKey), "回访须与重点约访属于同一家访项目。")
            .Check(plan.Form == VisitChains.FollowOnForm, nameof(plan.Form), "重点约访后的回访，家访形式须为“定期回访”。");
        var rootPeople = root.Targets.Where(t => t.PersonId != null).Select(t => t.PersonId!.Value).ToHashSet();
        v.Check(rootPeople.SetEquals(plan.TargetPersonIds) && plan.TargetBranchIds.Count == 0, nameof(plan.TargetPersonIds),
            "回访对象须与重点约访的对象一致。");
        v.ThrowIfInvalid();
    }

    private static void EnsureChainOpen(Visit root, string field)
    {
        if (root.ParentVisitId is not null || !VisitChains.StartsChain(root.Form))
            throw new PortalValidationException(field, "只能对重点约访安排定期回访。");
        if (root.Status != VisitStatus.Done)
            throw new PortalValidationException(field, "重点约访登记结果后才能安排回访或记录转变情况。");
        if (root.ChainClosedAt is not null)
            throw new PortalValidationException(field, "该重点约访对象已记录为好转，跟踪已结束。");
    }
}
