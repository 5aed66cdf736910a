using HomeVisit.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace HomeVisit.Core.Accounts;

public sealed record UserRow(int Id, long Version, string UserName, string DisplayName, int? PersonId, string? PersonName,
    IReadOnlyList<string> Roles, bool IsDisabled, bool IsLockedOut, DateTime? LastSignInAt);

public sealed class UserEdit
{
    public int Id { get; set; }
    public long Version { get; set; }
    public string? UserName { get; set; }
    public string? DisplayName { get; set; }
    public int? PersonId { get; set; }
    public List<string> Roles { get; set; } = [];
    public bool IsDisabled { get; set; }
    /// <summary>Required for a new account; for an existing one, a new password resets it.</summary>
    public string? NewPassword { get; set; }
}

/// <summary>Account administration for system admins, within their own institution.</summary>
public sealed class UserAdminService(IDbContextFactory<PortalDbContext> dbFactory, AccountService accounts, TimeProvider clock, AccountRoles roles)
{
    public static bool CanManage(PortalUser user) => user.IsInRole(Roles.SystemAdmin);

    public async Task<PagedResult<UserRow>> ListAsync(PortalUser user, string? search, int page, int pageSize, CancellationToken ct = default)
    {
        Ensure(user);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var users = db.UserAccounts.AsNoTracking().Where(a => a.InstitutionId == user.InstitutionId);
        if (!string.IsNullOrWhiteSpace(search))
        {
            var s = search.Trim();
            users = users.Where(a => a.UserName.Contains(s) || a.DisplayName.Contains(s));
        }
        var total = await users.CountAsync(ct);
        pageSize = Math.Clamp(pageSize, 1, 200);
        page = Math.Max(1, page);
        var rows = await users.OrderBy(a => a.UserName).Skip((page - 1) * pageSize).Take(pageSize)
            .Select(a => new UserRow(a.Id, a.Version, a.UserName, a.DisplayName, a.PersonId, a.Person != null ? a.Person.Name : null,
                a.Roles, a.IsDisabled, a.LockoutEnd != null && a.LockoutEnd > now, a.LastSignInAt))
            .ToListAsync(ct);
        return new PagedResult<UserRow>(rows, total, page, pageSize);
    }

    public async Task<UserEdit> GetAsync(PortalUser user, int id, CancellationToken ct = default)
    {
        Ensure(user);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var a = await db.UserAccounts.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id && x.InstitutionId == user.InstitutionId, ct)
            ?? throw new NotFoundException();
        return new UserEdit
        {
            Id = a.Id, Version = a.Version, UserName = a.UserName, DisplayName = a.DisplayName, PersonId = a.PersonId,
            Roles = [.. a.Roles], IsDisabled = a.IsDisabled,
        };
    }

    public async Task<int> SaveAsync(PortalUser user, UserEdit edit, CancellationToken ct = default)
    {
        Ensure(user);
        await using var db = await dbFactory.CreateForAsync(user, clock, ct);
        var v = new Validator()
            .Require(nameof(edit.UserName), edit.UserName, "用户名").MaxLength(nameof(edit.UserName), edit.UserName?.Trim(), 100, "用户名")
            .Require(nameof(edit.DisplayName), edit.DisplayName, "姓名").MaxLength(nameof(edit.DisplayName), edit.DisplayName?.Trim(), 100, "姓名")
            .Check(edit.Roles.Count > 0, nameof(edit.Roles), "请至少选择一个角色。")
            .Check(edit.Roles.All(roles.IsKnown), nameof(edit.Roles), "角色不正确。")
            .Check(edit.Id != 0 || !string.IsNullOrEmpty(edit.NewPassword), nameof(edit.NewPassword), "新账号须设置初始密码。")
            .Check(!(edit.Id == user.UserId && (edit.IsDisabled || !edit.Roles.Contains(Roles.SystemAdmin))), nameof(edit.Roles),
                "不能停用自己的账号或取消自己的系统管理员角色。");
        if (!string.IsNullOrEmpty(edit.NewPassword) && (await PasswordPolicy.ForAsync(db, user.InstitutionId, ct)).Check(edit.NewPassword) is { } weak)
            v.Check(false, nameof(edit.NewPassword), weak);
        var name = edit.UserName?.Trim() ?? "";
        var normalized = UserAccount.NormalizeUserName(name);
        if (name.Length > 0)
            v.Check(!await db.UserAccounts.AnyAsync(a => a.NormalizedUserName == normalized && a.Id != edit.Id, ct), nameof(edit.UserName), new PortalMessage("用户名 {0} 已被使用。", name));
        if (edit.PersonId is int personId)
        {
            v.Check(await db.People.AnyAsync(p => p.Id == personId && p.InstitutionId == user.InstitutionId, ct), nameof(edit.PersonId), "所选人员不存在。");
            v.Check(!await db.UserAccounts.AnyAsync(a => a.PersonId == personId && a.Id != edit.Id, ct), nameof(edit.PersonId), "该人员已有账号。");
        }
        var before = edit.Id == 0 ? null
            : await db.UserAccounts.AsNoTracking().FirstOrDefaultAsync(a => a.Id == edit.Id && a.InstitutionId == user.InstitutionId, ct);
        await DisciplineRoleService.CheckAccountEditAsync(db, user, roles, before, edit, v, ct);
        v.ThrowIfInvalid();
        var oldReserved = before?.Roles.Where(roles.IsReserved).ToList() ?? [];

        UserAccount account;
        if (edit.Id == 0)
        {
            account = new UserAccount { InstitutionId = user.InstitutionId, UserName = name, DisplayName = "" };
            db.UserAccounts.Add(account);
        }
        else
        {
            account = await db.UserAccounts.FirstOrDefaultAsync(a => a.Id == edit.Id && a.InstitutionId == user.InstitutionId, ct)
                ?? throw new NotFoundException();
            db.Entry(account).Property(a => a.Version).OriginalValue = edit.Version;
        }
        var rolesChanged = !account.Roles.Order().SequenceEqual(edit.Roles.Distinct().Order());
        account.UserName = name;
        account.DisplayName = edit.DisplayName!.Trim();
        account.PersonId = edit.PersonId;
        account.Roles = edit.Roles.Distinct().ToList();
        if (account.IsDisabled != edit.IsDisabled || rolesChanged || !string.IsNullOrEmpty(edit.NewPassword))
            account.SecurityStamp = Guid.NewGuid().ToString("N"); // signs out open sessions
        account.IsDisabled = edit.IsDisabled;
        if (!string.IsNullOrEmpty(edit.NewPassword)) account.PasswordHash = accounts.HashPassword(account, edit.NewPassword);
        await db.SaveOrConflictAsync(ct);
        if (!oldReserved.ToHashSet().SetEquals(account.Roles.Where(roles.IsReserved)))
        {
            DisciplineRoleService.AuditAccountEdit(db, roles, account, oldReserved);
            await db.SaveChangesAsync(ct);
        }
        return account.Id;
    }

    public async Task UnlockAsync(PortalUser user, int id, CancellationToken ct = default)
    {
        Ensure(user);
        await using var db = await dbFactory.CreateForAsync(user, clock, ct);
        var account = await db.UserAccounts.FirstOrDefaultAsync(a => a.Id == id && a.InstitutionId == user.InstitutionId, ct)
            ?? throw new NotFoundException();
        account.LockoutEnd = null;
        account.AccessFailedCount = 0;
        await db.SaveChangesAsync(ct);
    }

    private static void Ensure(PortalUser user)
    {
        if (!CanManage(user)) throw new AccessDeniedException("只有系统管理员可以管理账号。");
    }
}
