using HomeVisit.Core.Data;
using System.Security.Claims;
using HomeVisit.Core.Accounts;
using HomeVisit.Core.Audit;
using Microsoft.EntityFrameworkCore;

namespace HomeVisit.Tests.Services;

/// <summary>Run on both providers: <see cref="AccountServiceTestsOnSqlite"/> and <see cref="AccountServiceTestsOnPostgreSql"/>.</summary>
public abstract class AccountServiceTests(PortalDatabaseProvider provider) : IDisposable
{
    private readonly Scenario _s = new(provider);

    public void Dispose() => _s.Dispose();

    private Task<List<AuditEntry>> SignInAuditAsync() => _s.ReadAsync(db => db.AuditEntries.AsNoTracking()
        .Where(a => a.Action == AuditActions.SignIn || a.Action == AuditActions.SignInFailed).OrderBy(a => a.Id).ToListAsync());

    [Fact]
    public async Task The_right_password_signs_in_with_the_users_claims()
    {
        var result = await _s.Accounts.PasswordSignInAsync(" leader1 ", Scenario.Password);

        Assert.Equal(SignInStatus.Succeeded, result.Status);
        var user = PortalUser.FromPrincipal(result.Principal)!;
        Assert.Equal((_s.Leader1.UserId, _s.InstitutionA, _s.LeaderOne.Id), (user.UserId, user.InstitutionId, user.PersonId));
        Assert.True(user.IsInRole(Roles.Leader));
        Assert.Equal("李院长", result.Principal!.FindFirstValue(ClaimTypes.GivenName));
        Assert.True(await _s.Accounts.IsSessionValidAsync(result.Principal!));
        var audit = Assert.Single(await SignInAuditAsync());
        Assert.Equal((AuditActions.SignIn, "leader1"), (audit.Action, audit.UserName));
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_until_the_lockout_passes()
    {
        for (var i = 1; i <= 4; i++)
            Assert.Equal(SignInStatus.Failed, (await _s.Accounts.PasswordSignInAsync("leader1", "wrong" + i)).Status);
        var fifth = await _s.Accounts.PasswordSignInAsync("leader1", "wrong5");
        Assert.Equal(SignInStatus.LockedOut, fifth.Status);
        Assert.Equal(_s.Clock.GetUtcNow().UtcDateTime + _s.AccountOptions.LockoutDuration, fifth.LockedUntil);

        // Even the right password is refused while locked.
        Assert.Equal(SignInStatus.LockedOut, (await _s.Accounts.PasswordSignInAsync("leader1", Scenario.Password)).Status);
        _s.Clock.Advance(_s.AccountOptions.LockoutDuration - TimeSpan.FromSeconds(1));
        Assert.Equal(SignInStatus.LockedOut, (await _s.Accounts.PasswordSignInAsync("leader1", Scenario.Password)).Status);

        _s.Clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(SignInStatus.Succeeded, (await _s.Accounts.PasswordSignInAsync("leader1", Scenario.Password)).Status);

        var audit = await SignInAuditAsync();
        Assert.Equal(7, audit.Count(a => a.Action == AuditActions.SignInFailed && a.UserName == "leader1"));
        Assert.Equal(AuditActions.SignIn, audit[^1].Action);
        Assert.Equal(_s.Leader1.UserId.ToString(), audit[0].EntityId);
    }

    [Fact]
    public async Task A_success_resets_the_count_of_wrong_passwords()
    {
        for (var i = 0; i < 4; i++) await _s.Accounts.PasswordSignInAsync("leader1", "wrong");
        Assert.Equal(SignInStatus.Succeeded, (await _s.Accounts.PasswordSignInAsync("leader1", Scenario.Password)).Status);

        for (var i = 0; i < 4; i++)
            Assert.Equal(SignInStatus.Failed, (await _s.Accounts.PasswordSignInAsync("leader1", "wrong")).Status);
    }

    [Fact]
    public async Task A_locked_account_loses_its_open_session()
    {
        var session = (await _s.Accounts.PasswordSignInAsync("leader1", Scenario.Password)).Principal!;

        for (var i = 0; i < 5; i++) await _s.Accounts.PasswordSignInAsync("leader1", "wrong");

        Assert.False(await _s.Accounts.IsSessionValidAsync(session));
    }

    [Fact]
    public async Task An_unknown_user_name_fails_and_is_audited()
    {
        var result = await _s.Accounts.PasswordSignInAsync("nobody", Scenario.Password);

        Assert.Equal(SignInStatus.Failed, result.Status);
        Assert.Null(result.Principal);
        var audit = Assert.Single(await SignInAuditAsync());
        Assert.Equal(AuditActions.SignInFailed, audit.Action);
        Assert.Contains("nobody", audit.Detail);
    }

    [Fact]
    public async Task A_disabled_account_is_refused_even_with_the_right_password_and_its_sessions_end()
    {
        var session = (await _s.Accounts.PasswordSignInAsync("staff1", Scenario.Password)).Principal!;
        await using (var db = _s.Context())
        {
            var account = await db.UserAccounts.SingleAsync(a => a.UserName == "staff1");
            account.IsDisabled = true;
            await db.SaveChangesAsync();
        }

        var result = await _s.Accounts.PasswordSignInAsync("staff1", Scenario.Password);

        Assert.Equal(SignInStatus.Disabled, result.Status);
        Assert.Null(result.Principal);
        Assert.False(await _s.Accounts.IsSessionValidAsync(session));
        Assert.Equal("账号已停用", (await SignInAuditAsync())[^1].Detail);
    }
}

public sealed class AccountServiceTestsOnSqlite() : AccountServiceTests(PortalDatabaseProvider.Sqlite);

public sealed class AccountServiceTestsOnPostgreSql() : AccountServiceTests(PortalDatabaseProvider.PostgreSQL);
