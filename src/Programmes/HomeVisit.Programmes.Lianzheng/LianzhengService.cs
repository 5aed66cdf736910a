using HomeVisit.Core.Access;
using HomeVisit.Core.Accounts;
using HomeVisit.Core.Data;
using HomeVisit.Core.Institutions;
using HomeVisit.Core.Programmes;
using HomeVisit.Core.Quotas;
using HomeVisit.Core.Visits;
using Microsoft.EntityFrameworkCore;

namespace HomeVisit.Programmes.Lianzheng;

/// <summary>
/// 廉政家访 (seed 1, 桂交院党〔2022〕15 号) beyond the core visits: yearly visit plans checked against the quotas
/// (§8(二)), the 领导干部家访记录单 and its archive at the discipline office (§8(三), annex 1), the 廉洁家访台账 (annex 2)
/// and the year-end view for the 党风廉政建设 assessment (§8(四)). Every method first asks the programme's policy
/// (<see cref="LianzhengAccess.Policy"/> through <see cref="ProgrammeAccess"/>: a click in a circuit opened before the programme
/// was switched off, or the visit-page section, passes no page policy), then checks access per record: visits through
/// <see cref="VisitService.Visible"/>, plans through <see cref="CanKeepPlanAsync"/>.
/// </summary>
public sealed partial class LianzhengService(
    IDbContextFactory<PortalDbContext> dbFactory, ProgrammeCatalog programmes, ProgrammeRulesService rules, QuotaService quotas,
    ProgrammeAccess access, TimeProvider clock)
{
    /// <summary>The programme's key (the module in the host uses the same).</summary>
    public const string Key = LianzhengModule.ProgrammeKey;

    /// <summary>Record-form field: the visitor left their contact details with the family (第八条（一）直接联系).</summary>
    public const string ContactGivenField = "ContactGiven";

    private bool Oversees(PortalUser user) => programmes.OverseenBy(user).Contains(Key);

    private IQueryable<Visit> VisibleVisits(PortalDbContext db, PortalUser user) =>
        VisitService.Visible(db, user, programmes.OverseenBy(user), programmes.HiddenFrom(user)).Where(v => v.ProgrammeKey == Key);

    /// <summary>The day whose period a year's figures are read for: today in the current year, else the year's last day.</summary>
    private DateOnly DayIn(int year)
    {
        var today = clock.Today();
        return year == today.Year ? today : new DateOnly(year, 12, 31);
    }

    private static void CheckYear(int year)
    {
        if (year is < 2000 or > 2100) throw new PortalValidationException("Year", "年度不正确。");
    }

    /// <summary>The 家访领导 of a visit: the visitors other than the recorder, or every visitor when the recorder is alone.</summary>
    internal static IReadOnlyList<T> LeadersOf<T>(IReadOnlyList<T> visitors, Func<T, bool> isRecorder)
    {
        var leaders = visitors.Where(v => !isRecorder(v)).ToList();
        return leaders.Count > 0 ? leaders : visitors;
    }

    internal static string? JoinPositions(IEnumerable<string?> positions)
    {
        var list = positions.Select(p => p?.Trim()).Where(p => !string.IsNullOrEmpty(p)).ToList();
        return list.Count == 0 ? null : string.Join("、", list);
    }

    internal sealed record UnitNode(int Id, int? ParentId, string Name, OrgUnitKind Kind, int SortOrder);

    internal static async Task<Dictionary<int, UnitNode>> UnitsAsync(PortalDbContext db, int institutionId, CancellationToken ct) =>
        await db.OrgUnits.AsNoTracking().Where(u => u.InstitutionId == institutionId)
            .Select(u => new UnitNode(u.Id, u.ParentId, u.Name, u.Kind, u.SortOrder))
            .ToDictionaryAsync(u => u.Id, ct);

    /// <summary>A unit and every unit below it.</summary>
    internal static List<int> Subtree(Dictionary<int, UnitNode> units, int unitId)
    {
        var children = units.Values.ToLookup(u => u.ParentId, u => u.Id);
        var result = new List<int>();
        var stack = new Stack<int>([unitId]);
        while (stack.Count > 0 && result.Count <= units.Count)
        {
            var id = stack.Pop();
            result.Add(id);
            foreach (var c in children[id]) stack.Push(c);
        }
        return result;
    }

    /// <summary>The unit's ancestor just below a root (itself if it is one), or the root itself — as the quota roll-up groups.</summary>
    internal static int TopLevel(Dictionary<int, UnitNode> units, int unitId)
    {
        var current = units[unitId];
        for (var guard = 0; guard < 100 && current.ParentId is int parentId && units.TryGetValue(parentId, out var parent) && parent.ParentId is not null; guard++)
            current = parent;
        return current.Id;
    }
}
