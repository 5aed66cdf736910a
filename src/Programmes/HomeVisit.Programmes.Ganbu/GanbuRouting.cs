using HomeVisit.Core.Data;
using HomeVisit.Core.Institutions;
using Microsoft.EntityFrameworkCore;

namespace HomeVisit.Programmes.Ganbu;

/// <summary>Who handles a request: a leader of the requester's unit, or of the nearest unit above that has one.</summary>
public sealed record GanbuRoute(int PersonId, string Name, string? Position, int UnitId, string UnitName, LeadershipRole Role)
{
    /// <summary>The leader was found on a unit above the requester's.</summary>
    public bool FromAbove { get; init; }
}

/// <summary>
/// Routing by tier (seed 2 §四（一）), from the organisation tree's <see cref="UnitLeadership"/> rows in force today:
/// <list type="bullet">
/// <item>普通困难诉求 → 主管副职: a deputy (<see cref="LeadershipRole.Deputy"/>) of the unit; of several, the one who is also
/// recorded as overseeing (<see cref="LeadershipRole.Oversees"/>) it, else the first assigned; with no deputy, whoever oversees it.</item>
/// <item>特别困难诉求 → 一把手: the unit's <see cref="LeadershipRole.Head"/> (the first assigned, if several).</item>
/// <item>特别重大困难诉求 → the county-level leader linked to the unit (<see cref="LeadershipRole.LinkedCountyLeader"/>).</item>
/// </list>
/// A unit without such a leader hands over to its parent, up to the root. The requester never handles their own request:
/// they are skipped as a candidate.
/// </summary>
public static class GanbuRouting
{
    public static async Task<GanbuRoute?> FindAsync(
        PortalDbContext db, int institutionId, int unitId, GanbuTier tier, DateOnly today, int? excludePersonId, CancellationToken ct)
    {
        var units = await db.OrgUnits.AsNoTracking().Where(u => u.InstitutionId == institutionId)
            .Select(u => new { u.Id, u.ParentId, u.Name }).ToDictionaryAsync(u => u.Id, ct);
        var chain = new List<int>();
        for (int? id = unitId; id is int current && units.ContainsKey(current) && !chain.Contains(current); id = units[current].ParentId)
            chain.Add(current);
        if (chain.Count == 0) return null;

        var leaders = (await db.UnitLeaderships.AsNoTracking()
                .Where(l => l.InstitutionId == institutionId && chain.Contains(l.UnitId))
                .Where(l => (l.StartsOn == null || l.StartsOn <= today) && (l.EndsOn == null || l.EndsOn >= today))
                .Select(l => new { l.Id, l.UnitId, l.PersonId, l.Role, l.Person!.Name, l.Person.Position })
                .ToListAsync(ct))
            .Where(l => l.PersonId != excludePersonId)
            .OrderBy(l => l.Id)
            .ToList();

        foreach (var unit in chain)
        {
            var here = leaders.Where(l => l.UnitId == unit).ToList();
            var pick = tier switch
            {
                GanbuTier.Ordinary =>
                    here.FirstOrDefault(d => d.Role == LeadershipRole.Deputy && here.Any(o => o.Role == LeadershipRole.Oversees && o.PersonId == d.PersonId))
                    ?? here.FirstOrDefault(d => d.Role == LeadershipRole.Deputy)
                    ?? here.FirstOrDefault(d => d.Role == LeadershipRole.Oversees),
                GanbuTier.Special => here.FirstOrDefault(l => l.Role == LeadershipRole.Head),
                _ => here.FirstOrDefault(l => l.Role == LeadershipRole.LinkedCountyLeader),
            };
            if (pick is not null)
                return new GanbuRoute(pick.PersonId, pick.Name, pick.Position, unit, units[unit].Name, pick.Role) { FromAbove = unit != unitId };
        }
        return null;
    }

    /// <summary>What to tell the user when no one can take the request.</summary>
    public static string MissingMessage(string unitName, GanbuTier tier) => tier switch
    {
        GanbuTier.Special => $"“{unitName}”及其上级单位均未设置一把手，无法分派特别困难诉求。请先在“组织机构”中为单位设置一把手。",
        GanbuTier.Major => $"“{unitName}”及其上级单位均未设置分包县级领导，无法分派特别重大困难诉求。请先在“组织机构”中设置分包该单位的县级领导。",
        _ => $"“{unitName}”及其上级单位均未设置主管副职（副职或分管领导），无法分派普通困难诉求。请先在“组织机构”中为单位设置副职。",
    };
}
