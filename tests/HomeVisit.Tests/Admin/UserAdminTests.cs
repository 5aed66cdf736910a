using HomeVisit.Core.Accounts;
using HomeVisit.Core.Audit;
using HomeVisit.Core.Data;
using HomeVisit.Core.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HomeVisit.Tests.Admin;

public sealed class UserAdminTests : IAsyncLifetime
{
    private readonly TestDatabase _db = TestDatabase.Create(new FixedTimeProvider(new DateTimeOffset(2026, 11, 21, 2, 0, 0, TimeSpan.Zero)));
    private AccountService _accounts = default!;
    private UserAdminService _admin = default!;
    private AuditService _audit = default!;
    private PortalUser _sysAdmin = default!, _leader = default!, _jiwei = default!;

    public async Task InitializeAsync()
    {
        await using (var db = _db.CreateContext()) await DemoSeeder.SeedAsync(db, _db.Clock);
        _accounts = new AccountService(_db.Factory, Options.Create(new AccountOptions()), _db.Clock);
        _admin = new UserAdminService(_db.Factory, _accounts, _db.Clock, new AccountRoles(HomeVisit.Portal.Programmes.ProgrammesServiceCollectionExtensions.Modules));
        _audit = new AuditService(_db.Factory);
        _sysAdmin = await UserAsync(DemoAccounts.Admin);
        _leader = await UserAsync(DemoAccounts.Leader);
        _jiwei = await UserAsync(DemoAccounts.DisciplineOffice);
    }

    private async Task<PortalUser> UserAsync(string name)
    {
        await using var db = _db.CreateContext();
        return PortalUser.From(await db.UserAccounts.SingleAsync(a => a.UserName == name));
    }

    [Fact]
    public async Task An_admin_creates_an_account_that_can_sign_in_with_its_roles()
    {
        var id = await _admin.SaveAsync(_sysAdmin, new UserEdit
        {
            UserName = "wangfang", DisplayName = "王芳", Roles = [Roles.Liaison], NewPassword = "Start#2026",
        });

        var result = await _accounts.PasswordSignInAsync("wangfang", "Start#2026");
        Assert.Equal(SignInStatus.Succeeded, result.Status);
        var user = PortalUser.FromPrincipal(result.Principal)!;
        Assert.Equal(id, user.UserId);
        Assert.Equal(_sysAdmin.InstitutionId, user.InstitutionId);
        Assert.True(user.IsInRole(Roles.Liaison));
        Assert.False(user.IsInRole(Roles.SystemAdmin));
    }

    [Fact]
    public async Task Bad_input_is_refused_field_by_field_in_chinese_and_nothing_is_saved()
    {
        var before = await CountAccountsAsync();
        var error = await Assert.ThrowsAsync<PortalValidationException>(() => _admin.SaveAsync(_sysAdmin, new UserEdit
        {
            UserName = DemoAccounts.Leader, DisplayName = " ", Roles = [], NewPassword = "short",
        }));

        Assert.Equal($"用户名 {DemoAccounts.Leader} 已被使用。", error.Errors[nameof(UserEdit.UserName)]);
        Assert.Equal("请填写姓名。", error.Errors[nameof(UserEdit.DisplayName)]);
        Assert.Equal("请至少选择一个角色。", error.Errors[nameof(UserEdit.Roles)]);
        Assert.Equal("密码至少 8 位。", error.Errors[nameof(UserEdit.NewPassword)]);
        Assert.Equal(before, await CountAccountsAsync());
    }

    [Fact]
    public async Task Only_system_admins_manage_accounts()
    {
        await Assert.ThrowsAsync<AccessDeniedException>(() => _admin.ListAsync(_leader, null, 1, 20));
        await Assert.ThrowsAsync<AccessDeniedException>(() => _admin.SaveAsync(_jiwei, new UserEdit
        {
            UserName = "x", DisplayName = "x", Roles = [Roles.SystemAdmin], NewPassword = "12345678",
        }));
    }

    [Fact]
    public async Task Disabling_an_account_or_resetting_its_password_ends_its_open_sessions()
    {
        var signIn = await _accounts.PasswordSignInAsync(DemoAccounts.Leader, DemoAccounts.Password);
        Assert.True(await _accounts.IsSessionValidAsync(signIn.Principal!));

        var edit = await _admin.GetAsync(_sysAdmin, _leader.UserId);
        edit.NewPassword = "Changed#2026";
        await _admin.SaveAsync(_sysAdmin, edit);

        Assert.False(await _accounts.IsSessionValidAsync(signIn.Principal!));
        Assert.Equal(SignInStatus.Failed, (await _accounts.PasswordSignInAsync(DemoAccounts.Leader, DemoAccounts.Password)).Status);
        Assert.Equal(SignInStatus.Succeeded, (await _accounts.PasswordSignInAsync(DemoAccounts.Leader, "Changed#2026")).Status);

        edit = await _admin.GetAsync(_sysAdmin, _leader.UserId);
        edit.IsDisabled = true;
        await _admin.SaveAsync(_sysAdmin, edit);
        Assert.Equal(SignInStatus.Disabled, (await _accounts.PasswordSignInAsync(DemoAccounts.Leader, "Changed#2026")).Status);
    }

    [Fact]
    public async Task An_admin_cannot_lock_themself_out()
    {
        var edit = await _admin.GetAsync(_sysAdmin, _sysAdmin.UserId);
        edit.Roles.Remove(Roles.SystemAdmin);
        var error = await Assert.ThrowsAsync<PortalValidationException>(() => _admin.SaveAsync(_sysAdmin, edit));
        Assert.Contains(nameof(UserEdit.Roles), error.Errors.Keys);
    }

    [Fact]
    public async Task Changing_ones_own_password_needs_the_current_one()
    {
        var wrong = await Assert.ThrowsAsync<PortalValidationException>(() =>
            _accounts.ChangePasswordAsync(_leader, "not-it", "Another#2026", "Another#2026"));
        Assert.Equal("当前密码不正确。", wrong.Errors["Current"]);
        var mismatch = await Assert.ThrowsAsync<PortalValidationException>(() =>
            _accounts.ChangePasswordAsync(_leader, DemoAccounts.Password, "Another#2026", "Another#2027"));
        Assert.Equal("两次输入的新密码不一致。", mismatch.Errors["Confirm"]);

        await _accounts.ChangePasswordAsync(_leader, DemoAccounts.Password, "Another#2026", "Another#2026");
        Assert.Equal(SignInStatus.Succeeded, (await _accounts.PasswordSignInAsync(DemoAccounts.Leader, "Another#2026")).Status);
    }

    [Fact]
    public async Task The_audit_log_is_for_admins_and_the_discipline_office_and_shows_who_changed_what()
    {
        await _admin.SaveAsync(_sysAdmin, new UserEdit { UserName = "lisi", DisplayName = "李四", Roles = [Roles.Staff], NewPassword = "Start#2026" });

        await Assert.ThrowsAsync<AccessDeniedException>(() => _audit.ListAsync(_leader, new AuditQuery()));
        var entries = await _audit.ListAsync(_jiwei, new AuditQuery(UserName: DemoAccounts.Admin, Action: AuditActions.Create, EntityType: nameof(UserAccount)));
        var entry = Assert.Single(entries.Items);
        Assert.Contains("李四", entry.Detail);
        Assert.DoesNotContain("Start#2026", entry.Detail);
        Assert.Contains("\"PasswordHash\":\"***\"", entry.Detail);
    }

    private async Task<int> CountAccountsAsync()
    {
        await using var db = _db.CreateContext();
        return await db.UserAccounts.CountAsync();
    }

    public Task DisposeAsync()
    {
        _db.Dispose();
        return Task.CompletedTask;
    }
}
