using HomeVisit.Core.Audit;
using HomeVisit.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace HomeVisit.Core.Accounts;

public sealed record DisciplineRoleHolder(int AccountId, string UserName, string DisplayName, IReadOnlyList<string> Roles, bool IsDisabled);

/// <summary>
/// The discipline roles (纪检监察, 纪委主要负责人, and every role that opens a confidential programme,
/// <see cref="AccountRoles.DisciplineReserved"/>) open records a system admin must not read, so a system admin must not
/// be able to take them (issue 13 item 9). Granting or revoking them, and disabling or re-enabling an account that holds one,
/// is reserved to the discipline office itself: an enabled 纪检监察 account other than the one receiving the role (the
/// 纪委 head or an existing discipline officer). Only while an institution has no enabled 纪检监察 account at all may its
/// system admin name the first one, and never themselves. Every grant and revocation is an audit entry the discipline
/// office reads in its audit log.
/// </summary>
public sealed class DisciplineRoleService(IDbContextFactory<PortalDbContext> dbFactory, TimeProvider clock, AccountRoles roles)
{
    /// <summary>The roles this service grants and revokes, in the order the page offers them.</summary>
    public IReadOnlyList<string> Reserved => roles.DisciplineReserved;

    public const string GrantAction = "role-grant";
    public const string RevokeAction = "role-revoke";

    private bool IsReserved(string role) => roles.IsReserved(role);

    /// <summary>May manage the discipline roles (the page under 账号管理 is shown to them).</summary>
    public static bool CanManage(PortalUser user) => user.IsInRole(Roles.DisciplineOffice);

    public async Task<IReadOnlyList<DisciplineRoleHolder>> HoldersAsync(PortalUser user, CancellationToken ct = default)
    {
        if (!CanManage(user)) throw new AccessDeniedException("只有纪检监察部门可以管理纪检角色。");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var accounts = await db.UserAccounts.AsNoTracking().Where(a => a.InstitutionId == user.InstitutionId)
            .OrderBy(a => a.UserName).ToListAsync(ct);
        return accounts.Where(a => a.Roles.Any(IsReserved))
            .Select(a => new DisciplineRoleHolder(a.Id, a.UserName, a.DisplayName, a.Roles.Where(IsReserved).ToList(), a.IsDisabled)).ToList();
    }

    /// <summary>Grants (or revokes) a discipline role to the account with this user name, as a discipline officer.</summary>
    public async Task SetAsync(PortalUser user, string? userName, string role, bool grant, CancellationToken ct = default)
    {
        if (!CanManage(user)) throw new AccessDeniedException("只有纪检监察部门可以管理纪检角色。");
        if (!IsReserved(role)) throw new PortalValidationException("Role", "角色不正确。");
        var name = userName?.Trim() ?? "";
        await using var db = await dbFactory.CreateForAsync(user, clock, ct);
        var account = await db.UserAccounts.FirstOrDefaultAsync(a => a.InstitutionId == user.InstitutionId && a.UserName == name, ct)
            ?? throw new PortalValidationException("UserName", new PortalMessage("本单位没有用户名为 {0} 的账号。", name));
        if (grant && account.Id == user.UserId)
            throw new PortalValidationException("UserName", "不能给自己授予纪检角色，须由另一名纪检监察人员授予。");
        if (grant == account.Roles.Contains(role)) return;
        account.Roles = grant ? [.. account.Roles, role] : account.Roles.Where(r => r != role).ToList();
        if (account.Roles.Count == 0) account.Roles = [Roles.Staff];
        account.SecurityStamp = Guid.NewGuid().ToString("N"); // the holder's open sessions pick up the change
        db.AuditEvent(grant ? GrantAction : RevokeAction, nameof(UserAccount), account.Id,
            $"{(grant ? "授予" : "撤销")} {account.UserName}（{account.DisplayName}）{roles.Name(role)} 角色");
        await db.SaveOrConflictAsync(ct);
    }

    /// <summary>
    /// Checks an account edit by <see cref="UserAdminService"/>: a change to the discipline roles, or disabling or enabling
    /// an account holding one, needs the discipline office (see the class remarks). Adds the refusal to <paramref name="v"/>.
    /// </summary>
    internal static async Task CheckAccountEditAsync(PortalDbContext db, PortalUser user, AccountRoles roles, UserAccount? before, UserEdit edit,
        Validator v, CancellationToken ct)
    {
        var oldRoles = before?.Roles.Where(roles.IsReserved).ToHashSet() ?? [];
        var newRoles = edit.Roles.Where(roles.IsReserved).ToHashSet();
        var rolesChange = !oldRoles.SetEquals(newRoles);
        var disabledChange = before is not null && before.IsDisabled != edit.IsDisabled && (oldRoles.Count > 0 || newRoles.Count > 0);
        if (!rolesChange && !disabledChange) return;

        var self = edit.Id != 0 && edit.Id == user.UserId;
        if (self && newRoles.Except(oldRoles).Any())
        {
            v.Add(nameof(edit.Roles), "不能给自己授予纪检监察或案件管理室角色，须由纪检监察部门的另一人授予。");
            return;
        }
        if (user.IsInRole(Roles.DisciplineOffice)) return;
        var officers = await db.UserAccounts.CountAsync(a => a.InstitutionId == user.InstitutionId && !a.IsDisabled &&
                                                             a.Id != edit.Id && a.Roles.Contains(Roles.DisciplineOffice), ct);
        // Before any discipline officer exists someone must name the first; only that first grant is the admin's.
        var bootstrap = officers == 0 && !disabledChange && oldRoles.Count == 0;
        if (!bootstrap)
            v.Add(nameof(edit.Roles), "纪检监察、案件管理室角色的授予、撤销，以及停用或启用持有这些角色的账号，须由纪检监察部门办理（账号管理 › 纪检角色）。");
    }

    /// <summary>The grant and revocation entries for an account edit that changed the discipline roles (saved with the next save).</summary>
    internal static void AuditAccountEdit(PortalDbContext db, AccountRoles roles, UserAccount account, IReadOnlyCollection<string> oldRoles)
    {
        foreach (var role in account.Roles.Where(roles.IsReserved).Except(oldRoles))
            db.AuditEvent(GrantAction, nameof(UserAccount), account.Id, $"授予 {account.UserName}（{account.DisplayName}）{roles.Name(role)} 角色");
        foreach (var role in oldRoles.Where(roles.IsReserved).Except(account.Roles))
            db.AuditEvent(RevokeAction, nameof(UserAccount), account.Id, $"撤销 {account.UserName}（{account.DisplayName}）{roles.Name(role)} 角色");
    }
}
