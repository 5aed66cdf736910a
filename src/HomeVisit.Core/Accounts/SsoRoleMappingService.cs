using HomeVisit.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace HomeVisit.Core.Accounts;

public sealed record SsoRoleMappingRow(int Id, long Version, string ClaimValue, string Role, string? Note);

public sealed class SsoRoleMappingEdit
{
    public string? ClaimValue { get; set; }
    public string? Role { get; set; }
    public string? Note { get; set; }
}

public sealed record SsoLinkedAccountRow(int Id, long Version, string UserName, string DisplayName, string? StaffNumber,
    string ExternalSubject, IReadOnlyList<string> Roles, IReadOnlyList<string> SsoRoles, DateTime? LastSignInAt);

/// <summary>
/// System admins keep their institution's SSO role mapping (claim value → portal role) and the links between
/// accounts and provider identities. Changes are audited.
/// </summary>
public sealed class SsoRoleMappingService(IDbContextFactory<PortalDbContext> dbFactory, TimeProvider clock, AccountRoles roles)
{
    public const int MaxClaimValueLength = 200;

    public static bool CanManage(PortalUser user) => user.IsInRole(Roles.SystemAdmin);

    public async Task<IReadOnlyList<SsoRoleMappingRow>> ListAsync(PortalUser user, CancellationToken ct = default)
    {
        Ensure(user);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // A handful of lines per institution: ordering in memory keeps the role order of AccountRoles.All.
        var rows = await db.SsoRoleMappings.AsNoTracking().Where(m => m.InstitutionId == user.InstitutionId)
            .OrderBy(m => m.ClaimValue).ThenBy(m => m.Id)
            .Select(m => new SsoRoleMappingRow(m.Id, m.Version, m.ClaimValue, m.Role, m.Note)).ToListAsync(ct);
        return rows;
    }

    public async Task<int> AddAsync(PortalUser user, SsoRoleMappingEdit edit, CancellationToken ct = default)
    {
        Ensure(user);
        var value = TextInput.Clean(edit.ClaimValue);
        var note = TextInput.Clean(edit.Note);
        await using var db = await dbFactory.CreateForAsync(user, clock, ct);
        var v = new Validator()
            .Require(nameof(edit.ClaimValue), value, "声明值")
            .MaxLength(nameof(edit.ClaimValue), value, MaxClaimValueLength, "声明值")
            .Check(!string.IsNullOrEmpty(edit.Role), nameof(edit.Role), "请选择平台角色。")
            .Check(string.IsNullOrEmpty(edit.Role) || roles.IsKnown(edit.Role), nameof(edit.Role), "角色不正确。")
            // A mapping would grant the role to a whole group: the same reservation as granting it to one account.
            .Check(string.IsNullOrEmpty(edit.Role) || !roles.IsReserved(edit.Role) || user.IsInRole(Roles.DisciplineOffice),
                nameof(edit.Role), "纪检监察、案件管理室角色只能由同时是纪检监察人员的管理员映射；或由纪检监察部门逐个账号授予。")
            .MaxLength(nameof(edit.Note), note, 200, "说明");
        if (value is not null && !string.IsNullOrEmpty(edit.Role))
        {
            var lower = value.ToLowerInvariant();
            var existing = await db.SsoRoleMappings.Where(m => m.InstitutionId == user.InstitutionId && m.Role == edit.Role)
                .Select(m => m.ClaimValue).ToListAsync(ct);
            v.Check(!existing.Any(e => e.ToLowerInvariant() == lower), nameof(edit.ClaimValue), "该声明值已映射到此角色。");
        }
        v.ThrowIfInvalid();
        var mapping = new SsoRoleMapping { InstitutionId = user.InstitutionId, ClaimValue = value!, Role = edit.Role!, Note = note };
        db.SsoRoleMappings.Add(mapping);
        await db.SaveChangesAsync(ct);
        return mapping.Id;
    }

    public async Task DeleteAsync(PortalUser user, int id, long version, CancellationToken ct = default)
    {
        Ensure(user);
        await using var db = await dbFactory.CreateForAsync(user, clock, ct);
        var mapping = await db.SsoRoleMappings.FirstOrDefaultAsync(m => m.Id == id && m.InstitutionId == user.InstitutionId, ct)
            ?? throw new NotFoundException();
        db.Entry(mapping).Property(m => m.Version).OriginalValue = version;
        db.SsoRoleMappings.Remove(mapping);
        await db.SaveOrConflictAsync(ct);
    }

    /// <summary>Accounts of the institution linked to a provider identity, paged, searchable by user name, name or staff number.</summary>
    public async Task<PagedResult<SsoLinkedAccountRow>> LinkedAccountsAsync(PortalUser user, string? search, int page, int pageSize, CancellationToken ct = default)
    {
        Ensure(user);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var accounts = db.UserAccounts.AsNoTracking().Where(a => a.InstitutionId == user.InstitutionId && a.ExternalSubject != null);
        if (TextInput.Clean(search) is { } s)
            accounts = accounts.Where(a => a.UserName.Contains(s) || a.DisplayName.Contains(s) || (a.Person != null && a.Person.StaffNumber.Contains(s)));
        var total = await accounts.CountAsync(ct);
        pageSize = Math.Clamp(pageSize, 1, 200);
        page = Math.Max(1, page);
        var rows = await accounts.OrderBy(a => a.UserName).Skip((page - 1) * pageSize).Take(pageSize)
            .Select(a => new SsoLinkedAccountRow(a.Id, a.Version, a.UserName, a.DisplayName, a.Person != null ? a.Person.StaffNumber : null,
                a.ExternalSubject!, a.Roles, a.SsoRoles ?? new List<string>(), a.LastSignInAt))
            .ToListAsync(ct);
        return new PagedResult<SsoLinkedAccountRow>(rows, total, page, pageSize);
    }

    /// <summary>
    /// Removes an account's link to its provider identity (e.g. the campus account was reissued); the next campus
    /// sign-in matches the person by staff number again. Open sessions of the account end.
    /// </summary>
    public async Task UnlinkAsync(PortalUser user, int accountId, long version, CancellationToken ct = default)
    {
        Ensure(user);
        await using var db = await dbFactory.CreateForAsync(user, clock, ct);
        var account = await db.UserAccounts.FirstOrDefaultAsync(a => a.Id == accountId && a.InstitutionId == user.InstitutionId, ct)
            ?? throw new NotFoundException();
        db.Entry(account).Property(a => a.Version).OriginalValue = version;
        account.ExternalIssuer = null;
        account.ExternalSubject = null;
        account.SecurityStamp = Guid.NewGuid().ToString("N");
        await db.SaveOrConflictAsync(ct);
    }

    private static void Ensure(PortalUser user)
    {
        if (!CanManage(user)) throw new AccessDeniedException("只有系统管理员可以管理统一身份认证设置。");
    }
}
