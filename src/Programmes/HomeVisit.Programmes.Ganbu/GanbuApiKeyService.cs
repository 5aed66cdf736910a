using HomeVisit.Core.Access;
using System.Security.Cryptography;
using System.Text;
using HomeVisit.Core.Accounts;
using HomeVisit.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace HomeVisit.Programmes.Ganbu;

/// <summary>
/// Keys for the intake API (<c>POST /api/ganbu/requests</c>), one or more per institution, named after the client that
/// uses them. A key is <c>hvg_</c> + a 10-character lookup prefix + <c>_</c> + 32 random bytes (base64url); only its SHA-256
/// hash is stored, so it is shown once, when created. Revoked keys stay listed and never work again.
/// </summary>
public sealed class GanbuApiKeyService(IDbContextFactory<PortalDbContext> dbFactory, ProgrammeAccess access, TimeProvider clock)
{
    public const string KeyStart = "hvg_";
    private const int PrefixLength = 10;
    private const string PrefixAlphabet = "abcdefghijkmnpqrstuvwxyz23456789";

    public async Task<IReadOnlyList<GanbuApiKeyView>> ListAsync(PortalUser user, CancellationToken ct = default)
    {
        await access.EnsureAsync(user, GanbuAccess.ProgrammeKey);
        EnsureAdmin(user);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<GanbuApiKey>().AsNoTracking().Where(k => k.InstitutionId == user.InstitutionId)
            .OrderBy(k => k.RevokedAt != null).ThenByDescending(k => k.CreatedAt)
            .Select(k => new GanbuApiKeyView(k.Id, k.Version, k.Name, k.Prefix, k.CreatedAt,
                db.UserAccounts.Where(a => a.Id == k.CreatedByUserId).Select(a => a.DisplayName).FirstOrDefault(),
                k.RevokedAt, k.LastUsedAt))
            .ToListAsync(ct);
    }

    /// <summary>Creates a key; the returned <see cref="GanbuNewApiKey.PlainKey"/> is never stored and cannot be shown again.</summary>
    public async Task<GanbuNewApiKey> CreateAsync(PortalUser user, string? name, CancellationToken ct = default)
    {
        await access.EnsureAsync(user, GanbuAccess.ProgrammeKey);
        EnsureAdmin(user);
        var clean = name?.Trim();
        new Validator().Require("Name", clean, "密钥名称").MaxLength("Name", clean, 100, "密钥名称").ThrowIfInvalid();
        await using var db = await dbFactory.CreateForAsync(user, clock, ct);
        if (await db.Set<GanbuApiKey>().AnyAsync(k => k.InstitutionId == user.InstitutionId && k.Name == clean && k.RevokedAt == null, ct))
            throw new PortalValidationException("Name", "已有同名的有效密钥，请换一个名称。");

        var prefix = RandomPrefix();
        var plain = $"{KeyStart}{prefix}_{Base64Url(RandomNumberGenerator.GetBytes(32))}";
        var key = new GanbuApiKey
        {
            InstitutionId = user.InstitutionId, Name = clean!, Prefix = prefix, KeyHash = Hash(plain),
            CreatedAt = clock.GetUtcNow().UtcDateTime, CreatedByUserId = user.UserId,
        };
        db.Set<GanbuApiKey>().Add(key);
        await db.SaveChangesAsync(ct);
        return new GanbuNewApiKey(new GanbuApiKeyView(key.Id, key.Version, key.Name, key.Prefix, key.CreatedAt, user.DisplayName, null, null), plain);
    }

    public async Task RevokeAsync(PortalUser user, int id, long version, CancellationToken ct = default)
    {
        await access.EnsureAsync(user, GanbuAccess.ProgrammeKey);
        EnsureAdmin(user);
        await using var db = await dbFactory.CreateForAsync(user, clock, ct);
        var key = await db.Set<GanbuApiKey>().FirstOrDefaultAsync(k => k.Id == id && k.InstitutionId == user.InstitutionId, ct)
                  ?? throw new NotFoundException();
        if (key.RevokedAt is not null) throw new PortalValidationException("Status", "该密钥已停用。");
        db.Entry(key).Property(k => k.Version).OriginalValue = version;
        key.RevokedAt = clock.GetUtcNow().UtcDateTime;
        key.RevokedByUserId = user.UserId;
        await db.SaveOrConflictAsync(ct);
    }

    /// <summary>The caller a presented key belongs to; null for a malformed, unknown or revoked key.</summary>
    public async Task<GanbuApiCaller?> AuthenticateAsync(string? presented, CancellationToken ct = default)
    {
        if (presented is null || presented.Length > 200 || !presented.StartsWith(KeyStart, StringComparison.Ordinal) ||
            presented.Length < KeyStart.Length + PrefixLength + 2 || presented[KeyStart.Length + PrefixLength] != '_')
            return null;
        var prefix = presented.Substring(KeyStart.Length, PrefixLength);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var key = await db.Set<GanbuApiKey>().AsNoTracking().FirstOrDefaultAsync(k => k.Prefix == prefix, ct);
        if (key is null || key.RevokedAt is not null) return null;
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(presented)), Encoding.ASCII.GetBytes(key.KeyHash))) return null;

        // When it was last used, at most once a minute; not audited (it is not a change anyone made).
        var now = clock.GetUtcNow().UtcDateTime;
        if (key.LastUsedAt is null || key.LastUsedAt < now.AddMinutes(-1))
            await db.Set<GanbuApiKey>().Where(k => k.Id == key.Id).ExecuteUpdateAsync(s => s.SetProperty(k => k.LastUsedAt, now), ct);
        return new GanbuApiCaller(key.Id, key.InstitutionId, key.Name);
    }

    internal static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    private static string RandomPrefix()
    {
        var bytes = RandomNumberGenerator.GetBytes(PrefixLength);
        return new string(bytes.Select(b => PrefixAlphabet[b % PrefixAlphabet.Length]).ToArray());
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static void EnsureAdmin(PortalUser user)
    {
        if (!GanbuAccess.Administers(user)) throw new AccessDeniedException("只有系统管理员和项目管理员可以管理接口密钥。");
    }
}
