using HomeVisit.Core.Accounts;
using HomeVisit.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace HomeVisit.Core.Institutions;

public sealed record OrgUnitNode(int Id, int? ParentId, string Name, OrgUnitKind Kind, string? Code, int SortOrder,
    int PeopleCount, IReadOnlyList<LeaderView> Leaders);

public sealed record LeaderView(int PersonId, string Name, string? Position, LeadershipRole Role);

public sealed record UnitOption(int Id, string Name, OrgUnitKind Kind, int Depth)
{
    public string Label => new string('　', Depth) + Name;
}

public sealed class OrgService(IDbContextFactory<PortalDbContext> dbFactory)
{
    /// <summary>The whole tree of the user's institution; an institution has hundreds of units at most.</summary>
    public async Task<IReadOnlyList<OrgUnitNode>> GetTreeAsync(PortalUser user, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var units = await db.OrgUnits.AsNoTracking().Where(u => u.InstitutionId == user.InstitutionId)
            .OrderBy(u => u.SortOrder).ThenBy(u => u.Name).ToListAsync(ct);
        var counts = await db.People.Where(p => p.InstitutionId == user.InstitutionId && p.UnitId != null)
            .GroupBy(p => p.UnitId!.Value).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var leaders = await db.UnitLeaderships.AsNoTracking().Where(l => l.InstitutionId == user.InstitutionId)
            .Select(l => new { l.UnitId, View = new LeaderView(l.PersonId, l.Person!.Name, l.Person.Position, l.Role) })
            .ToListAsync(ct);
        var byUnit = leaders.ToLookup(l => l.UnitId, l => l.View);
        return units.Select(u => new OrgUnitNode(u.Id, u.ParentId, u.Name, u.Kind, u.Code, u.SortOrder,
                counts.GetValueOrDefault(u.Id), byUnit[u.Id].OrderBy(l => l.Role).ToList()))
            .ToList();
    }

    /// <summary>Units in tree order with their depth, for drop-downs.</summary>
    public async Task<IReadOnlyList<UnitOption>> GetOptionsAsync(PortalUser user, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var units = await db.OrgUnits.AsNoTracking().Where(u => u.InstitutionId == user.InstitutionId)
            .Select(u => new { u.Id, u.ParentId, u.Name, u.Kind, u.SortOrder }).ToListAsync(ct);
        var children = units.ToLookup(u => u.ParentId);
        var result = new List<UnitOption>(units.Count);
        void Walk(int? parent, int depth)
        {
            foreach (var u in children[parent].OrderBy(u => u.SortOrder).ThenBy(u => u.Name))
            {
                result.Add(new UnitOption(u.Id, u.Name, u.Kind, depth));
                Walk(u.Id, depth + 1);
            }
        }
        Walk(null, 0);
        return result;
    }

    /// <summary>A unit and every unit below it, so filtering by a college includes its departments and branches.</summary>
    public async Task<List<int>> SubtreeIdsAsync(PortalDbContext db, int institutionId, int unitId, CancellationToken ct)
    {
        var units = await db.OrgUnits.AsNoTracking().Where(u => u.InstitutionId == institutionId)
            .Select(u => new { u.Id, u.ParentId }).ToListAsync(ct);
        var children = units.ToLookup(u => u.ParentId, u => u.Id);
        var result = new List<int>();
        if (units.All(u => u.Id != unitId)) return result;
        var stack = new Stack<int>([unitId]);
        while (stack.Count > 0)
        {
            var id = stack.Pop();
            result.Add(id);
            foreach (var c in children[id]) stack.Push(c);
        }
        return result;
    }
}
