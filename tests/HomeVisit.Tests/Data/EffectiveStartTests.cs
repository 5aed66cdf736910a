using HomeVisit.Core.Data;
using HomeVisit.Core.Demo;
using HomeVisit.Core.Visits;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace HomeVisit.Tests.Data;

/// <summary>
/// A visit's EffectiveStart (ActualStart ?? PlannedStart) is a column the database computes: filled for the visits a
/// database had before the migration that added it, and kept in step when an outcome is recorded, on both providers.
/// </summary>
public sealed class EffectiveStartTests
{
    [Theory]
    [InlineData(PortalDatabaseProvider.Sqlite)]
    [InlineData(PortalDatabaseProvider.PostgreSQL)]
    public async Task Visits_made_before_the_column_existed_get_their_effective_start_and_a_recorded_outcome_moves_it(PortalDatabaseProvider provider)
    {
        using var database = TestDatabase.Create(provider: provider);
        await using (var db = database.CreateContext()) Assert.True(await DemoSeeder.SeedAsync(db, database.Clock));
        await using (var db = database.CreateContext())
        {
            // The demo records its visits at their planned times; one that started late tells the two apart.
            var late = await db.Visits.OrderBy(v => v.Id).FirstAsync(v => v.ActualStart != null);
            late.ActualStart = late.PlannedStart.AddMinutes(90);
            await db.SaveChangesAsync();
        }

        // Back to the schema without the column, with the demo's visits in it, and forward again.
        await using (var db = database.CreateContext())
        {
            var migrations = db.Database.GetMigrations().ToList();
            var added = migrations.FindIndex(m => m.EndsWith("_VisitEffectiveStart", StringComparison.Ordinal));
            var migrator = db.GetService<IMigrator>();
            await migrator.MigrateAsync(migrations[added - 1]);
            await migrator.MigrateAsync();
        }

        await using (var db = database.CreateContext())
        {
            var visits = await db.Visits.AsNoTracking().Select(v => new { v.PlannedStart, v.ActualStart, v.EffectiveStart }).ToListAsync();
            Assert.Contains(visits, v => v.ActualStart is not null && v.ActualStart != v.PlannedStart);
            Assert.Contains(visits, v => v.ActualStart is null);
            Assert.All(visits, v => Assert.Equal(v.ActualStart ?? v.PlannedStart, v.EffectiveStart));
        }

        int id;
        var actual = new DateTime(2026, 3, 4, 15, 30, 0);
        await using (var db = database.CreateContext())
        {
            var visit = await db.Visits.OrderBy(v => v.Id).FirstAsync(v => v.ActualStart == null);
            id = visit.Id;
            visit.ActualStart = actual;
            await db.SaveChangesAsync();
            Assert.Equal(actual, visit.EffectiveStart); // read back on save
        }
        await using (var db = database.CreateContext())
            Assert.Equal(actual, await db.Visits.Where(v => v.Id == id).Select(v => v.EffectiveStart).SingleAsync());
    }
}
