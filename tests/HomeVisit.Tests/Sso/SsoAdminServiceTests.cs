using HomeVisit.Core.Accounts;
using HomeVisit.Core.Audit;
using HomeVisit.Core.Data;
using HomeVisit.Tests.Services;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HomeVisit.Tests.Sso;

/// <summary>The role mapping and account links system admins keep, and the password sign-in policy.</summary>
public sealed class SsoAdminServiceTests : IDisposable
{
    private readonly Scenario _s = new();
    private readonly SsoRoleMappingService _mappings;
    private PortalUser AdminB => _s.LeaderB with { Roles = new HashSet<string> { Roles.SystemAdmin } };

    public SsoAdminServiceTests() => _mappings = new SsoRoleMappingService(_s.Db.Factory, _s.Clock, new AccountRoles(HomeVisit.Portal.Programmes.ProgrammesServiceCollectionExtensions.Modules));

    public void Dispose() => _s.Dispose();

    [Fact]
    public async Task An_admin_adds_and_deletes_mappings_of_their_own_institution_with_audit()
    {
        var id = await _mappings.AddAsync(_s.Admin, new SsoRoleMappingEdit { ClaimValue = "  /staff/leaders ", Role = Roles.Leader, Note = "二级学院领导" });

        var row = Assert.Single(await _mappings.ListAsync(_s.Admin));
        Assert.Equal(("/staff/leaders", Roles.Leader, "二级学院领导"), (row.ClaimValue, row.Role, row.Note));
        Assert.Empty(await _mappings.ListAsync(AdminB));
        await Assert.ThrowsAsync<NotFoundException>(() => _mappings.DeleteAsync(AdminB, id, row.Version));

        await _mappings.DeleteAsync(_s.Admin, id, row.Version);

        Assert.Empty(await _mappings.ListAsync(_s.Admin));
        var audit = await _s.ReadAsync(db => db.AuditEntries.Where(e => e.EntityType == nameof(SsoRoleMapping)).Select(e => e.Action).ToListAsync());
        Assert.Equal([AuditActions.Create, AuditActions.Delete], audit);
    }

    [Fact]
    public async Task A_mapping_needs_a_value_and_a_real_role_and_is_not_entered_twice()
    {
        await _mappings.AddAsync(_s.Admin, new SsoRoleMappingEdit { ClaimValue = "hv-leader", Role = Roles.Leader });

        var empty = await Assert.ThrowsAsync<PortalValidationException>(() => _mappings.AddAsync(_s.Admin, new SsoRoleMappingEdit { ClaimValue = " " }));
        Assert.Equal("请填写声明值。", empty.Errors["ClaimValue"]);
        Assert.Equal("请选择平台角色。", empty.Errors["Role"]);
        var bad = await Assert.ThrowsAsync<PortalValidationException>(() => _mappings.AddAsync(_s.Admin, new SsoRoleMappingEdit { ClaimValue = "x", Role = "Root" }));
        Assert.Equal("角色不正确。", bad.Errors["Role"]);
        var twice = await Assert.ThrowsAsync<PortalValidationException>(() => _mappings.AddAsync(_s.Admin, new SsoRoleMappingEdit { ClaimValue = "HV-Leader", Role = Roles.Leader }));
        Assert.Equal("该声明值已映射到此角色。", twice.Errors["ClaimValue"]);

        // The same value may grant a second role.
        await _mappings.AddAsync(_s.Admin, new SsoRoleMappingEdit { ClaimValue = "hv-leader", Role = Roles.Liaison });
        Assert.Equal(2, (await _mappings.ListAsync(_s.Admin)).Count);
    }

    [Fact]
    public async Task Only_system_admins_keep_the_mapping()
    {
        await Assert.ThrowsAsync<AccessDeniedException>(() => _mappings.ListAsync(_s.Leader1));
        await Assert.ThrowsAsync<AccessDeniedException>(() => _mappings.AddAsync(_s.Zuzhi, new SsoRoleMappingEdit { ClaimValue = "x", Role = Roles.SystemAdmin }));
        await Assert.ThrowsAsync<AccessDeniedException>(() => _mappings.UnlinkAsync(_s.Jiwei, _s.Staff1.UserId, 0));
    }

    [Fact]
    public async Task A_stale_delete_is_a_conflict()
    {
        var id = await _mappings.AddAsync(_s.Admin, new SsoRoleMappingEdit { ClaimValue = "g", Role = Roles.Staff });

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => _mappings.DeleteAsync(_s.Admin, id, version: 42));
    }

    [Fact]
    public async Task Unlinking_an_account_ends_its_sessions_and_lets_the_next_sign_in_match_again()
    {
        var sso = new SsoAccountService(_s.Db.Factory, Options.Create(new SsoOptions { Authority = "https://sso", ClientId = "c" }), _s.Clock, new AccountRoles(HomeVisit.Portal.Programmes.ProgrammesServiceCollectionExtensions.Modules));
        await sso.SignInAsync(new SsoIdentity("https://sso", "old-sub", "S001", null, []));
        var linked = Assert.Single((await _mappings.LinkedAccountsAsync(_s.Admin, "S001", 1, 20)).Items);
        Assert.Equal(("staff1", "old-sub", "S001"), (linked.UserName, linked.ExternalSubject, linked.StaffNumber));
        Assert.Empty((await _mappings.LinkedAccountsAsync(AdminB, null, 1, 20)).Items);
        var stamp = await _s.ReadAsync(db => db.UserAccounts.Where(a => a.Id == linked.Id).Select(a => a.SecurityStamp).SingleAsync());

        await _mappings.UnlinkAsync(_s.Admin, linked.Id, linked.Version);

        var account = await _s.ReadAsync(db => db.UserAccounts.AsNoTracking().SingleAsync(a => a.Id == linked.Id));
        Assert.Null(account.ExternalSubject);
        Assert.NotEqual(stamp, account.SecurityStamp);
        Assert.Equal(SsoOutcome.Succeeded, (await sso.SignInAsync(new SsoIdentity("https://sso", "new-sub", "S001", null, []))).Outcome);
        Assert.Equal("new-sub", Assert.Single((await _mappings.LinkedAccountsAsync(_s.Admin, null, 1, 20)).Items).ExternalSubject);
    }

    private SsoLocalSignIn Policy(bool ssoConfigured, bool adminsOnly) => new(
        _s.Accounts, _s.Db.Factory,
        Options.Create(ssoConfigured ? new SsoOptions { Authority = "https://sso", ClientId = "c" } : new SsoOptions()),
        Options.Create(new LocalSignInOptions { AdminsOnly = adminsOnly }), _s.Clock);

    [Fact]
    public async Task With_sso_for_everyone_but_admins_only_admins_sign_in_with_a_password()
    {
        var policy = Policy(ssoConfigured: true, adminsOnly: true);

        var staff = await policy.PasswordSignInAsync("staff1", Scenario.Password);
        var unknown = await policy.PasswordSignInAsync("nobody", "whatever");
        var admin = await policy.PasswordSignInAsync("admin", Scenario.Password);

        Assert.True(staff.RefusedByPolicy);
        Assert.Equal(SignInStatus.Failed, staff.Result.Status);
        Assert.Null(staff.Result.Principal);
        Assert.True(unknown.RefusedByPolicy); // the same answer: the policy tells nothing about who has an account
        Assert.Equal(SignInStatus.Succeeded, admin.Result.Status);
        var refusals = await _s.ReadAsync(db => db.AuditEntries.Where(e => e.Action == AuditActions.SignInFailed).ToListAsync());
        Assert.Equal(2, refusals.Count);
        Assert.All(refusals, e => Assert.StartsWith("本地账号登录仅限系统管理员", e.Detail));
    }

    [Fact]
    public async Task Without_sso_the_admins_only_setting_locks_no_one_out()
    {
        Assert.Equal(SignInStatus.Succeeded, (await Policy(ssoConfigured: false, adminsOnly: true).PasswordSignInAsync("staff1", Scenario.Password)).Result.Status);
        Assert.Equal(SignInStatus.Succeeded, (await Policy(ssoConfigured: true, adminsOnly: false).PasswordSignInAsync("staff1", Scenario.Password)).Result.Status);
    }
}
