using HomeVisit.Core.Audit;
using HomeVisit.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HomeVisit.Core.Accounts;

/// <summary>The answer to a password sign-in, and whether the sign-in policy (SSO for everyone but admins) refused it.</summary>
public sealed record LocalSignInResult(SignInResult Result, bool RefusedByPolicy);

/// <summary>
/// Password sign-in under the sign-in policy: with campus SSO configured and <c>Authentication:Local:AdminsOnly</c>,
/// only system admins may use a password (so a provider outage locks no one out of the settings); everyone else is
/// sent to 统一身份认证. Without SSO every account may use its password.
/// </summary>
public sealed class SsoLocalSignIn(
    AccountService accounts, IDbContextFactory<PortalDbContext> dbFactory,
    IOptions<SsoOptions> sso, IOptions<LocalSignInOptions> local, TimeProvider clock)
{
    /// <summary>Only admins may sign in with a password (and only while some campus sign-in exists for the others).</summary>
    public bool AdminsOnly => sso.Value.AnyEnabled && local.Value.AdminsOnly;

    public async Task<LocalSignInResult> PasswordSignInAsync(string? userName, string? password, CancellationToken ct = default)
    {
        if (!AdminsOnly) return new LocalSignInResult(await accounts.PasswordSignInAsync(userName, password, ct), false);

        var name = userName?.Trim() ?? "";
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var normalized = UserAccount.NormalizeUserName(name);
            var account = await db.UserAccounts.AsNoTracking().FirstOrDefaultAsync(a => a.NormalizedUserName == normalized, ct);
            // The same answer for an unknown name and a non-admin, so the policy tells nothing about who has an account.
            if (account is null || !account.Roles.Contains(Roles.SystemAdmin))
            {
                db.Clock = clock;
                db.AuditEvent(AuditActions.SignInFailed, nameof(UserAccount), account?.Id,
                    $"本地账号登录仅限系统管理员：{(name.Length > 50 ? name[..50] : name)}", account?.InstitutionId ?? sso.Value.InstitutionId ?? 0);
                await db.SaveChangesAsync(ct);
                return new LocalSignInResult(new SignInResult(SignInStatus.Failed), true);
            }
        }
        return new LocalSignInResult(await accounts.PasswordSignInAsync(userName, password, ct), false);
    }
}
