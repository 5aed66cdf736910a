using HomeVisit.Core.Accounts;
using HomeVisit.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace HomeVisit.Core.Institutions;

public sealed record InstitutionRow(int Id, string Name, string? ShortName, InstitutionKind Kind, DateTime CreatedAt, int People, int Accounts);

public sealed class InstitutionCreate
{
    public string? Name { get; set; }
    public string? ShortName { get; set; }
    public InstitutionKind Kind { get; set; } = InstitutionKind.University;
    public string? AdminUserName { get; set; }
    public string? AdminDisplayName { get; set; }
    public string? AdminPassword { get; set; }
}

/// <summary>
/// Institutions sharing one database. Each keeps its own people, settings and data; system admins create
/// new ones (with a root unit and a first administrator) and see only their names and sizes, not their data.
/// </summary>
public sealed class InstitutionService(IDbContextFactory<PortalDbContext> dbFactory, AccountService accounts, TimeProvider clock)
{
    public async Task<IReadOnlyList<InstitutionRow>> ListAsync(PortalUser user, CancellationToken ct = default)
    {
        Ensure(user);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Institutions.AsNoTracking().OrderBy(i => i.Id)
            .Select(i => new InstitutionRow(i.Id, i.Name, i.ShortName, i.Kind, i.CreatedAt,
                db.People.Count(p => p.InstitutionId == i.Id), db.UserAccounts.Count(a => a.InstitutionId == i.Id)))
            .ToListAsync(ct);
    }

    public async Task<int> CreateAsync(PortalUser user, InstitutionCreate c, CancellationToken ct = default)
    {
        Ensure(user);
        await using var db = await dbFactory.CreateForAsync(user, clock, ct);
        var v = new Validator()
            .Require(nameof(c.Name), c.Name, "单位名称").MaxLength(nameof(c.Name), c.Name?.Trim(), 200, "单位名称")
            .MaxLength(nameof(c.ShortName), c.ShortName?.Trim(), 50, "简称")
            .Require(nameof(c.AdminUserName), c.AdminUserName, "管理员用户名").MaxLength(nameof(c.AdminUserName), c.AdminUserName?.Trim(), 100, "管理员用户名")
            .Require(nameof(c.AdminDisplayName), c.AdminDisplayName, "管理员姓名");
        // A new institution starts with the default policy, so its first password meets it.
        if (PasswordPolicy.Default.Check(c.AdminPassword) is { } weak) v.Check(false, nameof(c.AdminPassword), weak);
        var name = c.Name?.Trim() ?? "";
        if (name.Length > 0)
            v.Check(!await db.Institutions.AnyAsync(i => i.Name == name, ct), nameof(c.Name), new PortalMessage("已有名为“{0}”的单位。", name));
        var userName = c.AdminUserName?.Trim() ?? "";
        if (userName.Length > 0)
        {
            var normalized = UserAccount.NormalizeUserName(userName);
            v.Check(!await db.UserAccounts.AnyAsync(a => a.NormalizedUserName == normalized, ct), nameof(c.AdminUserName), new PortalMessage("用户名 {0} 已被使用。", userName));
        }
        v.ThrowIfInvalid();

        // The institution's id is needed by the rows below; one transaction keeps all or nothing.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var institution = new Institution { Name = name, ShortName = TextInput.Clean(c.ShortName), Kind = c.Kind, CreatedAt = clock.GetUtcNow().UtcDateTime };
        db.Institutions.Add(institution);
        await db.SaveChangesAsync(ct);

        db.OrgUnits.Add(new OrgUnit
        {
            InstitutionId = institution.Id, Name = name,
            Kind = c.Kind == InstitutionKind.County ? OrgUnitKind.County : c.Kind == InstitutionKind.University ? OrgUnitKind.School : OrgUnitKind.Unit,
        });
        var admin = new UserAccount
        {
            InstitutionId = institution.Id, UserName = userName, DisplayName = c.AdminDisplayName!.Trim(),
            Roles = [Roles.SystemAdmin, Roles.ProgrammeAdmin],
        };
        admin.PasswordHash = accounts.HashPassword(admin, c.AdminPassword!);
        db.UserAccounts.Add(admin);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return institution.Id;
    }

    private static void Ensure(PortalUser user)
    {
        if (!user.IsInRole(Roles.SystemAdmin)) throw new AccessDeniedException("只有系统管理员可以管理单位。");
    }
}
