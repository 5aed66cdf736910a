using System.Security.Claims;
using System.Security.Cryptography;
using HomeVisit.Core.Audit;
using HomeVisit.Core.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HomeVisit.Core.Accounts;

public sealed class AccountOptions
{
    public const string Section = "Accounts";
    /// <summary>Failed passwords in a row before the account is locked.</summary>
    public int MaxFailedAttempts { get; set; } = 5;
    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);
    /// <summary>Signed out after this long without activity.</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(30);
    /// <summary>How often a live page (Blazor circuit) checks that its session still stands.</summary>
    public TimeSpan RevalidationInterval { get; set; } = TimeSpan.FromMinutes(1);
}

public enum SignInStatus
{
    Succeeded,
    Failed,
    LockedOut,
    Disabled,
}

public sealed record SignInResult(SignInStatus Status, ClaimsPrincipal? Principal = null, DateTime? LockedUntil = null);

public sealed class AccountService(
    IDbContextFactory<PortalDbContext> dbFactory, IOptions<AccountOptions> options, TimeProvider clock)
{
    private readonly PasswordHasher<UserAccount> _hasher = new();

    public async Task<SignInResult> PasswordSignInAsync(string? userName, string? password, CancellationToken ct = default)
    {
        var name = userName?.Trim() ?? "";
        var normalized = UserAccount.NormalizeUserName(name);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.Clock = clock;
        var account = await db.UserAccounts.AsNoTracking().FirstOrDefaultAsync(a => a.NormalizedUserName == normalized, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        if (account is null || account.PasswordHash is null)
        {
            // Run the hasher anyway so a missing account takes as long as a wrong password.
            _hasher.VerifyHashedPassword(Dummy, DummyHash, password ?? "");
            db.AuditEvent(AuditActions.SignInFailed, nameof(UserAccount), null, $"未知用户名 {Truncate(name)}", 0);
            await db.SaveChangesAsync(ct);
            return new SignInResult(SignInStatus.Failed);
        }

        db.Actor = PortalUser.From(account);
        if (account.IsDisabled) return await Refuse(SignInStatus.Disabled, "账号已停用");
        if (account.LockoutEnd > now) return await Refuse(SignInStatus.LockedOut, "账号已锁定");

        var verdict = _hasher.VerifyHashedPassword(account, account.PasswordHash, password ?? "");
        if (verdict == PasswordVerificationResult.Failed)
        {
            // Counted in one UPDATE, not read-modify-write: simultaneous wrong passwords each add one, the one that
            // reaches the limit locks (every right-hand side sees the row as it was), and nothing counts while locked.
            var max = options.Value.MaxFailedAttempts;
            DateTime? until = now + options.Value.LockoutDuration;
            await db.UserAccounts
                .Where(a => a.Id == account.Id && (a.LockoutEnd == null || a.LockoutEnd <= now))
                .ExecuteUpdateAsync(s => s
                    .SetProperty(a => a.LockoutEnd, a => a.AccessFailedCount + 1 >= max ? until : a.LockoutEnd)
                    .SetProperty(a => a.AccessFailedCount, a => a.AccessFailedCount + 1 >= max ? 0 : a.AccessFailedCount + 1), ct);
            account.LockoutEnd = await db.UserAccounts.Where(a => a.Id == account.Id).Select(a => a.LockoutEnd).FirstAsync(ct);
            return account.LockoutEnd > now
                ? await Refuse(SignInStatus.LockedOut, "密码连续错误，账号锁定")
                : await Refuse(SignInStatus.Failed, "密码错误");
        }

        // One conditional UPDATE again: a lockout or disabling that happened since the read above wins, and two
        // simultaneous right passwords both succeed (no version check between them to fail on).
        var rehash = verdict == PasswordVerificationResult.SuccessRehashNeeded ? _hasher.HashPassword(account, password!) : null;
        var updated = await db.UserAccounts
            .Where(a => a.Id == account.Id && !a.IsDisabled && (a.LockoutEnd == null || a.LockoutEnd <= now))
            .ExecuteUpdateAsync(s =>
            {
                s.SetProperty(a => a.AccessFailedCount, 0).SetProperty(a => a.LockoutEnd, (DateTime?)null).SetProperty(a => a.LastSignInAt, now);
                if (rehash is not null) s.SetProperty(a => a.PasswordHash, rehash);
            }, ct);
        if (updated == 0)
        {
            var current = await db.UserAccounts.AsNoTracking().FirstAsync(a => a.Id == account.Id, ct);
            account.LockoutEnd = current.LockoutEnd;
            return current.IsDisabled
                ? await Refuse(SignInStatus.Disabled, "账号已停用")
                : await Refuse(SignInStatus.LockedOut, "账号已锁定");
        }
        db.AuditEvent(AuditActions.SignIn, nameof(UserAccount), account.Id);
        await db.SaveChangesAsync(ct);
        return new SignInResult(SignInStatus.Succeeded, CreatePrincipal(account));

        async Task<SignInResult> Refuse(SignInStatus status, string why)
        {
            db.AuditEvent(AuditActions.SignInFailed, nameof(UserAccount), account.Id, why);
            await db.SaveChangesAsync(ct);
            return new SignInResult(status, LockedUntil: account.LockoutEnd);
        }
    }

    public static ClaimsPrincipal CreatePrincipal(UserAccount account)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, account.Id.ToString()),
            new(ClaimTypes.Name, account.UserName),
            new(ClaimTypes.GivenName, account.DisplayName),
            new(PortalUser.InstitutionClaim, account.InstitutionId.ToString()),
            new(PortalUser.SecurityStampClaim, account.SecurityStamp),
        };
        if (account.PersonId is int personId) claims.Add(new Claim(PortalUser.PersonClaim, personId.ToString()));
        claims.AddRange(account.Roles.Select(r => new Claim(ClaimTypes.Role, r)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, "Portal", ClaimTypes.Name, ClaimTypes.Role));
    }

    /// <summary>
    /// A session stays valid while the account is active (exists, enabled, not locked), its security stamp unchanged
    /// and, for a principal that names a server-side session (every cookie does), that session not ended. One query,
    /// cheap enough for every request. <paramref name="requireSession"/>: a principal without a session is refused
    /// (the cookie check), rather than judged by the account alone (a principal fresh from a service sign-in).
    /// </summary>
    public async Task<bool> IsSessionValidAsync(ClaimsPrincipal principal, CancellationToken ct = default, bool requireSession = false)
    {
        if (!int.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var id)) return false;
        var stamp = principal.FindFirstValue(PortalUser.SecurityStampClaim);
        var sid = principal.FindFirstValue(PortalUser.SessionClaim);
        if (sid is null && requireSession) return false;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        return await db.UserAccounts.AnyAsync(a => a.Id == id && a.SecurityStamp == stamp && !a.IsDisabled &&
                                                   (a.LockoutEnd == null || a.LockoutEnd <= now) &&
                                                   (sid == null || db.UserSessions.Any(s => s.Id == sid && s.UserId == id && s.EndedAt == null)), ct);
    }

    /// <summary>
    /// Opens a server-side session for a principal about to be written into the cookie and returns the principal that
    /// names it. Called for every cookie sign-in (password, campus SSO, re-issue after a password change); a session
    /// the browser had before is ended (replaced).
    /// </summary>
    public async Task<ClaimsPrincipal> StartSessionAsync(ClaimsPrincipal principal, CancellationToken ct = default)
    {
        if (!int.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var userId)) return principal;
        var now = clock.GetUtcNow().UtcDateTime;
        var session = new UserSession { Id = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)), UserId = userId, CreatedAt = now };
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (principal.FindFirstValue(PortalUser.SessionClaim) is { } previous)
            await EndAsync(db, previous, "replaced", now, ct);
        // Ended rows are kept a day for investigation; a session cannot outlive its cookie, which slides with the
        // idle timeout, so a month-old open row belongs to a browser that was closed without signing out.
        var ended = now.AddDays(-1);
        var stale = now.AddDays(-30);
        await db.UserSessions.Where(s => s.UserId == userId && (s.EndedAt < ended || s.CreatedAt < stale)).ExecuteDeleteAsync(ct);
        db.UserSessions.Add(session);
        await db.SaveChangesAsync(ct);

        var identity = new ClaimsIdentity(principal.Claims.Where(c => c.Type != PortalUser.SessionClaim),
            principal.Identity?.AuthenticationType ?? "Portal", ClaimTypes.Name, ClaimTypes.Role);
        identity.AddClaim(new Claim(PortalUser.SessionClaim, session.Id));
        return new ClaimsPrincipal(identity);
    }

    /// <summary>
    /// Ends the principal's server-side session: its cookie, and every copy of it, is refused from the next request
    /// on and a live page leaves at its next revalidation. The user's other sessions carry on.
    /// </summary>
    public async Task EndSessionAsync(ClaimsPrincipal principal, string reason, CancellationToken ct = default)
    {
        if (principal.FindFirstValue(PortalUser.SessionClaim) is not { } sid) return;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await EndAsync(db, sid, reason, clock.GetUtcNow().UtcDateTime, ct);
    }

    private static Task<int> EndAsync(PortalDbContext db, string sid, string reason, DateTime now, CancellationToken ct) =>
        db.UserSessions.Where(s => s.Id == sid && s.EndedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.EndedAt, now).SetProperty(x => x.EndReason, reason), ct);

    public async Task RecordSignOutAsync(PortalUser user, string? detail = null, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateForAsync(user, clock, ct);
        db.AuditEvent(AuditActions.SignOut, nameof(UserAccount), user.UserId, detail);
        await db.SaveChangesAsync(ct);
    }

    public string HashPassword(UserAccount account, string password) => _hasher.HashPassword(account, password);

    /// <summary>Accounts created by campus SSO have no local password to change.</summary>
    public async Task<bool> HasPasswordAsync(int userId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.UserAccounts.AnyAsync(a => a.Id == userId && a.PasswordHash != null, ct);
    }

    /// <summary>A user changes their own password; the current one is required.</summary>
    public async Task ChangePasswordAsync(PortalUser user, string? current, string? next, string? confirm, CancellationToken ct = default)
    {
        var v = new Validator()
            .Require("Current", current, "当前密码")
            .Require("New", next, "新密码")
            .Check(next == confirm, "Confirm", "两次输入的新密码不一致。");
        await using var db = await dbFactory.CreateForAsync(user, clock, ct);
        if (!string.IsNullOrEmpty(next) && (await PasswordPolicy.ForAsync(db, user.InstitutionId, ct)).Check(next, "新密码") is { } weak)
            v.Check(false, "New", weak);
        v.ThrowIfInvalid();
        var account = await db.UserAccounts.FirstOrDefaultAsync(a => a.Id == user.UserId, ct) ?? throw new NotFoundException();
        if (account.PasswordHash is null || _hasher.VerifyHashedPassword(account, account.PasswordHash, current!) == PasswordVerificationResult.Failed)
            throw new PortalValidationException("Current", "当前密码不正确。");
        account.PasswordHash = _hasher.HashPassword(account, next!);
        account.SecurityStamp = Guid.NewGuid().ToString("N");
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The principal for an account after its stamp changed (e.g. own password change), to re-issue the cookie.</summary>
    public async Task<ClaimsPrincipal?> RefreshPrincipalAsync(int userId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var account = await db.UserAccounts.AsNoTracking().FirstOrDefaultAsync(a => a.Id == userId && !a.IsDisabled, ct);
        return account is null ? null : CreatePrincipal(account);
    }

    private static string Truncate(string s) => s.Length > 50 ? s[..50] : s;

    private static readonly UserAccount Dummy = new() { UserName = "", DisplayName = "" };
    private static readonly string DummyHash = new PasswordHasher<UserAccount>().HashPassword(Dummy, Guid.NewGuid().ToString());
}
