using HomeVisit.Core.Accounts;
using HomeVisit.Core.Data;
using HomeVisit.Core.Institutions;
using HomeVisit.Core.People;
using Microsoft.EntityFrameworkCore;

namespace HomeVisit.Core.Import;

public sealed partial class RosterImportService
{
    public const string ChangedSincePreview = "预览之后，名单已被他人修改，本次导入未写入任何数据。请重新上传文件，核对预览后再导入。";

    /// <summary>
    /// Writes what the preview showed, in one transaction with the user as actor (so the audit log records every
    /// change), in batches. Refuses with <see cref="ImportRefusedException"/>, writing nothing, when the preview has
    /// errors, when any record the preview read has changed since (versions compared inside the transaction), or
    /// when the database rejects a row.
    /// </summary>
    public async Task<RosterImportResult> ApplyAsync(PortalUser user, RosterImportPreview preview,
        IProgress<RosterImportProgress>? progress = null, CancellationToken ct = default)
    {
        if (!user.ManagesRoster) throw new AccessDeniedException("只有管理员和组织部可以导入名单。");
        var plan = preview.Plan;
        if (plan.InstitutionId != user.InstitutionId) throw new AccessDeniedException();
        if (preview.HasErrors) throw new ImportRefusedException("文件中有错误的行，请改正后重新上传；未写入任何数据。");

        var units = plan.Units.Where(u => u.Action != ImportAction.Unchanged).ToList();
        var people = plan.People.Where(p => p.Action != ImportAction.Unchanged).ToList();
        var family = plan.Family.Where(f => f.Action != ImportAction.Unchanged).ToList();
        var total = units.Count + people.Count + family.Count;
        var done = 0;
        void Report(string stage) => progress?.Report(new RosterImportProgress(stage, done, total));

        await using var db = await dbFactory.CreateForAsync(user, clock, ct);
        // SQLite takes the write lock here (BEGIN IMMEDIATE), so nobody writes between the check and the writes.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        try
        {
            Report("正在核对数据是否已被修改");
            var numbers = await EnsureUnchangedAsync(db, plan, ct);

            // Units: few (hundreds), one save; new parents are linked by navigation so EF orders the inserts.
            var newUnits = new Dictionary<string, OrgUnit>(StringComparer.Ordinal);
            var unitIds = new Dictionary<string, int>(StringComparer.Ordinal);
            if (units.Count > 0)
            {
                Report("正在写入组织机构");
                var existingIds = units.Where(u => u.ExistingId is not null).Select(u => u.ExistingId!.Value).ToList();
                var tracked = await db.OrgUnits.Where(u => existingIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, ct);
                foreach (var u in units.Where(u => u.ExistingId is null))
                    newUnits[u.Code] = db.OrgUnits.Add(new OrgUnit { InstitutionId = plan.InstitutionId, Name = u.Name, Code = u.Code }).Entity;
                foreach (var u in units)
                {
                    var unit = u.ExistingId is int id ? tracked[id] : newUnits[u.Code];
                    if (u.ExistingId is not null) db.Entry(unit).Property(x => x.Version).OriginalValue = u.ExistingVersion;
                    unit.Name = u.Name;
                    unit.Kind = u.Kind;
                    unit.SortOrder = u.SortOrder;
                    if (u.Parent is { NewCode: { } parentCode }) unit.Parent = newUnits[parentCode];
                    else unit.ParentId = u.Parent?.Id;
                }
                await db.SaveChangesAsync(ct);
                foreach (var (code, unit) in newUnits) unitIds[code] = unit.Id;
                db.ChangeTracker.Clear();
                done += units.Count;
                Report("正在写入组织机构");
            }
            int? UnitId(UnitKey? key) => key is null ? null : key.Value.Id ?? unitIds[key.Value.NewCode!];

            foreach (var batch in people.Chunk(BatchSize))
            {
                Report("正在写入人员");
                var ids = batch.Where(p => p.ExistingId is not null).Select(p => p.ExistingId!.Value).ToList();
                var tracked = await db.People.Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
                var added = new List<Person>();
                foreach (var p in batch)
                {
                    Person person;
                    if (p.ExistingId is int id)
                    {
                        person = tracked[id];
                        db.Entry(person).Property(x => x.Version).OriginalValue = p.ExistingVersion;
                    }
                    else
                    {
                        person = new Person { InstitutionId = plan.InstitutionId, Name = p.Name, StaffNumber = p.StaffNumber };
                        db.People.Add(person);
                        added.Add(person);
                    }
                    person.Name = p.Name;
                    person.Gender = p.Gender;
                    person.BirthDate = p.BirthDate;
                    person.UnitId = UnitId(p.Unit);
                    person.Position = p.Position;
                    person.Rank = p.Rank;
                    person.Establishment = p.Establishment;
                    person.Party = p.Party;
                    person.PartyBranchId = UnitId(p.PartyBranch);
                    person.Phone = p.Phone;
                    person.HomeAddress = p.HomeAddress;
                }
                await db.SaveChangesAsync(ct);
                foreach (var person in added) numbers[person.StaffNumber] = person.Id;
                db.ChangeTracker.Clear();
                done += batch.Length;
            }

            foreach (var batch in family.Chunk(BatchSize))
            {
                Report("正在写入家庭成员");
                var ids = batch.Where(f => f.ExistingId is not null).Select(f => f.ExistingId!.Value).ToList();
                var tracked = await db.FamilyMembers.Where(f => ids.Contains(f.Id)).ToDictionaryAsync(f => f.Id, ct);
                foreach (var f in batch)
                {
                    FamilyMember member;
                    if (f.ExistingId is int id)
                    {
                        member = tracked[id];
                        db.Entry(member).Property(x => x.Version).OriginalValue = f.ExistingVersion;
                    }
                    else
                    {
                        member = new FamilyMember
                        {
                            InstitutionId = plan.InstitutionId, PersonId = numbers[f.StaffNumber], Relation = f.Relation, Name = f.Name,
                        };
                        db.FamilyMembers.Add(member);
                    }
                    member.Workplace = f.Workplace;
                    member.Position = f.Position;
                    member.Phone = f.Phone;
                    member.LivesLocally = f.LivesLocally;
                }
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
                done += batch.Length;
            }

            db.AuditEvent("import", "RosterImport", null,
                $"{plan.FileName}：组织机构 新增 {Count(units, ImportAction.New)} 更新 {Count(units, ImportAction.Updated)}；" +
                $"人员 新增 {Count(people, ImportAction.New)} 更新 {Count(people, ImportAction.Updated)}；" +
                $"家庭成员 新增 {Count(family, ImportAction.New)} 更新 {Count(family, ImportAction.Updated)}",
                plan.InstitutionId);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            Report("导入完成");
        }
        catch (ImportRefusedException)
        {
            await transaction.RollbackAsync(CancellationToken.None);
            throw;
        }
        catch (DbUpdateConcurrencyException e)
        {
            await transaction.RollbackAsync(CancellationToken.None);
            throw new ImportRefusedException(ChangedSincePreview, e);
        }
        catch (DbUpdateException e)
        {
            await transaction.RollbackAsync(CancellationToken.None);
            throw new ImportRefusedException($"数据库拒绝了写入，本次导入未写入任何数据。（{(e.InnerException ?? e).Message}）", e);
        }
        catch
        {
            await transaction.RollbackAsync(CancellationToken.None);
            throw;
        }
        return new RosterImportResult(preview.Counts, total);
    }

    private static int Count<T>(IEnumerable<T> plans, ImportAction action) where T : class => plans.Count(p => p switch
    {
        UnitPlan u => u.Action == action,
        PersonPlan x => x.Action == action,
        FamilyPlan f => f.Action == action,
        _ => false,
    });

    /// <summary>
    /// Inside the transaction: every record the preview read still has the version it saw, and nothing the plan
    /// adds has appeared meanwhile. Returns the institution's staff numbers with their ids, for family rows.
    /// </summary>
    private static async Task<Dictionary<string, int>> EnsureUnchangedAsync(PortalDbContext db, ImportPlan plan, CancellationToken ct)
    {
        var institution = plan.InstitutionId;
        var units = await db.OrgUnits.AsNoTracking().Where(u => u.InstitutionId == institution)
            .Select(u => new { u.Id, u.Code, u.Version }).ToListAsync(ct);
        var people = await db.People.AsNoTracking().Where(p => p.InstitutionId == institution)
            .Select(p => new { p.Id, p.StaffNumber, p.Version }).ToListAsync(ct);
        var family = await db.FamilyMembers.AsNoTracking().Where(f => f.InstitutionId == institution)
            .Select(f => new { f.Id, f.PersonId, f.Relation, f.Name, f.Version }).ToListAsync(ct);

        var unitVersions = units.ToDictionary(u => u.Id, u => u.Version);
        var personVersions = people.ToDictionary(p => p.Id, p => p.Version);
        var familyVersions = family.ToDictionary(f => f.Id, f => f.Version);
        bool Same(Dictionary<int, long> expected, Dictionary<int, long> now) =>
            expected.All(kv => now.TryGetValue(kv.Key, out var v) && v == kv.Value);

        var codes = units.Where(u => u.Code != null).Select(u => u.Code!).ToHashSet(StringComparer.Ordinal);
        var numbers = people.GroupBy(p => p.StaffNumber, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Id, StringComparer.Ordinal);
        var familyKeys = family.Select(f => (f.PersonId, f.Relation, f.Name)).ToHashSet();

        var unchanged = Same(plan.UnitVersions, unitVersions) && Same(plan.PersonVersions, personVersions) && Same(plan.FamilyVersions, familyVersions)
            && plan.Units.All(u => u.ExistingId is not null || !codes.Contains(u.Code))
            && plan.People.All(p => p.ExistingId is not null || !numbers.ContainsKey(p.StaffNumber))
            && plan.Family.All(f => f.ExistingId is not null || !numbers.TryGetValue(f.StaffNumber, out var pid) || !familyKeys.Contains((pid, f.Relation, f.Name)));
        if (!unchanged) throw new ImportRefusedException(ChangedSincePreview);
        return numbers;
    }
}
