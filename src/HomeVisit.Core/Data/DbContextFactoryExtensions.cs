using HomeVisit.Core.Accounts;
using Microsoft.EntityFrameworkCore;

namespace HomeVisit.Core.Data;

public static class DbContextFactoryExtensions
{
    /// <summary>A unit of work on behalf of a user: their changes and audited reads carry their name.</summary>
    public static async Task<PortalDbContext> CreateForAsync(
        this IDbContextFactory<PortalDbContext> factory, PortalUser actor, TimeProvider clock, CancellationToken ct = default)
    {
        var db = await factory.CreateDbContextAsync(ct);
        db.Actor = actor;
        db.Clock = clock;
        return db;
    }

    /// <summary>Saves, turning EF's concurrency failure into the portal's "someone else changed it" message.</summary>
    public static async Task SaveOrConflictAsync(this PortalDbContext db, CancellationToken ct = default)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConcurrencyConflictException();
        }
    }
}
