using HomeVisit.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace HomeVisit.Core.Institutions;

/// <summary>
/// Who leads which units on a day, with the organisation tree, for the programmes' "who may visit whom" rules
/// (分层负责): a leader's remit is the units they lead and everything below them. Read once per plan check.
/// </summary>
public sealed class LeadershipScope
{
    public sealed record Row(int PersonId, int UnitId, LeadershipRole Role);

    private readonly Dictionary<int, (int? ParentId, OrgUnitKind Kind)> _units;
    private readonly List<Row> _rows;

    private LeadershipScope(Dictionary<int, (int? ParentId, OrgUnitKind Kind)> units, List<Row> rows) => (_units, _rows) = (units, rows);

    /// <summary>The tree of the institution and the leadership rows in force on <paramref name="day"/> of the given people.</summary>
    public static async Task<LeadershipScope> LoadAsync(PortalDbContext db, int institutionId, IReadOnlyCollection<int> personIds, DateOnly day, CancellationToken ct)
    {
        var units = await db.OrgUnits.AsNoTracking().Where(u => u.InstitutionId == institutionId)
            .Select(u => new { u.Id, u.ParentId, u.Kind }).ToDictionaryAsync(u => u.Id, u => (u.ParentId, u.Kind), ct);
        var rows = await db.UnitLeaderships.AsNoTracking()
            .Where(l => l.InstitutionId == institutionId && personIds.Contains(l.PersonId))
            .Where(l => (l.StartsOn == null || l.StartsOn <= day) && (l.EndsOn == null || l.EndsOn >= day))
            .Select(l => new Row(l.PersonId, l.UnitId, l.Role)).ToListAsync(ct);
        return new LeadershipScope(units, rows);
    }

    public OrgUnitKind? KindOf(int unitId) => _units.TryGetValue(unitId, out var u) ? u.Kind : null;

    /// <summary>The unit and every unit above it, nearest first.</summary>
    public IReadOnlyList<int> Chain(int? unitId)
    {
        var chain = new List<int>();
        for (var id = unitId; id is int current && _units.TryGetValue(current, out var unit) && !chain.Contains(current); id = unit.ParentId)
            chain.Add(current);
        return chain;
    }

    /// <summary>The person's leadership rows in force.</summary>
    public IEnumerable<Row> RowsOf(int personId) => _rows.Where(r => r.PersonId == personId);
}
