using HomeVisit.Core.Accounts;
using HomeVisit.Core.Data;
using HomeVisit.Core.Institutions;
using HomeVisit.Core.Programmes;
using HomeVisit.Core.Visits;
using Microsoft.EntityFrameworkCore;

namespace HomeVisit.Programmes.Ganbu;

/// <summary>
/// The 干部家访 rules that hold on every route a plan takes (the request pages, the general 安排家访 form, the calendar):
/// registered by the module as an <see cref="IVisitPlanCheck"/>, which VisitService runs on every plan save and reschedule.
/// <list type="bullet">
/// <item>本单位管理干部 (二, 四（一）): every cadre visited is in the remit of a visitor — the 主管副职, 一把手 (or whoever
/// oversees) of the cadre's unit or a unit above it, the county-level leader linked (分包) to such a unit, or the leader
/// the organisation department made handler of the cadre's request; the organisation department itself revisits anyone
/// (二 “县委组织部适时对家访情况进行回访”).</item>
/// <item>A visit that handles or revisits a request is not dated before the request was filed: neither its plan nor, as an
/// <see cref="IVisitStatusCheck"/> on recording, the actual time of its outcome.</item>
/// </list>
/// </summary>
internal sealed class GanbuVisitRules : IVisitPlanCheck, IVisitStatusCheck
{
    public string ProgrammeKey => GanbuAccess.ProgrammeKey;

    /// <summary>The outcome of a handling visit or revisit happened after the request was filed, whichever page records it.</summary>
    public async Task CheckOutcomeAsync(PortalDbContext db, PortalUser user, Visit visit, VisitOutcome outcome, ProgrammeRules rules, Validator v, CancellationToken ct)
    {
        if (outcome.ActualStart is not { } actual) return;
        var filed = await FiledAsync(db, visit.Id, ct);
        if (filed is not { } utc) return;
        var since = FiledMinute(utc);
        v.Check(actual >= since, nameof(VisitOutcome.ActualStart), $"实际家访时间不能早于诉求提交时间（{since:yyyy-MM-dd HH:mm}）。");
    }

    // The latest request the visit answers (a revisit may answer several).
    private static Task<DateTime?> FiledAsync(PortalDbContext db, int visitId, CancellationToken ct) =>
        db.Set<GanbuRequestVisit>().AsNoTracking().Where(x => x.VisitId == visitId).Select(x => (DateTime?)x.Request!.CreatedAt).MaxAsync(ct);

    public async Task CheckAsync(PortalDbContext db, PortalUser user, VisitPlan plan, ProgrammeRules rules, Validator v, CancellationToken ct)
    {
        if (plan.ProgrammeKey != GanbuAccess.ProgrammeKey || plan.PlannedStart is not { } start) return;

        if (plan.Id != 0)
        {
            var filed = await FiledAsync(db, plan.Id, ct);
            if (filed is { } utc) CheckNotBeforeFiled(v, start, utc);
        }

        var targetIds = plan.TargetPersonIds.Distinct().ToList();
        var visitorIds = plan.VisitorIds.Distinct().ToList();
        if (targetIds.Count == 0 || visitorIds.Count == 0) return;
        var department = await db.UserAccounts.AsNoTracking()
            .AnyAsync(a => a.PersonId != null && visitorIds.Contains(a.PersonId.Value) && !a.IsDisabled && a.Roles.Contains(Roles.OrganisationDept), ct);
        if (department) return;

        var scope = await LeadershipScope.LoadAsync(db, user.InstitutionId, visitorIds, DateOnly.FromDateTime(start), ct);
        var targets = await db.People.AsNoTracking().Where(p => targetIds.Contains(p.Id))
            .Select(p => new { p.Id, p.Name, p.UnitId, UnitName = p.Unit != null ? p.Unit.Name : null }).ToListAsync(ct);
        var handledBy = await db.Set<GanbuRequest>().AsNoTracking()
            .Where(r => targetIds.Contains(r.RequesterPersonId) && visitorIds.Contains(r.HandlerPersonId)
                        && r.Status != GanbuRequestStatus.Withdrawn)
            .Select(r => r.RequesterPersonId).ToListAsync(ct);
        foreach (var target in targets)
        {
            if (handledBy.Contains(target.Id)) continue;
            var chain = scope.Chain(target.UnitId);
            if (visitorIds.Any(id => scope.RowsOf(id).Any(r => chain.Contains(r.UnitId) && r.Role != LeadershipRole.BranchSecretary))) continue;
            v.Add(nameof(plan.TargetPersonIds),
                $"{target.Name}{(target.UnitName is null ? "" : $"（{target.UnitName}）")}不是家访人员所在单位的管理干部：干部家访由本单位主管副职、" +
                "一把手或分包该单位的县级领导进行，县委组织部可回访（二、四（一））。");
            return;
        }
    }

    /// <summary>A handling visit or revisit is never dated before the request it answers.</summary>
    internal static void CheckNotBeforeFiled(Validator v, DateTime plannedStart, DateTime filedUtc)
    {
        var filed = FiledMinute(filedUtc);
        v.Check(plannedStart >= filed, nameof(VisitPlan.PlannedStart), $"家访时间不能早于诉求提交时间（{filed:yyyy-MM-dd HH:mm}）。");
    }

    // Times are entered to the minute: a visit recorded in the minute the request was filed is not before it.
    private static DateTime FiledMinute(DateTime filedUtc)
    {
        var t = filedUtc.ToInstitutionTime();
        return new DateTime(t.Year, t.Month, t.Day, t.Hour, t.Minute, 0, t.Kind);
    }
}
