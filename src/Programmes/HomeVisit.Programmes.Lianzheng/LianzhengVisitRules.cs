using HomeVisit.Core.Accounts;
using HomeVisit.Core.Data;
using HomeVisit.Core.Institutions;
using HomeVisit.Core.Programmes;
using HomeVisit.Core.Visits;
using Microsoft.EntityFrameworkCore;

namespace HomeVisit.Programmes.Lianzheng;

/// <summary>
/// The 廉政家访 rules that hold on every route a plan takes (the programme's pages, the general 安排家访 form, the
/// calendar, the API): registered by the module as an <see cref="IVisitPlanCheck"/>, which VisitService runs on every
/// plan save and reschedule.
/// <list type="bullet">
/// <item>分级负责 (第四条): every person visited is in the remit of at least one visitor — a head (一把手) of the
/// person's unit or a unit above it, or whoever oversees (分管) such a unit; a deputy (班子其他成员) of such a unit visits
/// its staff but not fellow 班子成员; the school's main leaders visit the school's 领导班子成员; 纪委委员 (and the
/// discipline office) visit the 基层纪检监察干部. A liaison or recorder may go along but covers no one by themselves.</item>
/// <item>定期回访 (第六条（三）) follows a 重点约访: it is planned from the 重点约访's page (in its chain), never on its own.</item>
/// <item>上门家访 “利用晚上或休息日时间” (第六条（一）): a plan in a working day's working hours is a warning the user confirms.</item>
/// </list>
/// </summary>
public sealed class LianzhengVisitRules : IVisitPlanCheck
{
    /// <summary>Position keywords of 纪委委员 and of the 基层纪检监察干部 they visit (第四条（三）).</summary>
    private static readonly string[] CommitteeMember = ["纪委委员"];
    private static readonly string[] DisciplineCadre = ["纪检", "纪委", "监察"];

    public async Task CheckAsync(PortalDbContext db, PortalUser user, VisitPlan plan, ProgrammeRules rules, Validator v, CancellationToken ct)
    {
        if (plan.ProgrammeKey != LianzhengService.Key || plan.PlannedStart is null) return;

        v.Check(plan.Form != VisitForm.RegularRevisit || plan.ParentVisitId is not null, nameof(plan.Form),
            "定期回访须接续一次已完成的重点约访（第六条（三））：请在该重点约访的家访页面点“安排回访”。");
        if (plan.Form == VisitForm.HomeVisit && InWorkingHours(plan.PlannedStart.Value))
            v.Warn(nameof(plan.PlannedStart),
                "上门家访一般利用晚上或休息日时间进行（第六条（一））：所选时间在工作日的工作时间（周一至周五 8:00–18:00）内。确认仍按此时间安排？");

        var targetIds = plan.TargetPersonIds.Distinct().ToList();
        var visitorIds = plan.VisitorIds.Distinct().ToList();
        if (targetIds.Count == 0 || visitorIds.Count == 0) return;
        var day = DateOnly.FromDateTime(plan.PlannedStart.Value);
        var scope = await LeadershipScope.LoadAsync(db, user.InstitutionId, [.. targetIds, .. visitorIds], day, ct);
        var people = await db.People.AsNoTracking().Where(p => targetIds.Contains(p.Id) || visitorIds.Contains(p.Id))
            .Select(p => new { p.Id, p.Name, p.UnitId, p.Position, UnitName = p.Unit != null ? p.Unit.Name : null }).ToListAsync(ct);
        var disciplineAccounts = await db.UserAccounts.AsNoTracking()
            .Where(a => a.PersonId != null && visitorIds.Contains(a.PersonId.Value) && !a.IsDisabled)
            .Select(a => new { PersonId = a.PersonId!.Value, a.Roles }).ToListAsync(ct);

        foreach (var target in people.Where(p => targetIds.Contains(p.Id)))
        {
            var covered = visitorIds.Any(visitorId =>
            {
                var visitor = people.FirstOrDefault(p => p.Id == visitorId);
                if (visitor is null) return false;
                var committee = Has(visitor.Position, CommitteeMember)
                                || disciplineAccounts.Any(a => a.PersonId == visitorId && a.Roles.Contains(Roles.DisciplineOffice));
                if (committee && Has(target.Position, DisciplineCadre)) return true;
                return Covers(scope, visitorId, target.Id, target.UnitId);
            });
            if (covered) continue;
            v.Add(nameof(plan.TargetPersonIds),
                $"{target.Name}{(target.UnitName is null ? "" : $"（{target.UnitName}）")}不在家访人员的分级负责范围内：廉政家访由单位（部门）负责人" +
                "对班子其他成员及干部职工、班子其他成员对干部职工、学校领导对分管单位（部门）的干部职工进行（第四条）。");
            return;
        }
    }

    /// <summary>
    /// Monday to Friday, 8:00 to 18:00 (Beijing wall clock). Public holidays and the weekend days worked in their place are
    /// not known to the portal, so they are judged by the day of the week.
    /// </summary>
    internal static bool InWorkingHours(DateTime start) =>
        start.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && start.TimeOfDay >= TimeSpan.FromHours(8) && start.TimeOfDay < TimeSpan.FromHours(18);

    private static bool Has(string? position, string[] keywords) => position is { } p && keywords.Any(p.Contains);

    /// <summary>Whether the visitor's leadership rows put the target in their remit (第四条（一）（二）（四）).</summary>
    private static bool Covers(LeadershipScope scope, int visitorId, int targetId, int? targetUnitId)
    {
        var chain = scope.Chain(targetUnitId);
        var targetRows = scope.RowsOf(targetId).ToList();
        foreach (var row in scope.RowsOf(visitorId))
        {
            if (row.Role is not (LeadershipRole.Head or LeadershipRole.Deputy or LeadershipRole.Oversees)) continue;
            if (scope.KindOf(row.UnitId) == OrgUnitKind.School)
            {
                // 第四条（一）: the school's main leaders visit the 领导班子成员; the school's staff they visit through the
                // units they oversee (分管), like the other school leaders (第四条（二）).
                if (row.Role == LeadershipRole.Head && targetRows.Any(t => t.UnitId == row.UnitId && t.Role != LeadershipRole.BranchSecretary))
                    return true;
                continue;
            }
            if (!chain.Contains(row.UnitId)) continue;
            // 第四条（四）: 班子其他成员对干部职工进行家访 — not to the head or fellow deputies of the same unit.
            var fellowMember = row.Role == LeadershipRole.Deputy
                               && targetRows.Any(t => t.UnitId == row.UnitId && t.Role is LeadershipRole.Head or LeadershipRole.Deputy);
            if (!fellowMember) return true;
        }
        return false;
    }
}
