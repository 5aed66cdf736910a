using HomeVisit.Core.Accounts;
using HomeVisit.Core.Audit;
using HomeVisit.Core.Data;
using HomeVisit.Tests.Services;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HomeVisit.Tests.Sso;

/// <summary>Matching a verified campus identity to a person and account, and the roles the mapping grants (core, real SQLite).</summary>
public sealed class SsoAccountServiceTests : IDisposable
{
    private const string Issuer = "https://sso.example.edu";
    private readonly Scenario _s = new();
    private readonly SsoOptions _options = new() { Authority = Issuer, ClientId = "portal" };
    private readonly SsoAccountService _sso;

    public SsoAccountServiceTests() => _sso = new SsoAccountService(_s.Db.Factory, Options.Create(_options), _s.Clock, new AccountRoles(HomeVisit.Portal.Programmes.ProgrammesServiceCollectionExtensions.Modules));

    public void Dispose() => _s.Dispose();

    private static SsoIdentity Id(string subject, string? staffNumber, params string[] groups) => new(Issuer, subject, staffNumber, "某人", groups);

    private Task<UserAccount> AccountAsync(int id) => _s.ReadAsync(db => db.UserAccounts.AsNoTracking().SingleAsync(a => a.Id == id));

    private Task<List<AuditEntry>> AuditAsync(string action) =>
        _s.ReadAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.Action == action).OrderBy(e => e.Id).ToListAsync());

    private async Task MapAsync(int institution, string value, string role)
    {
        await using var db = _s.Context();
        db.SsoRoleMappings.Add(new SsoRoleMapping { InstitutionId = institution, ClaimValue = value, Role = role });
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task The_first_sign_in_links_the_persons_account_and_later_ones_find_it_by_subject()
    {
        await using (var db = _s.Context())
        {
            var staff1 = await db.UserAccounts.SingleAsync(a => a.Id == _s.Staff1.UserId);
            staff1.AccessFailedCount = 3;
            staff1.LockoutEnd = _s.Clock.GetUtcNow().UtcDateTime.AddMinutes(10);
            await db.SaveChangesAsync();
        }

        var first = await _sso.SignInAsync(Id("zhang@sso", "S001"));

        Assert.Equal(SsoOutcome.Succeeded, first.Outcome);
        Assert.True(first.Linked);
        Assert.Equal(_s.Staff1.UserId, first.AccountId);
        Assert.Equal(_s.StaffOne.Id, PortalUser.FromPrincipal(first.Principal)!.PersonId);
        var account = await AccountAsync(_s.Staff1.UserId);
        Assert.Equal((Issuer, "zhang@sso"), (account.ExternalIssuer, account.ExternalSubject));
        Assert.Equal([Roles.Staff], account.Roles);
        Assert.Null(account.LockoutEnd); // the provider proved who this is
        Assert.Equal(_s.Clock.GetUtcNow().UtcDateTime, account.LastSignInAt);
        var signIn = Assert.Single(await AuditAsync(AuditActions.SignIn));
        Assert.Equal(_s.InstitutionA, signIn.InstitutionId);
        Assert.Equal("staff1", signIn.UserName);
        Assert.Contains("首次登录，已关联账号", signIn.Detail);

        var second = await _sso.SignInAsync(Id("zhang@sso", "S999-renumbered"));
        Assert.Equal(SsoOutcome.Succeeded, second.Outcome);
        Assert.False(second.Linked);
        Assert.Equal(_s.Staff1.UserId, second.AccountId);
    }

    [Fact]
    public async Task A_known_person_without_an_account_gets_one_named_by_staff_number()
    {
        await using (var db = _s.Context())
        {
            // A local account already uses the name "T002".
            db.UserAccounts.Add(new UserAccount { InstitutionId = _s.InstitutionB, UserName = "T002", DisplayName = "别人", Roles = [Roles.Staff] });
            await db.SaveChangesAsync();
        }

        var t1 = await _sso.SignInAsync(Id("t1@sso", "T001"));
        var t2 = await _sso.SignInAsync(Id("t2@sso", "T002"));

        Assert.True(t1.Created);
        var a1 = await AccountAsync(t1.AccountId!.Value);
        Assert.Equal(("T001", "教师01", _s.InstitutionA), (a1.UserName, a1.DisplayName, a1.InstitutionId));
        Assert.Equal([Roles.Staff], a1.Roles);
        Assert.Null(a1.PasswordHash);
        Assert.Equal($"T002-{_s.InstitutionA}", (await AccountAsync(t2.AccountId!.Value)).UserName);
        // The creation itself is in the audit log.
        Assert.Contains(await AuditAsync(AuditActions.Create), e => e.EntityType == nameof(UserAccount) && e.EntityId == a1.Id.ToString());
    }

    [Fact]
    public async Task Without_automatic_accounts_a_known_person_without_one_is_told_so()
    {
        _options.CreateAccounts = false;

        var result = await _sso.SignInAsync(Id("t3@sso", "T003"));

        Assert.Equal(SsoOutcome.NoAccount, result.Outcome);
        Assert.False(await _s.ReadAsync(db => db.UserAccounts.AnyAsync(a => a.UserName == "T003")));
    }

    [Fact]
    public async Task Unknown_and_missing_staff_numbers_are_refused_and_audited()
    {
        var accounts = await _s.ReadAsync(db => db.UserAccounts.CountAsync());
        Assert.Equal(SsoOutcome.UnknownPerson, (await _sso.SignInAsync(Id("x@sso", "NOPE-1"))).Outcome);
        Assert.Equal(SsoOutcome.MissingStaffNumber, (await _sso.SignInAsync(Id("y@sso", "  "))).Outcome);

        var failures = await AuditAsync(AuditActions.SignInFailed);
        Assert.Equal(2, failures.Count);
        Assert.Contains("名单中没有该工号", failures[0].Detail);
        Assert.Contains("NOPE-1", failures[0].Detail);
        Assert.Contains("未提供工号", failures[1].Detail);
        Assert.Equal(accounts, await _s.ReadAsync(db => db.UserAccounts.CountAsync()));
    }

    [Fact]
    public async Task A_staff_number_in_two_institutions_needs_the_institution_configured()
    {
        // L001 is 李院长 in A and 乙县干部 in B.
        Assert.Equal(SsoOutcome.AmbiguousPerson, (await _sso.SignInAsync(Id("l@sso", "L001"))).Outcome);

        _options.InstitutionId = _s.InstitutionB;
        var result = await _sso.SignInAsync(Id("l@sso", "L001"));

        Assert.Equal(SsoOutcome.Succeeded, result.Outcome);
        Assert.Equal(_s.LeaderB.UserId, result.AccountId);
        // With the institution configured, refusals are logged where its admins read the audit log.
        await _sso.SignInAsync(Id("q@sso", "NOPE-2"));
        Assert.Equal([0, _s.InstitutionB], (await AuditAsync(AuditActions.SignInFailed)).Select(e => e.InstitutionId));
    }

    [Fact]
    public async Task A_disabled_account_is_refused_and_not_linked()
    {
        await using (var db = _s.Context())
        {
            (await db.UserAccounts.SingleAsync(a => a.Id == _s.Leader2.UserId)).IsDisabled = true;
            await db.SaveChangesAsync();
        }

        var result = await _sso.SignInAsync(Id("wang@sso", "L002"));

        Assert.Equal(SsoOutcome.Disabled, result.Outcome);
        Assert.Null((await AccountAsync(_s.Leader2.UserId)).ExternalSubject);
        Assert.Contains("账号已停用", Assert.Single(await AuditAsync(AuditActions.SignInFailed)).Detail);
    }

    [Fact]
    public async Task An_account_linked_to_another_provider_identity_is_not_taken_over()
    {
        Assert.Equal(SsoOutcome.Succeeded, (await _sso.SignInAsync(Id("zhang-old@sso", "S001"))).Outcome);

        var result = await _sso.SignInAsync(Id("zhang-new@sso", "S001"));

        Assert.Equal(SsoOutcome.LinkedToOther, result.Outcome);
        Assert.Equal("zhang-old@sso", (await AccountAsync(_s.Staff1.UserId)).ExternalSubject);
    }

    [Fact]
    public async Task Mapped_roles_are_added_to_the_portal_roles_and_withdrawn_with_the_group()
    {
        await MapAsync(_s.InstitutionA, "cn=jiwei,ou=groups", Roles.DisciplineOffice);
        await MapAsync(_s.InstitutionA, "/staff/leaders", Roles.Leader);
        await MapAsync(_s.InstitutionB, "/staff/admins", Roles.SystemAdmin); // another institution's mapping

        // leader1 has Leader from the portal; the groups add 纪检监察 (compared ignoring case), not B's admin role.
        _options.InstitutionId = _s.InstitutionA;
        var signedIn = await _sso.SignInAsync(Id("li@sso", "L001", "CN=Jiwei,OU=Groups", "/staff/leaders", "/staff/admins"));
        Assert.Equal(SsoOutcome.Succeeded, signedIn.Outcome);
        var account = await AccountAsync(_s.Leader1.UserId);
        Assert.Equal([Roles.Leader, Roles.DisciplineOffice], account.Roles);
        Assert.Equal([Roles.DisciplineOffice], account.SsoRoles); // Leader was the portal's already
        Assert.True(PortalUser.FromPrincipal(signedIn.Principal)!.Roles.SetEquals([Roles.Leader, Roles.DisciplineOffice]));
        var stamp = account.SecurityStamp;

        // The discipline group goes: that role goes, the portal's own stays; open sessions end (new stamp).
        await _sso.SignInAsync(Id("li@sso", "L001", "/staff/leaders"));
        account = await AccountAsync(_s.Leader1.UserId);
        Assert.Equal([Roles.Leader], account.Roles);
        Assert.Empty(account.SsoRoles!);
        Assert.NotEqual(stamp, account.SecurityStamp);
        stamp = account.SecurityStamp;

        // Nothing changed: the stamp stays, so other sessions carry on.
        await _sso.SignInAsync(Id("li@sso", "L001", "/staff/leaders"));
        Assert.Equal(stamp, (await AccountAsync(_s.Leader1.UserId)).SecurityStamp);
    }

    [Fact]
    public async Task An_account_left_without_roles_is_staff()
    {
        await MapAsync(_s.InstitutionA, "teachers", Roles.Liaison);
        var created = await _sso.SignInAsync(Id("t5@sso", "T005", "teachers"));
        Assert.Equal([Roles.Liaison], (await AccountAsync(created.AccountId!.Value)).Roles);

        await _sso.SignInAsync(Id("t5@sso", "T005"));

        var account = await AccountAsync(created.AccountId!.Value);
        Assert.Equal([Roles.Staff], account.Roles);
        Assert.Equal([Roles.Staff], account.SsoRoles); // given by SSO as the default, so a mapped role replaces it later
        await _sso.SignInAsync(Id("t5@sso", "T005", "teachers"));
        Assert.Equal([Roles.Liaison], (await AccountAsync(created.AccountId!.Value)).Roles);
    }

    [Fact]
    public async Task A_failure_before_matching_is_audited_with_its_reason()
    {
        await _sso.RecordFailureAsync("id_token 签名无效", "IDX10511");

        var entry = Assert.Single(await AuditAsync(AuditActions.SignInFailed));
        Assert.Equal("统一身份认证登录失败：id_token 签名无效；IDX10511", entry.Detail);
    }
}
