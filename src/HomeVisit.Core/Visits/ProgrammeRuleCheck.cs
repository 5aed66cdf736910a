using HomeVisit.Core.Accounts;
using HomeVisit.Core.Data;
using HomeVisit.Core.People;
using HomeVisit.Core.Programmes;
using Microsoft.EntityFrameworkCore;

namespace HomeVisit.Core.Visits;

/// <summary>Checks a plan or an outcome against a programme's rules; adds Chinese messages to the caller's validator.</summary>
internal sealed class ProgrammeRuleCheck(PortalDbContext db, ProgrammeRules rules, TimeProvider clock)
{
    public async Task CheckPlanAsync(Validator v, PortalUser user, VisitPlan p, CancellationToken ct)
    {
        v.Check(rules.AllowedForms.Contains(p.Form), nameof(p.Form), "本项目不采用所选的家访形式。");
        v.Check(p.VisitorIds.Distinct().Count() >= rules.MinTeamSize, nameof(p.VisitorIds),
            new PortalMessage("本项目每次家访须由 {0} 名以上人员组成工作组。", rules.MinTeamSize));
        v.Check(p.Trigger is null || string.IsNullOrWhiteSpace(p.Trigger) || rules.PriorityTriggers.Contains(p.Trigger.Trim()), nameof(p.Trigger),
            "请从本项目的优先家访情形中选择。");

        if (rules.NoticeLeadDays > 0 && p.PlannedStart is { } start)
        {
            var earliest = clock.Today().AddDays(rules.NoticeLeadDays);
            v.Check(DateOnly.FromDateTime(start) >= earliest, nameof(p.PlannedStart),
                new PortalMessage(rules.NoticeInWriting ? "本项目须在家访前 {0} 天书面通知家访对象，最早可安排在 {1:yyyy-MM-dd}。" : "本项目须在家访前 {0} 天通知家访对象，最早可安排在 {1:yyyy-MM-dd}。",
                    rules.NoticeLeadDays, earliest));
        }

        await CheckVisitorsAsync(v, p, ct);
        await CheckTargetsAsync(v, p, ct);
    }

    private async Task CheckVisitorsAsync(Validator v, VisitPlan p, CancellationToken ct)
    {
        var ids = p.VisitorIds.Distinct().ToList();
        var people = await db.People.Where(x => ids.Contains(x.Id)).Select(x => new { x.Id, x.Name, x.Position }).ToListAsync(ct);
        var accounts = await db.UserAccounts.Where(a => a.PersonId != null && ids.Contains(a.PersonId.Value) && !a.IsDisabled)
            .Select(a => new { a.PersonId, a.Roles }).ToListAsync(ct);
        foreach (var person in people)
        {
            var byRole = accounts.Any(a => a.PersonId == person.Id && a.Roles.Any(rules.VisitorRoles.Contains));
            var byPosition = person.Position is { } position && rules.VisitorPositions.Any(position.Contains);
            if (!byRole && !byPosition)
            {
                v.Add(nameof(p.VisitorIds), new PortalMessage("{0} 不在本项目的家访人员范围内。", person.Name));
                return;
            }
        }
    }

    private async Task CheckTargetsAsync(Validator v, VisitPlan p, CancellationToken ct)
    {
        v.Check(p.TargetBranchIds.Count == 0 || rules.Targets.HasFlag(TargetScope.PartyBranches), nameof(p.TargetBranchIds),
            "本项目的家访对象不包括党支部。");
        const TargetScope personScopes = TargetScope.InEstablishmentStaff | TargetScope.FamilyMembers |
                                         TargetScope.DisciplinedPersons | TargetScope.LinkedIndividuals;
        if (p.TargetPersonIds.Count == 0) return;
        if ((rules.Targets & personScopes) == 0)
        {
            v.Add(nameof(p.TargetPersonIds), "本项目的家访对象不包括个人。");
            return;
        }
        // Only "in-establishment staff" limits who may be visited by their status; the other scopes are checked
        // by the modules that bring them (IVisitPlanCheck).
        if (!EstablishmentScope.Limits(rules)) return;
        var outside = await db.People.Where(x => p.TargetPersonIds.Contains(x.Id)).Where(EstablishmentScope.Excludes)
            .Select(x => x.Name).FirstOrDefaultAsync(ct);
        v.Check(outside is null, nameof(p.TargetPersonIds), EstablishmentScope.Outside(outside));
    }

    public static void CheckOutcome(Validator v, ProgrammeRules rules, IProgrammeModule module, VisitOutcome o, VisitForm form)
    {
        foreach (var field in rules.RequiredRecordFields)
        {
            switch (field)
            {
                case "Record": break; // always required by the core
                case "ProblemsFound": v.Require(field, o.ProblemsFound, "发现的问题"); break;
                case "Resolution": v.Require(field, o.Resolution, "问题解决情况"); break;
                case "FamilyMet": v.Check(VisitForms.MeetsNobody(form, module) || o.FamilyMetIds.Count > 0, nameof(o.FamilyMetIds), "本项目须登记见到的家属。"); break;
                default:
                    if (module.RecordForm.FirstOrDefault(f => f.Key == field) is { } rf)
                        v.Check(o.FormData.TryGetValue(field, out var value) && !string.IsNullOrWhiteSpace(value) && value != "false",
                            $"FormData.{field}", new PortalMessage("请填写“{0}”。", rf.Label));
                    break;
            }
        }
        foreach (var field in module.RecordForm)
        {
            if (!o.FormData.TryGetValue(field.Key, out var value) || string.IsNullOrWhiteSpace(value)) continue;
            var key = $"FormData.{field.Key}";
            switch (field.Kind)
            {
                case RecordFieldKind.Text: v.MaxLength(key, value, 200, field.Label); break;
                case RecordFieldKind.LongText: v.MaxLength(key, value, 4000, field.Label); break;
                case RecordFieldKind.Date: v.Check(DateOnly.TryParse(value, out _), key, new PortalMessage("“{0}”不是有效日期。", field.Label)); break;
                case RecordFieldKind.YesNo: v.Check(value is "true" or "false", key, new PortalMessage("“{0}”的值不正确。", field.Label)); break;
                case RecordFieldKind.Choice: v.Check(field.Choices?.Contains(value) == true, key, new PortalMessage("“{0}”的选项不正确。", field.Label)); break;
                case RecordFieldKind.Checklist:
                    v.Check(value.Split(VisitFormData.ChecklistSeparator).All(x => field.Choices?.Contains(x) == true), key, new PortalMessage("“{0}”的选项不正确。", field.Label));
                    break;
            }
        }
    }
}
