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

/// <summary>Form model for a unit; mutable so a form keeps what was typed when a save is refused.</summary>
public sealed class OrgUnitEdit
{
    public int Id { get; set; }
    public long Version { get; set; }
    public int? ParentId { get; set; }
    public string? Name { get; set; }
    public string? Code { get; set; }
    public OrgUnitKind Kind { get; set; }
    public int SortOrder { get; set; }
}

/// <summary>Form model for assigning a leader to a unit.</summary>
public sealed class LeadershipEdit
{
    public int? PersonId { get; set; }
    public LeadershipRole Role { get; set; }
}

public sealed class OrgService(IDbContextFactory<PortalDbContext> dbFactory, TimeProvider? clock = null)
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

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
    public Task<List<int>> SubtreeIdsAsync(PortalDbContext db, int institutionId, int unitId, CancellationToken ct) =>
        SubtreeAsync(db, institutionId, unitId, ct);

    /// <summary>As <see cref="SubtreeIdsAsync"/>, for services that filter by unit without an <see cref="OrgService"/>.</summary>
    public static async Task<List<int>> SubtreeAsync(PortalDbContext db, int institutionId, int unitId, CancellationToken ct)
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

    /// <summary>A unit's form model with its current version, for editing.</summary>
    public async Task<OrgUnitEdit> GetUnitAsync(PortalUser user, int id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.OrgUnits.AsNoTracking()
            .Where(u => u.Id == id && u.InstitutionId == user.InstitutionId)
            .Select(u => new OrgUnitEdit
            {
                Id = u.Id, Version = u.Version, ParentId = u.ParentId, Name = u.Name, Code = u.Code, Kind = u.Kind, SortOrder = u.SortOrder,
            })
            .FirstOrDefaultAsync(ct) ?? throw new NotFoundException();
    }

    /// <summary>
    /// Adds a unit (<see cref="OrgUnitEdit.Id"/> 0) or changes one. Name required (≤ 200), code unique in the
    /// institution (≤ 50), the parent must be in the institution and not the unit itself or one of its descendants.
    /// A stale <see cref="OrgUnitEdit.Version"/> gives <see cref="ConcurrencyConflictException"/>.
    /// </summary>
    public async Task<int> SaveUnitAsync(PortalUser user, OrgUnitEdit edit, CancellationToken ct = default)
    {
        if (!user.ManagesRoster) throw new AccessDeniedException("只有管理员和组织部可以修改组织机构。");
        await using var db = await dbFactory.CreateForAsync(user, _clock, ct);

        var name = edit.Name?.Trim();
        var code = TextInput.Clean(edit.Code);
        var v = new Validator()
            .Require(nameof(edit.Name), name, "名称").MaxLength(nameof(edit.Name), name, 200, "名称")
            .MaxLength(nameof(edit.Code), code, 50, "编码")
            .Check(Enum.IsDefined(edit.Kind), nameof(edit.Kind), "请选择类别。");
        if (code is not null)
        {
            var taken = await db.OrgUnits.AnyAsync(u => u.InstitutionId == user.InstitutionId && u.Code == code && u.Id != edit.Id, ct);
            v.Check(!taken, nameof(edit.Code), new PortalMessage("编码 {0} 已被其他单位使用。", code));
        }
        if (edit.ParentId is int parentId)
        {
            var parentExists = await db.OrgUnits.AnyAsync(u => u.Id == parentId && u.InstitutionId == user.InstitutionId, ct);
            if (!parentExists) v.Add(nameof(edit.ParentId), "所选上级单位不存在。");
            else if (edit.Id != 0 && (await SubtreeIdsAsync(db, user.InstitutionId, edit.Id, ct)).Contains(parentId))
                v.Add(nameof(edit.ParentId), "上级单位不能是本单位或其下级单位。");
        }
        v.ThrowIfInvalid();

        OrgUnit unit;
        if (edit.Id == 0)
        {
            unit = new OrgUnit { InstitutionId = user.InstitutionId, Name = "" };
            db.OrgUnits.Add(unit);
        }
        else
        {
            unit = await db.OrgUnits.FirstOrDefaultAsync(u => u.Id == edit.Id && u.InstitutionId == user.InstitutionId, ct)
                ?? throw new NotFoundException();
            db.Entry(unit).Property(u => u.Version).OriginalValue = edit.Version;
        }
        unit.ParentId = edit.ParentId;
        unit.Name = name!;
        unit.Code = code;
        unit.Kind = edit.Kind;
        unit.SortOrder = edit.SortOrder;
        await db.SaveOrConflictAsync(ct);
        return unit.Id;
    }

    /// <summary>Makes a person of the institution a leader of a unit in a role; assigning the same twice is refused.</summary>
    public async Task AddLeaderAsync(PortalUser user, int unitId, LeadershipEdit edit, CancellationToken ct = default)
    {
        if (!user.ManagesRoster) throw new AccessDeniedException("只有管理员和组织部可以修改组织机构。");
        await using var db = await dbFactory.CreateForAsync(user, _clock, ct);
        if (!await db.OrgUnits.AnyAsync(u => u.Id == unitId && u.InstitutionId == user.InstitutionId, ct)) throw new NotFoundException();

        var v = new Validator()
            .Check(edit.PersonId is not null, nameof(edit.PersonId), "请选择人员。")
            .Check(Enum.IsDefined(edit.Role), nameof(edit.Role), "请选择职责。");
        if (edit.PersonId is int personId)
        {
            var personExists = await db.People.AnyAsync(p => p.Id == personId && p.InstitutionId == user.InstitutionId, ct);
            v.Check(personExists, nameof(edit.PersonId), "所选人员不存在。");
            var duplicate = await db.UnitLeaderships.AnyAsync(l => l.UnitId == unitId && l.PersonId == personId && l.Role == edit.Role, ct);
            v.Check(!duplicate, nameof(edit.PersonId), "该人员已担任此职责。");
        }
        v.ThrowIfInvalid();

        db.UnitLeaderships.Add(new UnitLeadership
        {
            InstitutionId = user.InstitutionId, UnitId = unitId, PersonId = edit.PersonId!.Value, Role = edit.Role,
        });
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Removes a person's role at a unit; <see cref="NotFoundException"/> when there is none.</summary>
    public async Task RemoveLeaderAsync(PortalUser user, int unitId, int personId, LeadershipRole role, CancellationToken ct = default)
    {
        if (!user.ManagesRoster) throw new AccessDeniedException("只有管理员和组织部可以修改组织机构。");
        await using var db = await dbFactory.CreateForAsync(user, _clock, ct);
        var rows = await db.UnitLeaderships
            .Where(l => l.InstitutionId == user.InstitutionId && l.UnitId == unitId && l.PersonId == personId && l.Role == role)
            .ToListAsync(ct);
        if (rows.Count == 0) throw new NotFoundException();
        db.UnitLeaderships.RemoveRange(rows);
        await db.SaveChangesAsync(ct);
    }
}
