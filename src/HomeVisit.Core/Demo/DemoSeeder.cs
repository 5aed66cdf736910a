using HomeVisit.Core.Data;
using HomeVisit.Core.Institutions;
using Microsoft.EntityFrameworkCore;

namespace HomeVisit.Core.Demo;

/// <summary>
/// Fills an empty database with one demo university: organisation tree, ~150 staff with families,
/// leadership, the <see cref="DemoAccounts"/> sign-ins, and a few visits and follow-up items around
/// today. Never run in production (<see cref="DatabaseServiceCollectionExtensions.InitialisePortalDatabaseAsync"/>
/// refuses); it is for trying the portal out and for tests.
/// </summary>
public static class DemoSeeder
{
    /// <summary>Fixed, so the generated roster (names, numbers, families) is the same everywhere.</summary>
    public const int RandomSeed = 20261121;

    /// <summary>Seeds the demo institution unless any institution exists. Returns whether it seeded.</summary>
    public static async Task<bool> SeedAsync(PortalDbContext db, TimeProvider clock, CancellationToken cancellationToken = default)
    {
        if (await db.Institutions.AnyAsync(cancellationToken)) return false;

        // Whole minutes keep the seeded timestamps tidy on screen.
        var utc = clock.GetUtcNow().UtcDateTime;
        var nowUtc = new DateTime(utc.Ticks - utc.Ticks % TimeSpan.TicksPerMinute, DateTimeKind.Utc);
        var beijingNow = InstitutionTime.FromUtc(nowUtc);

        var ownTransaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            // Institution ids and the admin's id are plain foreign keys without navigations, so the
            // rows that need them are saved in three steps, all in one transaction.
            var institution = new Institution
            {
                Name = DemoAccounts.InstitutionName,
                ShortName = "示范职院",
                Kind = InstitutionKind.University,
                CreatedAt = nowUtc.AddDays(-90),
            };
            db.Institutions.Add(institution);
            await db.SaveChangesAsync(cancellationToken);

            var roster = new DemoRoster(institution.Id, DateOnly.FromDateTime(beijingNow), new DemoGenerator(RandomSeed));
            roster.Build();
            db.OrgUnits.AddRange(roster.Units);
            db.People.AddRange(roster.People);
            db.UnitLeaderships.AddRange(roster.Leaderships);
            db.UserAccounts.AddRange(roster.Accounts);
            await db.SaveChangesAsync(cancellationToken);

            // Each programme module adds its own story (IProgrammeModule.AddDemoData); a portal built without a module
            // seeds the others.
            var demo = new DemoData(db, institution.Id, roster, nowUtc, beijingNow);
            foreach (var module in db.ProgrammeModules) module.AddDemoData(demo);
            demo.AddTo(db);
            await db.SaveChangesAsync(cancellationToken);
            if (demo.LinkChains()) await db.SaveChangesAsync(cancellationToken);

            if (ownTransaction is not null) await ownTransaction.CommitAsync(cancellationToken);
            return true;
        }
        finally
        {
            if (ownTransaction is not null) await ownTransaction.DisposeAsync();
        }
    }
}
