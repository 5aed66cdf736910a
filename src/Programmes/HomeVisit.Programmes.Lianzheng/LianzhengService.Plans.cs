using HomeVisit.Core.Accounts;
using HomeVisit.Core.Data;
using HomeVisit.Core.Institutions;
using HomeVisit.Core.Programmes;
using HomeVisit.Core.Quotas;
using HomeVisit.Core.Visits;
using Microsoft.EntityFrameworkCore;

namespace HomeVisit.Programmes.Lianzheng;

public sealed partial class LianzhengService
{
    /// <summary>
    /// Who keeps a visitor's plan: the visitor; a liaison for the leaders of their own unit (and sub-units) and for the
    /// school's leaders (the liaison fills in the school leaders' records, §8(三)); the system and programme admins.
    /// The programme's overseers read every plan.
    /// </summary>
    private async Task<bool> CanKeepPlanAsync(PortalDbContext db, PortalUser user, int visitorPersonId, int? visitorUnitId, CancellationToken ct)
    {
        if (user.PersonId == visitorPersonId && user.CanVisit) return true;
        if (user.IsAnyRole([Roles.SystemAdmin, Roles.ProgrammeAdmin])) return true;
        if (!user.IsInRole(Roles.Liaison) || user.PersonId is not int me) return false;
        var myUnit = await db.People.Where(p => p.Id == me).Select(p => p.UnitId).FirstOrDefaultAsync(ct);
        if (myUnit is int unit && visitorUnitId is int theirs)
        {
            var units = await UnitsAsync(db, user.InstitutionId, ct);
            if (units.ContainsKey(unit) && Subtree(units, unit).Contains(theirs)) return true;
        }
        var today = clock.Today();
        return await db.UnitLeaderships.AnyAsync(l => l.InstitutionId == user.InstitutionId && l.PersonId == visitorPersonId
                                                      && l.Unit!.Kind == OrgUnitKind.School && (l.EndsOn == null || l.EndsOn >= today), ct);
    }

    /// <summary>A visitor's plan for a year, each line with the visit that carries it out, and the plan against their quota lines.</summary>
    public async Task<VisitorPlan> GetPlanAsync(PortalUser user, int visitorPersonId, int year, CancellationToken ct = default)
    {
        await access.EnsureAsync(user, LianzhengAccess.ProgrammeKey);
        CheckYear(year);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var visitor = await db.People.AsNoTracking().Where(p => p.Id == visitorPersonId && p.InstitutionId == user.InstitutionId)
            .Select(p => new { p.Id, p.Name, p.Position, p.UnitId, UnitName = p.Unit != null ? p.Unit.Name : null })
            .FirstOrDefaultAsync(ct) ?? throw new NotFoundException("人员不存在。");
        var canEdit = await CanKeepPlanAsync(db, user, visitor.Id, visitor.UnitId, ct);
        if (!canEdit && !Oversees(user)) throw new AccessDeniedException("无权查看该人员的家访计划。");

        var items = await db.Set<LianzhengPlanItem>().AsNoTracking()
            .Where(i => i.InstitutionId == user.InstitutionId && i.VisitorPersonId == visitorPersonId && i.Year == year)
            .OrderBy(i => i.Month).ThenBy(i => i.Id)
            .Select(i => new
            {
                i.Id, i.Version, i.TargetPersonId, i.Target!.Name, UnitName = i.Target.Unit != null ? i.Target.Unit.Name : null,
                i.Target.Position, i.Month, i.Trigger, i.Note,
            })
            .ToListAsync(ct);
        var links = await VisitLinksAsync(db, user.InstitutionId, [visitorPersonId], year, ct);
        var (period, lines) = await quotas.LinesOfPersonAsync(user.InstitutionId, Key, visitorPersonId, DayIn(year), ct);

        return new VisitorPlan(visitor.Id, visitor.Name, visitor.UnitName, visitor.Position, year, period.Label,
            items.Select(i => new PlanItemRow(i.Id, i.Version, i.TargetPersonId, i.Name, i.UnitName, i.Position, i.Month, i.Trigger, i.Note,
                links.GetValueOrDefault((visitor.Id, i.TargetPersonId)))).ToList(),
            lines.Select(l => new PlanQuotaCheck(l.RuleName, l.Source, l.Unit, l.Required, items.Count, l.Done)).ToList(),
            lines.Count == 0 ? new PortalMessage("按{0}的规则，该人员不在本项目家访指标的适用人员范围内。", period) : null,
            canEdit);
    }

    /// <summary>For each (visitor, person) of the year, the visit that carries out the plan: the first done, else the next planned.</summary>
    private static async Task<Dictionary<(int Visitor, int Target), PlanVisitLink>> VisitLinksAsync(
        PortalDbContext db, int institutionId, IReadOnlyCollection<int> visitorIds, int year, CancellationToken ct)
    {
        var start = new DateTime(year, 1, 1);
        var end = start.AddYears(1);
        var rows = await (
                from vv in db.VisitVisitors.AsNoTracking()
                join t in db.VisitTargets on vv.VisitId equals t.VisitId
                where visitorIds.Contains(vv.PersonId) && t.PersonId != null
                      && vv.Visit!.InstitutionId == institutionId && vv.Visit.ProgrammeKey == Key && vv.Visit.Status != VisitStatus.Cancelled
                      && vv.Visit.EffectiveStart >= start && vv.Visit.EffectiveStart < end
                select new { Visitor = vv.PersonId, Target = t.PersonId!.Value, vv.VisitId, vv.Visit!.Status, When = vv.Visit.EffectiveStart })
            .ToListAsync(ct);
        return rows.GroupBy(r => (r.Visitor, r.Target))
            .ToDictionary(g => g.Key, g =>
            {
                var best = g.OrderBy(r => r.Status == VisitStatus.Done ? 0 : 1).ThenBy(r => r.When).First();
                return new PlanVisitLink(best.VisitId, best.Status, best.When);
            });
    }

    /// <summary>Adds a line to a visitor's plan, or changes one (its person, month, situation, note).</summary>
    public async Task<int> SavePlanItemAsync(PortalUser user, PlanItemEdit edit, CancellationToken ct = default)
    {
        await access.EnsureAsync(user, LianzhengAccess.ProgrammeKey);
        var v = new Validator()
            .Check(edit.Year is >= 2000 and <= 2100, nameof(edit.Year), "年度不正确。")
            .Check(edit.TargetPersonId is not null, nameof(edit.TargetPersonId), "请选择家访对象。")
            .Check(edit.Month is >= 1 and <= 12, nameof(edit.Month), "请选择计划家访的月份。")
            .Check(edit.TargetPersonId is null || edit.TargetPersonId != edit.VisitorPersonId, nameof(edit.TargetPersonId), "家访对象不能是家访人本人。")
            .MaxLength(nameof(edit.Note), edit.Note?.Trim(), 500, "备注");
        await using var db = await dbFactory.CreateForAsync(user, clock, ct);
        var visitor = await db.People.Where(p => p.Id == edit.VisitorPersonId && p.InstitutionId == user.InstitutionId)
            .Select(p => new { p.Id, p.UnitId }).FirstOrDefaultAsync(ct) ?? throw new NotFoundException("人员不存在。");
        if (!await CanKeepPlanAsync(db, user, visitor.Id, visitor.UnitId, ct)) throw new AccessDeniedException("您不能编辑该人员的家访计划。");

        if (edit.TargetPersonId is int targetId)
        {
            var target = await db.People.Where(p => p.Id == targetId && p.InstitutionId == user.InstitutionId).Select(p => p.Name).FirstOrDefaultAsync(ct);
            v.Check(target is not null, nameof(edit.TargetPersonId), "所选人员不存在。");
            // The same scope as the visit form and the quota (第三条): a plan never lists someone the visit would refuse.
            if (target is not null && edit.Year is >= 2000 and <= 2100)
            {
                var scopeRules = await rules.RulesOnAsync(user.InstitutionId, Key, new DateOnly(edit.Year, edit.Month is >= 1 and <= 12 ? edit.Month.Value : 1, 1), ct);
                var inScope = await db.People.Where(p => p.Id == targetId).Where(EstablishmentScope.Includes).AnyAsync(ct);
                v.Check(!EstablishmentScope.Limits(scopeRules) || inScope, nameof(edit.TargetPersonId), EstablishmentScope.Outside(target));
            }
            var duplicate = await db.Set<LianzhengPlanItem>().AnyAsync(i => i.VisitorPersonId == visitor.Id && i.Year == edit.Year
                                                                      && i.TargetPersonId == targetId && i.Id != edit.Id, ct);
            v.Check(!duplicate, nameof(edit.TargetPersonId), new PortalMessage("{0} 已在{1}年度的计划中。", target, edit.Year));
        }
        var trigger = TextInput.Clean(edit.Trigger);
        if (trigger is not null && edit.Year is >= 2000 and <= 2100)
        {
            var r = await rules.RulesOnAsync(user.InstitutionId, Key, new DateOnly(edit.Year, edit.Month is >= 1 and <= 12 ? edit.Month.Value : 1, 1), ct);
            v.Check(r.PriorityTriggers.Contains(trigger), nameof(edit.Trigger), "请从本项目的优先家访情形中选择。");
        }
        v.ThrowIfInvalid();

        LianzhengPlanItem item;
        if (edit.Id == 0)
        {
            item = new LianzhengPlanItem
            {
                InstitutionId = user.InstitutionId, VisitorPersonId = visitor.Id, Year = edit.Year,
                CreatedByUserId = user.UserId, CreatedAt = clock.GetUtcNow().UtcDateTime,
            };
            db.Set<LianzhengPlanItem>().Add(item);
        }
        else
        {
            item = await db.Set<LianzhengPlanItem>().FirstOrDefaultAsync(i => i.Id == edit.Id && i.InstitutionId == user.InstitutionId
                                                                        && i.VisitorPersonId == visitor.Id, ct) ?? throw new NotFoundException();
            db.Entry(item).Property(x => x.Version).OriginalValue = edit.Version;
            item.Year = edit.Year;
        }
        item.TargetPersonId = edit.TargetPersonId!.Value;
        item.Month = edit.Month!.Value;
        item.Trigger = trigger;
        item.Note = TextInput.Clean(edit.Note);
        await db.SaveOrConflictAsync(ct);
        return item.Id;
    }

    /// <summary>Takes a line out of a plan (audited like any change).</summary>
    public async Task RemovePlanItemAsync(PortalUser user, int id, long version, CancellationToken ct = default)
    {
        await access.EnsureAsync(user, LianzhengAccess.ProgrammeKey);
        await using var db = await dbFactory.CreateForAsync(user, clock, ct);
        var item = await db.Set<LianzhengPlanItem>().Include(i => i.Visitor)
            .FirstOrDefaultAsync(i => i.Id == id && i.InstitutionId == user.InstitutionId, ct) ?? throw new NotFoundException();
        if (!await CanKeepPlanAsync(db, user, item.VisitorPersonId, item.Visitor!.UnitId, ct)) throw new AccessDeniedException("您不能编辑该人员的家访计划。");
        db.Entry(item).Property(x => x.Version).OriginalValue = version;
        db.Set<LianzhengPlanItem>().Remove(item);
        await db.SaveOrConflictAsync(ct);
    }

    /// <summary>
    /// For overseers: every visitor with a quota in the year (optionally of one unit and its sub-units), how many people
    /// their plan names against what their quota requires, and how many they have visited. Short plans first.
    /// </summary>
    public async Task<IReadOnlyList<PlanOverviewRow>> PlanOverviewAsync(PortalUser user, int year, int? unitId, CancellationToken ct = default)
    {
        await access.EnsureAsync(user, LianzhengAccess.ProgrammeKey);
        CheckYear(year);
        // Every visitor at once: paging through VisitorQuotasAsync computed the whole institution's figures again per page of 200.
        var (_, visitors) = await quotas.AllVisitorQuotasAsync(user, Key, DayIn(year), unitId, behindOnly: false, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var planned = await db.Set<LianzhengPlanItem>().AsNoTracking()
            .Where(i => i.InstitutionId == user.InstitutionId && i.Year == year)
            .GroupBy(i => i.VisitorPersonId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        return visitors
            .Select(r =>
            {
                // The same visits count towards every line, so the plan has to reach the largest of them.
                var line = r.Lines.OrderByDescending(l => l.Required).First();
                return new PlanOverviewRow(r.PersonId, r.Name, r.UnitName, line.Required, line.Unit, planned.GetValueOrDefault(r.PersonId), line.Done);
            })
            .OrderBy(r => r.Enough).ThenBy(r => r.UnitName, StringComparer.Ordinal).ThenBy(r => r.Name, StringComparer.Ordinal)
            .ToList();
    }
}
