using System.Security.Claims;
using HomeVisit.Core.Audit;
using HomeVisit.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HomeVisit.Core.Accounts;

/// <summary>Who the provider says signed in, after the id_token (and userinfo) were checked.</summary>
public sealed record SsoIdentity(string Issuer, string Subject, string? StaffNumber, string? Name, IReadOnlyList<string> Groups);

public enum SsoOutcome
{
    Succeeded,
    /// <summary>The provider sent no staff number (claim missing: a configuration matter).</summary>
    MissingStaffNumber,
    /// <summary>No person with this staff number in the roster.</summary>
    UnknownPerson,
    /// <summary>The staff number belongs to people of several institutions and none is configured.</summary>
    AmbiguousPerson,
    /// <summary>The person is known but has no account, and accounts are not created on sign-in.</summary>
    NoAccount,
    /// <summary>The person's account is linked to another provider identity.</summary>
    LinkedToOther,
    Disabled,
    /// <summary>The sign-in at the provider or its answer failed (state, token, signature...); the reason says which.</summary>
    ProtocolError,
}

public sealed record SsoSignInResult(SsoOutcome Outcome, ClaimsPrincipal? Principal = null, int? AccountId = null, bool Linked = false, bool Created = false);

/// <summary>
/// Turns a verified campus identity into a portal sign-in: finds the account linked to the provider subject, or
/// matches the person by staff number and links (or creates) their account on the first sign-in; sets the roles the
/// institution's role mapping grants; audits every sign-in and every refusal with its reason.
/// </summary>
public sealed class SsoAccountService(IDbContextFactory<PortalDbContext> dbFactory, IOptions<SsoOptions> options, TimeProvider clock, AccountRoles known)
{
    private SsoOptions Options => options.Value;

    public async Task<SsoSignInResult> SignInAsync(SsoIdentity identity, CancellationToken ct = default)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await TrySignInAsync(identity, ct);
            }
            catch (DbUpdateException) when (attempt == 0)
            {
                // Two first sign-ins of the same person at once: the unique link index lets one win; the other
                // finds the linked account on its second try.
            }
        }
    }

    private async Task<SsoSignInResult> TrySignInAsync(SsoIdentity identity, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.Clock = clock;
        var who = Describe(identity);

        var account = await db.UserAccounts.FirstOrDefaultAsync(
            a => a.ExternalIssuer == identity.Issuer && a.ExternalSubject == identity.Subject, ct);
        bool linked = false, created = false;
        if (account is null)
        {
            var staffNumber = identity.StaffNumber?.Trim();
            if (string.IsNullOrEmpty(staffNumber))
                return await RefuseAsync(db, SsoOutcome.MissingStaffNumber, null, Options.InstitutionId, $"统一身份认证未提供工号（声明 {Options.StaffNumberClaim}）；{who}", ct);

            var people = db.People.Where(p => p.StaffNumber == staffNumber);
            if (Options.InstitutionId is int only) people = people.Where(p => p.InstitutionId == only);
            var matches = await people.Select(p => new { p.Id, p.InstitutionId, p.Name }).Take(2).ToListAsync(ct);
            if (matches.Count == 0)
                return await RefuseAsync(db, SsoOutcome.UnknownPerson, null, Options.InstitutionId, $"名单中没有该工号；{who}", ct);
            if (matches.Count > 1)
                return await RefuseAsync(db, SsoOutcome.AmbiguousPerson, null, Options.InstitutionId, $"多个单位有该工号，未配置 InstitutionId；{who}", ct);
            var person = matches[0];

            account = await db.UserAccounts.FirstOrDefaultAsync(a => a.PersonId == person.Id, ct);
            if (account is not null)
            {
                if (account.ExternalSubject is not null)
                    return await RefuseAsync(db, SsoOutcome.LinkedToOther, account.Id, account.InstitutionId,
                        $"该人员的账号已关联其他统一身份认证账号（{account.ExternalSubject}）；{who}", ct);
                account.ExternalIssuer = identity.Issuer;
                account.ExternalSubject = identity.Subject;
                linked = true;
            }
            else
            {
                if (!Options.CreateAccounts)
                    return await RefuseAsync(db, SsoOutcome.NoAccount, null, person.InstitutionId, $"该人员尚无平台账号；{who}", ct);
                account = new UserAccount
                {
                    InstitutionId = person.InstitutionId,
                    UserName = await FreeUserNameAsync(db, staffNumber, person.InstitutionId, ct),
                    DisplayName = person.Name,
                    PersonId = person.Id,
                    ExternalIssuer = identity.Issuer,
                    ExternalSubject = identity.Subject,
                };
                db.UserAccounts.Add(account);
                created = true;
            }
        }

        db.Actor = account.Id == 0 ? null : PortalUser.From(account);
        if (account.IsDisabled)
            return await RefuseAsync(db, SsoOutcome.Disabled, account.Id, account.InstitutionId, $"账号已停用；{who}", ct, keepChanges: false);

        var mapped = await MappedRolesAsync(db, account.InstitutionId, identity.Groups, ct);
        ApplyRoles(account, mapped);
        var now = clock.GetUtcNow().UtcDateTime;
        account.LastSignInAt = now;
        // The provider proved who this is: a lockout from wrong local passwords does not keep them out.
        account.AccessFailedCount = 0;
        account.LockoutEnd = null;
        await db.SaveChangesAsync(ct);

        db.Actor = PortalUser.From(account);
        var how = created ? "首次登录，已创建账号" : linked ? "首次登录，已关联账号" : "已关联账号";
        db.AuditEvent(AuditActions.SignIn, nameof(UserAccount), account.Id, $"统一身份认证登录（{how}）；{who}");
        await db.SaveChangesAsync(ct);
        return new SsoSignInResult(SsoOutcome.Succeeded, AccountService.CreatePrincipal(account), account.Id, linked, created);
    }

    /// <summary>
    /// Roles = the roles given in the portal (kept) plus the roles the mapping grants now; roles an earlier campus
    /// sign-in granted and the mapping no longer does are withdrawn. With no role at all the account is 职工.
    /// </summary>
    internal void ApplyRoles(UserAccount account, IReadOnlyCollection<string> mapped)
    {
        var previous = account.SsoRoles ?? [];
        var kept = account.Roles.Where(r => !previous.Contains(r)).ToList();
        var roles = kept.Union(mapped).ToList();
        var granted = mapped.Where(r => !kept.Contains(r)).ToList();
        if (roles.Count == 0)
        {
            roles = [Roles.Staff];
            granted = [Roles.Staff];
        }
        var changed = !account.Roles.Order().SequenceEqual(roles.Order());
        if (changed)
        {
            account.Roles = known.All.Where(roles.Contains).ToList();
            if (account.Id != 0) account.SecurityStamp = Guid.NewGuid().ToString("N"); // open sessions pick up the new roles
        }
        var grantedSorted = known.All.Where(granted.Contains).ToList();
        if (account.SsoRoles is null || !account.SsoRoles.SequenceEqual(grantedSorted)) account.SsoRoles = grantedSorted;
    }

    /// <summary>The portal roles the institution's mapping grants for these claim values (compared ignoring case).</summary>
    public async Task<IReadOnlyList<string>> MappedRolesAsync(PortalDbContext db, int institutionId, IReadOnlyList<string> groups, CancellationToken ct = default)
    {
        if (groups.Count == 0) return [];
        var wanted = groups.Select(g => g.Trim().ToLowerInvariant()).Where(g => g.Length > 0).ToHashSet(StringComparer.Ordinal);
        var rows = await db.SsoRoleMappings.AsNoTracking().Where(m => m.InstitutionId == institutionId)
            .Select(m => new { m.ClaimValue, m.Role }).ToListAsync(ct);
        return rows.Where(r => wanted.Contains(r.ClaimValue.ToLowerInvariant()) && known.IsKnown(r.Role))
            .Select(r => r.Role).Distinct().ToList();
    }

    /// <summary>
    /// The provider says this person's session there ended (OpenID Connect back-channel logout): every portal session
    /// of the linked account ends at its next request, because the cookie check compares the security stamp. That
    /// includes the account's sessions on other devices, which came from the same campus identity. False when no
    /// account is linked to this identity (nothing to end).
    /// </summary>
    public async Task<bool> EndSessionsAsync(string issuer, string subject, string? sessionId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.Clock = clock;
        var account = await db.UserAccounts.FirstOrDefaultAsync(a => a.ExternalIssuer == issuer && a.ExternalSubject == subject, ct);
        if (account is null) return false;
        db.Actor = PortalUser.From(account);
        account.SecurityStamp = Guid.NewGuid().ToString("N");
        db.AuditEvent(AuditActions.SignOut, nameof(UserAccount), account.Id,
            Truncate($"统一身份认证服务通知退出（后端通道），已结束该账号的全部会话；主体 {subject}，签发方 {issuer}" + (sessionId is null ? "" : $"，会话 {sessionId}")));
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>Audits a campus sign-in that failed before an identity could be matched (state, token, provider error).</summary>
    public async Task RecordFailureAsync(string reason, string? detail, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.Clock = clock;
        db.AuditEvent(AuditActions.SignInFailed, nameof(UserAccount), null,
            Truncate($"统一身份认证登录失败：{reason}" + (string.IsNullOrWhiteSpace(detail) ? "" : $"；{detail}")),
            Options.InstitutionId ?? 0);
        await db.SaveChangesAsync(ct);
    }

    private async Task<SsoSignInResult> RefuseAsync(PortalDbContext db, SsoOutcome outcome, int? accountId, int? institutionId, string detail,
        CancellationToken ct, bool keepChanges = false)
    {
        if (!keepChanges) db.ChangeTracker.Clear();
        db.AuditEvent(AuditActions.SignInFailed, nameof(UserAccount), accountId, Truncate($"统一身份认证登录被拒绝：{detail}"), institutionId ?? 0);
        await db.SaveChangesAsync(ct);
        return new SsoSignInResult(outcome, AccountId: accountId);
    }

    /// <summary>The staff number as user name, made unique when another institution (or a local name) has it.</summary>
    private static async Task<string> FreeUserNameAsync(PortalDbContext db, string staffNumber, int institutionId, CancellationToken ct)
    {
        var stem = staffNumber.Length > 80 ? staffNumber[..80] : staffNumber;
        string[] candidates = [stem, $"{stem}-{institutionId}"];
        foreach (var name in candidates)
            if (!await db.UserAccounts.AnyAsync(a => a.NormalizedUserName == UserAccount.NormalizeUserName(name), ct)) return name;
        for (var i = 2; ; i++)
        {
            var name = $"{stem}-{institutionId}-{i}";
            if (!await db.UserAccounts.AnyAsync(a => a.NormalizedUserName == UserAccount.NormalizeUserName(name), ct)) return name;
        }
    }

    private static string Describe(SsoIdentity id) =>
        $"工号 {id.StaffNumber ?? "（无）"}，姓名 {id.Name ?? "（无）"}，主体 {id.Subject}，签发方 {id.Issuer}";

    private static string Truncate(string s) => s.Length > 1000 ? s[..1000] : s;
}
