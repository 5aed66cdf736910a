using HomeVisit.Core.Data;
using HomeVisit.Core.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace HomeVisit.Tests.Data;

/// <summary>
/// The person a visit counts under (Visit.LeadVisitorPersonId, Visit.FirstTargetPersonId), which the period summary
/// groups by: kept by every save that writes visitors and targets, and filled by the migration for the visits a database
/// had before it, on both providers.
/// </summary>
public sealed class VisitCountingTests
{
    [Theory]
    [InlineData(PortalDatabaseProvider.Sqlite)]
    [InlineData(PortalDatabaseProvider.PostgreSQL)]
    public async Task Every_visit_counts_under_its_first_leader_and_first_person_visited_before_and_after_the_migration(PortalDatabaseProvider provider)
    {
        using var database = TestDatabase.Create(provider: provider);
        await using (var db = database.CreateContext()) Assert.True(await DemoSeeder.SeedAsync(db, database.Clock));
        await AssertCountedAsync(database);

        // Back to the schema without the columns, with the demo's visits in it, and forward again.
        await using (var db = database.CreateContext())
        {
            var migrations = db.Database.GetMigrations().ToList();
            var added = migrations.FindIndex(m => m.EndsWith("_VisitCountingPersons", StringComparison.Ordinal));
            var migrator = db.GetService<IMigrator>();
            await migrator.MigrateAsync(migrations[added - 1]);
            await migrator.MigrateAsync();
        }
        await AssertCountedAsync(database);
    }

    private static async Task AssertCountedAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        var visits = await db.Visits.AsNoTracking().OrderBy(v => v.Id)
            .Select(v => new
            {
                v.Id, v.LeadVisitorPersonId, v.FirstTargetPersonId,
                Visitors = v.Visitors.OrderBy(x => x.Id).Select(x => new { x.PersonId, x.IsRecorder }).ToList(),
                Targets = v.Targets.Where(t => t.PersonId != null).OrderBy(t => t.Id).Select(t => t.PersonId).ToList(),
            })
            .AsSplitQuery().ToListAsync();
        // The demo has visits of several visitors, one of them keeping the record: the first other one counts.
        Assert.Contains(visits, v => v.Visitors.Count > 1 && v.Visitors.Any(x => x.IsRecorder));
        Assert.All(visits, v =>
        {
            var lead = v.Visitors.FirstOrDefault(x => !x.IsRecorder) ?? v.Visitors.FirstOrDefault();
            Assert.Equal(lead?.PersonId, v.LeadVisitorPersonId);
            Assert.Equal(v.Targets.FirstOrDefault(), v.FirstTargetPersonId);
        });
    }
}
