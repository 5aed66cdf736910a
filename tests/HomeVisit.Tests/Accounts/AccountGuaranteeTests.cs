using HomeVisit.Core.Accounts;
using HomeVisit.Core.Audit;
using HomeVisit.Core.Data;
using HomeVisit.Tests.Services;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace HomeVisit.Tests.Accounts;

public sealed class AccountGuaranteeTests : IDisposable
{
    private readonly Scenario _s = new();

    public void Dispose() => _s.Dispose();

    // Written once by PasswordHasher<T> (V3 format) for "Demo#2026" and kept as text, so a change of hasher or
    // of its settings that stops old databases' passwords from verifying fails here.
    private const string V3Sha512 = "AQAAAAIAAYagAAAAEAABAgMEBQYHCAkKCwwNDg/X+s5ypYC+L1rwafLFM8KyMIC+gdCySk60cPWDB8E40A==";
    // The V3 variant older ASP.NET Core versions wrote (HMAC-SHA256, 10,000 iterations).
    private const string V3Sha256Legacy = "AQAAAAEAACcQAAAAEBAREhMUFRYXGBkaGxwdHh+BIb4z1VPp7BjjSO4NRzCVLvSODHSB1V8f6STC/5snTw==";

    [Theory]
    [InlineData(V3Sha512)]
    [InlineData(V3Sha256Legacy)]
    public async Task Existing_password_hashes_still_verify_and_weak_ones_are_upgraded_on_sign_in(string storedHash)
    {
        await SetHashAsync("leader1", storedHash);

        Assert.Equal(SignInStatus.Succeeded, (await _s.Accounts.PasswordSignInAsync("leader1", "Demo#2026")).Status);
        Assert.Equal(SignInStatus.Failed, (await _s.Accounts.PasswordSignInAsync("leader1", "demo#2026")).Status);

        var now = await _s.ReadAsync(db => db.UserAccounts.Where(a => a.UserName == "leader1").Select(a => a.PasswordHash).SingleAsync());
        if (storedHash == V3Sha512) Assert.Equal(storedHash, now);
        else Assert.NotEqual(storedHash, now);
        Assert.Equal(SignInStatus.Succeeded, (await _s.Accounts.PasswordSignInAsync("leader1", "Demo#2026")).Status);
    }

    [Fact]
    public async Task User_names_are_unique_whatever_their_case_and_sign_in_takes_any_case()
    {
        var admin = new UserAdminService(_s.Db.Factory, _s.Accounts, _s.Clock, new AccountRoles(HomeVisit.Portal.Programmes.ProgrammesServiceCollectionExtensions.Modules));

        var error = await Assert.ThrowsAsync<PortalValidationException>(() => admin.SaveAsync(_s.Admin, new UserEdit
        {
            UserName = "Admin", DisplayName = "另一个管理员", Roles = [Roles.Staff], NewPassword = "Start#2026",
        }));
        Assert.Equal("用户名 Admin 已被使用。", error.Errors[nameof(UserEdit.UserName)]);
        // The database refuses it too, whoever writes the row.
        await using (var db = _s.Context())
        {
            db.UserAccounts.Add(new UserAccount { InstitutionId = _s.InstitutionB, UserName = "LEADER1", DisplayName = "x" });
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        }

        foreach (var typed in new[] { "Leader1", "LEADER1", " leader1 " })
        {
            var result = await _s.Accounts.PasswordSignInAsync(typed, Scenario.Password);
            Assert.Equal(SignInStatus.Succeeded, result.Status);
            Assert.Equal(_s.Leader1.UserId, PortalUser.FromPrincipal(result.Principal)!.UserId);
        }
    }

    [Fact]
    public async Task A_password_of_one_character_class_is_refused_with_the_reason_in_chinese()
    {
        var admin = new UserAdminService(_s.Db.Factory, _s.Accounts, _s.Clock, new AccountRoles(HomeVisit.Portal.Programmes.ProgrammesServiceCollectionExtensions.Modules));

        var created = await Assert.ThrowsAsync<PortalValidationException>(() => admin.SaveAsync(_s.Admin, new UserEdit
        {
            UserName = "wangwu", DisplayName = "王五", Roles = [Roles.Staff], NewPassword = "aaaaaaaa",
        }));
        var changed = await Assert.ThrowsAsync<PortalValidationException>(() =>
            _s.Accounts.ChangePasswordAsync(_s.Leader1, Scenario.Password, "aaaaaaaa", "aaaaaaaa"));

        Assert.Equal("密码须包含大写字母、小写字母、数字和符号中的至少 3 类。", created.Errors[nameof(UserEdit.NewPassword)]);
        Assert.Equal("新密码须包含大写字母、小写字母、数字和符号中的至少 3 类。", changed.Errors["New"]);
        Assert.Equal(SignInStatus.Succeeded, (await _s.Accounts.PasswordSignInAsync("leader1", Scenario.Password)).Status);
        // Three classes are enough under the default policy.
        await _s.Accounts.ChangePasswordAsync(_s.Leader1, Scenario.Password, "abcdefg1!", "abcdefg1!");
    }

    [Fact]
    public async Task Each_institution_sets_its_own_password_policy_and_only_its_system_admin_may()
    {
        var policies = new PasswordPolicyService(_s.Db.Factory, _s.Clock);
        var admin = new UserAdminService(_s.Db.Factory, _s.Accounts, _s.Clock, new AccountRoles(HomeVisit.Portal.Programmes.ProgrammesServiceCollectionExtensions.Modules));
        await Assert.ThrowsAsync<AccessDeniedException>(() => policies.GetAsync(_s.Leader1));

        var edit = await policies.GetAsync(_s.Admin);
        Assert.Equal((8, 3), (edit.MinLength, edit.RequiredClasses));
        var tooWeak = await Assert.ThrowsAsync<PortalValidationException>(() => policies.SaveAsync(_s.Admin, new PasswordPolicyEdit
        {
            MinLength = 6, RequiredClasses = 1, Version = edit.Version,
        }));
        Assert.Equal("最短长度须在 8 到 64 位之间。", tooWeak.Errors[nameof(PasswordPolicyEdit.MinLength)]);
        Assert.Equal("字符类别须在 2 到 4 类之间。", tooWeak.Errors[nameof(PasswordPolicyEdit.RequiredClasses)]);

        edit.MinLength = 12;
        edit.RequiredClasses = 4;
        await policies.SaveAsync(_s.Admin, edit);

        var shortOne = await Assert.ThrowsAsync<PortalValidationException>(() => admin.SaveAsync(_s.Admin, new UserEdit
        {
            UserName = "zhaoliu", DisplayName = "赵六", Roles = [Roles.Staff], NewPassword = "Start#2026",
        }));
        Assert.Equal("密码至少 12 位。", shortOne.Errors[nameof(UserEdit.NewPassword)]);
        var threeClasses = await Assert.ThrowsAsync<PortalValidationException>(() =>
            _s.Accounts.ChangePasswordAsync(_s.Leader1, Scenario.Password, "start#2026abc", "start#2026abc"));
        Assert.Equal("新密码须包含大写字母、小写字母、数字和符号中的至少 4 类。", threeClasses.Errors["New"]);
        await admin.SaveAsync(_s.Admin, new UserEdit { UserName = "zhaoliu", DisplayName = "赵六", Roles = [Roles.Staff], NewPassword = "Start#2026abc" });

        // Institution B keeps the default.
        await _s.Accounts.ChangePasswordAsync(_s.LeaderB, Scenario.Password, "Start#2026", "Start#2026");
        Assert.Contains(await _s.ReadAsync(db => db.AuditEntries.Where(a => a.EntityType == "Institution" && a.Action == AuditActions.Update).Select(a => a.Detail).ToListAsync()),
            d => d!.Contains("PasswordMinLength"));
    }

    [Fact]
    public async Task Ending_a_session_refuses_it_while_the_users_other_sessions_stand()
    {
        var signIn = (await _s.Accounts.PasswordSignInAsync("leader1", Scenario.Password)).Principal!;
        var first = await _s.Accounts.StartSessionAsync(signIn);
        var second = await _s.Accounts.StartSessionAsync(signIn);
        Assert.True(await _s.Accounts.IsSessionValidAsync(first, requireSession: true));

        await _s.Accounts.EndSessionAsync(first, "sign-out");

        Assert.False(await _s.Accounts.IsSessionValidAsync(first, requireSession: true));
        Assert.True(await _s.Accounts.IsSessionValidAsync(second, requireSession: true));
        // The cookie check wants a session; a principal without one is not a cookie this portal wrote.
        Assert.False(await _s.Accounts.IsSessionValidAsync(signIn, requireSession: true));
    }

    private async Task SetHashAsync(string userName, string hash)
    {
        await using var db = _s.Context();
        await db.UserAccounts.Where(a => a.UserName == userName).ExecuteUpdateAsync(s => s.SetProperty(a => a.PasswordHash, hash));
    }
}

/// <summary>An institution upgrading from the portal before this change keeps its accounts and passwords.</summary>
public sealed class AccountUpgradeTests
{
    [Fact]
    public async Task Accounts_of_a_database_from_before_sign_in_with_their_old_password_in_any_case()
    {
        using var legacy = TestDatabase.CreateEmpty();
        File.Copy(Path.Combine(AppContext.BaseDirectory, "Data", "Fixtures", "handwritten-migrations-20261121.db"), legacy.FilePath, overwrite: true);
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Portal"] = legacy.ConnectionString, ["Demo:Seed"] = "false" })
            .Build();
        var env = new Microsoft.Extensions.Hosting.Internal.HostingEnvironment
        {
            EnvironmentName = "Production", ApplicationName = "HomeVisit.Portal", ContentRootPath = AppContext.BaseDirectory,
            ContentRootFileProvider = new Microsoft.Extensions.FileProviders.NullFileProvider(),
        };
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton<IHostEnvironment>(env)
            .AddLogging()
            .AddPortalDatabase(configuration, env);
        await using (var provider = services.BuildServiceProvider()) await provider.InitialisePortalDatabaseAsync();

        var accounts = new AccountService(legacy.Factory, Microsoft.Extensions.Options.Options.Create(new AccountOptions()), legacy.Clock);
        foreach (var name in new[] { "admin", "ADMIN", "Leader", "jiwei" })
            Assert.Equal(SignInStatus.Succeeded, (await accounts.PasswordSignInAsync(name, "Demo#2026")).Status);
        await using var db = legacy.CreateContext();
        Assert.Equal((8, 3), await db.Institutions.Select(i => new ValueTuple<int, int>(i.PasswordMinLength, i.PasswordRequiredClasses)).FirstAsync());
    }
}
