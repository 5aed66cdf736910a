using HomeVisit.Core.Access;
using HomeVisit.Core.Accounts;
using HomeVisit.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace HomeVisit.Programmes.Ganbu;

/// <summary>
/// Days to resolve a request, per tier and institution. Defaults 15 (普通), 10 (特别困难), 7 (特别重大): the seed says
/// "按时限" without numbers, and the heavier the difficulty the sooner it should be met. A change applies to requests
/// assigned from then on; deadlines already set stay.
/// </summary>
public sealed class GanbuSettingsService(IDbContextFactory<PortalDbContext> dbFactory, ProgrammeAccess access, TimeProvider clock)
{
    public const int MaxDays = 90;

    internal static async Task<GanbuSettings> ForAsync(PortalDbContext db, int institutionId, CancellationToken ct) =>
        await db.Set<GanbuSettings>().AsNoTracking().FirstOrDefaultAsync(s => s.InstitutionId == institutionId, ct)
        ?? new GanbuSettings { InstitutionId = institutionId };

    public async Task<GanbuDeadlinesEdit> GetDeadlinesAsync(PortalUser user, CancellationToken ct = default)
    {
        await access.EnsureAsync(user, GanbuAccess.ProgrammeKey);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var s = await ForAsync(db, user.InstitutionId, ct);
        return new GanbuDeadlinesEdit
        {
            Version = s.Version, OrdinaryDays = s.OrdinaryDays, SpecialDays = s.SpecialDays, MajorDays = s.MajorDays,
            UpdatedAt = s.Id == 0 ? null : s.UpdatedAt,
        };
    }

    public async Task SaveDeadlinesAsync(PortalUser user, GanbuDeadlinesEdit edit, CancellationToken ct = default)
    {
        await access.EnsureAsync(user, GanbuAccess.ProgrammeKey);
        if (!GanbuAccess.Administers(user)) throw new AccessDeniedException("只有系统管理员和项目管理员可以修改办理时限。");
        var v = new Validator();
        foreach (var (field, days, label) in new[]
                 {
                     (nameof(edit.OrdinaryDays), edit.OrdinaryDays, "普通困难诉求"), (nameof(edit.SpecialDays), edit.SpecialDays, "特别困难诉求"),
                     (nameof(edit.MajorDays), edit.MajorDays, "特别重大困难诉求"),
                 })
            v.Check(days is >= 1 and <= MaxDays, field, $"{label}的办理时限应在 1 到 {MaxDays} 天之间。");
        v.ThrowIfInvalid();

        await using var db = await dbFactory.CreateForAsync(user, clock, ct);
        var row = await db.Set<GanbuSettings>().FirstOrDefaultAsync(s => s.InstitutionId == user.InstitutionId, ct);
        if (row is null)
        {
            row = new GanbuSettings { InstitutionId = user.InstitutionId };
            db.Set<GanbuSettings>().Add(row);
        }
        else
        {
            db.Entry(row).Property(x => x.Version).OriginalValue = edit.Version;
        }
        row.OrdinaryDays = edit.OrdinaryDays;
        row.SpecialDays = edit.SpecialDays;
        row.MajorDays = edit.MajorDays;
        row.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        row.UpdatedByUserId = user.UserId;
        try
        {
            await db.SaveOrConflictAsync(ct);
        }
        catch (DbUpdateException) when (edit.Version == 0)
        {
            // Two first saves at once: the unique institution index refused the second.
            throw new ConcurrencyConflictException();
        }
    }
}
