using HomeVisit.Core.Search;
using System.Text.RegularExpressions;
using HomeVisit.Core.Accounts;
using HomeVisit.Core.Data;
using HomeVisit.Core.Institutions;
using HomeVisit.Core.Visits;
using Microsoft.EntityFrameworkCore;

namespace HomeVisit.Core.People;

public sealed partial class PeopleService(IDbContextFactory<PortalDbContext> dbFactory, OrgService org, TimeProvider clock)
{
    public async Task<PagedResult<PersonRow>> SearchAsync(PortalUser user, PersonQuery query, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateForAsync(user, clock, ct);
        var people = db.People.AsNoTracking().Where(p => p.InstitutionId == user.InstitutionId);
        if (!user.CanBrowsePeople)
        {
            // Plain staff find only themselves.
            var own = user.PersonId ?? -1;
            people = people.Where(p => p.Id == own);
        }
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var s = query.Search.Trim();
            var named = TextSearch.Matching(db, SearchField.PersonName, s);
            people = people.Where(p => named.Contains(p.Id) || p.StaffNumber.StartsWith(s));
        }
        if (query.UnitId is int unitId)
        {
            var units = await org.SubtreeIdsAsync(db, user.InstitutionId, unitId, ct);
            people = people.Where(p => p.UnitId != null && units.Contains(p.UnitId.Value));
        }

        var total = await people.CountAsync(ct);
        var pageSize = Math.Clamp(query.PageSize, 1, 200);
        var page = Math.Max(1, query.Page);
        var rows = await people
            .OrderBy(p => p.UnitId).ThenBy(p => p.StaffNumber)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(p => new PersonRow(p.Id, p.Name, p.StaffNumber, p.Gender, p.Unit!.Name, p.Position, p.Rank, p.Establishment, p.Party))
            .ToListAsync(ct);
        return new PagedResult<PersonRow>(rows, total, page, pageSize);
    }

    /// <summary>For pickers: a short list matching a name or staff number.</summary>
    public async Task<IReadOnlyList<PersonPick>> PickAsync(PortalUser user, string? search, int take = 20, CancellationToken ct = default)
    {
        if (!user.CanVisit) return [];
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var people = db.People.AsNoTracking().Where(p => p.InstitutionId == user.InstitutionId);
        if (!string.IsNullOrWhiteSpace(search))
        {
            var s = search.Trim();
            var named = TextSearch.Matching(db, SearchField.PersonName, s);
            people = people.Where(p => named.Contains(p.Id) || p.StaffNumber.StartsWith(s));
        }
        return await people.OrderBy(p => p.Name).Take(take)
            .Select(p => new PersonPick(p.Id, p.Name, p.StaffNumber, p.Unit!.Name, p.Position))
            .ToListAsync(ct);
    }

    public async Task<IReadOnlyList<PersonPick>> GetPicksAsync(PortalUser user, IEnumerable<int> ids, CancellationToken ct = default)
    {
        var list = ids.Distinct().ToList();
        if (list.Count == 0) return [];
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.People.AsNoTracking()
            .Where(p => p.InstitutionId == user.InstitutionId && list.Contains(p.Id))
            .Select(p => new PersonPick(p.Id, p.Name, p.StaffNumber, p.Unit!.Name, p.Position))
            .ToListAsync(ct);
    }

    /// <summary>
    /// A person's page. Home address and family are sensitive: the read is audited. Plain staff may open only
    /// their own page; everyone else in the institution who visits or oversees may open any.
    /// </summary>
    public async Task<PersonDetail> GetAsync(PortalUser user, int id, CancellationToken ct = default)
    {
        if (!user.CanBrowsePeople && user.PersonId != id) throw new NotFoundException();
        await using var db = await dbFactory.CreateForAsync(user, clock, ct);
        var p = await db.People.AsNoTracking()
            .Include(x => x.Unit).Include(x => x.PartyBranch).Include(x => x.Family)
            .FirstOrDefaultAsync(x => x.Id == id && x.InstitutionId == user.InstitutionId, ct)
            ?? throw new NotFoundException();

        db.AuditRead(nameof(Person), p.Id, "家庭成员、家庭住址");
        await db.SaveChangesAsync(ct);

        return new PersonDetail(p.Id, p.Version, p.Name, p.Gender, p.BirthDate, p.StaffNumber, p.UnitId, p.Unit?.Name,
            p.Position, p.Rank, p.Establishment, p.Party, p.PartyBranchId, p.PartyBranch?.Name, p.Phone, p.HomeAddress,
            p.Family.OrderBy(f => f.Relation).ThenBy(f => f.Id)
                .Select(f => new FamilyMemberView(f.Id, f.Version, f.Relation, f.Name, f.Workplace, f.Position, f.Phone, f.LivesLocally))
                .ToList(),
            user.ManagesRoster);
    }

    public async Task<int> SaveAsync(PortalUser user, PersonEdit edit, CancellationToken ct = default)
    {
        if (!user.ManagesRoster) throw new AccessDeniedException("只有管理员和组织部可以修改人员信息。");
        await using var db = await dbFactory.CreateForAsync(user, clock, ct);
        await ValidateAsync(db, user, edit, ct);

        Person person;
        if (edit.Id == 0)
        {
            person = new Person { InstitutionId = user.InstitutionId, Name = "", StaffNumber = "" };
            db.People.Add(person);
        }
        else
        {
            person = await db.People.FirstOrDefaultAsync(p => p.Id == edit.Id && p.InstitutionId == user.InstitutionId, ct)
                ?? throw new NotFoundException();
            db.Entry(person).Property(p => p.Version).OriginalValue = edit.Version;
        }

        person.Name = edit.Name!.Trim();
        person.Gender = edit.Gender;
        person.BirthDate = edit.BirthDate is { } b ? DateOnly.FromDateTime(b) : null;
        person.StaffNumber = edit.StaffNumber!.Trim();
        person.UnitId = edit.UnitId;
        person.Position = TextInput.Clean(edit.Position);
        person.Rank = TextInput.Clean(edit.Rank);
        person.Establishment = edit.Establishment;
        person.Party = edit.Party;
        person.PartyBranchId = edit.Party == PartyMembership.None ? null : edit.PartyBranchId;
        person.Phone = TextInput.Clean(edit.Phone);
        person.HomeAddress = TextInput.Clean(edit.HomeAddress);
        await db.SaveOrConflictAsync(ct);
        return person.Id;
    }

    private async Task ValidateAsync(PortalDbContext db, PortalUser user, PersonEdit e, CancellationToken ct)
    {
        var v = new Validator()
            .Require(nameof(e.Name), e.Name, "姓名").MaxLength(nameof(e.Name), e.Name?.Trim(), 50, "姓名")
            .Require(nameof(e.StaffNumber), e.StaffNumber, "工号").MaxLength(nameof(e.StaffNumber), e.StaffNumber?.Trim(), 50, "工号")
            .MaxLength(nameof(e.Position), e.Position, 100, "职务")
            .MaxLength(nameof(e.Rank), e.Rank, 50, "职级")
            .MaxLength(nameof(e.HomeAddress), e.HomeAddress, 300, "家庭住址")
            .Check(string.IsNullOrWhiteSpace(e.Phone) || PhonePattern().IsMatch(e.Phone.Trim()), nameof(e.Phone),
                "联系电话格式不正确，请填写 7–20 位数字（可含 +、- 和空格）。")
            .Check(e.BirthDate is null || (e.BirthDate.Value.Year >= 1900 && e.BirthDate.Value.Date <= clock.Now().Date),
                nameof(e.BirthDate), "出生日期不能晚于今天，也不能早于 1900 年。");

        if (!string.IsNullOrWhiteSpace(e.StaffNumber))
        {
            var number = e.StaffNumber.Trim();
            var taken = await db.People.AnyAsync(p => p.InstitutionId == user.InstitutionId && p.StaffNumber == number && p.Id != e.Id, ct);
            v.Check(!taken, nameof(e.StaffNumber), new PortalMessage("工号 {0} 已被他人使用。", number));
        }
        if (e.UnitId is int unitId)
        {
            var ok = await db.OrgUnits.AnyAsync(u => u.Id == unitId && u.InstitutionId == user.InstitutionId, ct);
            v.Check(ok, nameof(e.UnitId), "所选单位不存在。");
        }
        if (e.Party != PartyMembership.None && e.PartyBranchId is int branchId)
        {
            var ok = await db.OrgUnits.AnyAsync(u => u.Id == branchId && u.InstitutionId == user.InstitutionId && u.Kind == OrgUnitKind.PartyBranch, ct);
            v.Check(ok, nameof(e.PartyBranchId), "所选党支部不存在。");
        }
        v.ThrowIfInvalid();
    }

    public async Task<int> SaveFamilyMemberAsync(PortalUser user, int personId, FamilyMemberEdit edit, CancellationToken ct = default)
    {
        if (!user.ManagesRoster) throw new AccessDeniedException("只有管理员和组织部可以修改家庭成员信息。");
        new Validator()
            .Require(nameof(edit.Name), edit.Name, "姓名").MaxLength(nameof(edit.Name), edit.Name?.Trim(), 50, "姓名")
            .MaxLength(nameof(edit.Workplace), edit.Workplace, 200, "工作单位")
            .MaxLength(nameof(edit.Position), edit.Position, 100, "职务")
            .Check(string.IsNullOrWhiteSpace(edit.Phone) || PhonePattern().IsMatch(edit.Phone.Trim()), nameof(edit.Phone),
                "联系电话格式不正确，请填写 7–20 位数字（可含 +、- 和空格）。")
            .ThrowIfInvalid();

        await using var db = await dbFactory.CreateForAsync(user, clock, ct);
        var personExists = await db.People.AnyAsync(p => p.Id == personId && p.InstitutionId == user.InstitutionId, ct);
        if (!personExists) throw new NotFoundException();

        FamilyMember member;
        if (edit.Id == 0)
        {
            member = new FamilyMember { InstitutionId = user.InstitutionId, PersonId = personId, Name = "" };
            db.FamilyMembers.Add(member);
        }
        else
        {
            member = await db.FamilyMembers.FirstOrDefaultAsync(f => f.Id == edit.Id && f.PersonId == personId && f.InstitutionId == user.InstitutionId, ct)
                ?? throw new NotFoundException();
            db.Entry(member).Property(f => f.Version).OriginalValue = edit.Version;
        }
        member.Relation = edit.Relation;
        member.Name = edit.Name!.Trim();
        member.Workplace = TextInput.Clean(edit.Workplace);
        member.Position = TextInput.Clean(edit.Position);
        member.Phone = TextInput.Clean(edit.Phone);
        member.LivesLocally = edit.LivesLocally;
        await db.SaveOrConflictAsync(ct);
        return member.Id;
    }

    /// <summary>A family member met on a visit stays, so the visit record keeps its meaning.</summary>
    public async Task RemoveFamilyMemberAsync(PortalUser user, int personId, int familyMemberId, CancellationToken ct = default)
    {
        if (!user.ManagesRoster) throw new AccessDeniedException("只有管理员和组织部可以修改家庭成员信息。");
        await using var db = await dbFactory.CreateForAsync(user, clock, ct);
        var member = await db.FamilyMembers.FirstOrDefaultAsync(f => f.Id == familyMemberId && f.PersonId == personId && f.InstitutionId == user.InstitutionId, ct)
            ?? throw new NotFoundException();
        if (await db.Set<VisitFamilyMet>().AnyAsync(m => m.FamilyMemberId == familyMemberId, ct))
            throw new PortalValidationException("Family", new PortalMessage("{0} 已在家访记录中出现，不能删除。", member.Name));
        foreach (var module in db.ProgrammeModules)
            if (await module.FamilyMemberInUseAsync(db, member, ct) is { } inUse)
                throw new PortalValidationException("Family", inUse);
        db.FamilyMembers.Remove(member);
        await db.SaveChangesAsync(ct);
    }

    [GeneratedRegex(@"^\+?[0-9][0-9\- ]{5,18}[0-9]$")]
    private static partial Regex PhonePattern();
}
