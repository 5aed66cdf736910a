using HomeVisit.Core.Data;
using HomeVisit.Core.Demo;
using HomeVisit.Core.Institutions;
using HomeVisit.Portal;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;

namespace HomeVisit.Tests.Data;

/// <summary>Issue 19: moving an institution from its SQLite file to PostgreSQL with <c>--migrate-to-postgres</c>.</summary>
public sealed class MigrateToPostgresTests
{
    [Fact]
    public async Task The_verb_copies_every_row_checks_each_table_and_the_copy_serves_new_rows()
    {
        using var sqlite = TestDatabase.Create();
        await using (var db = sqlite.CreateContext()) Assert.True(await DemoSeeder.SeedAsync(db, TimeProvider.System));
        using var postgres = TestDatabase.CreateEmpty(provider: PortalDatabaseProvider.PostgreSQL);

        var exit = await DataVerbs.RunAsync(Builder(sqlite), ["--migrate-to-postgres", postgres.ConnectionString]);

        Assert.Equal(0, exit);
        await using var from = sqlite.CreateContext();
        await using var to = postgres.CreateContext();
        foreach (var type in DatabaseCopy.Ordered(from.Model))
        {
            var table = type.GetTableName();
            Assert.Equal(await CountAsync(from, table!), await CountAsync(to, table!));
        }
        Assert.True(await to.Visits.CountAsync() > 10);
        Assert.Equal(await from.AuditEntries.CountAsync(), await to.AuditEntries.CountAsync()); // the copy adds no audit entries
        var visit = await from.Visits.AsNoTracking().OrderBy(v => v.Id).FirstAsync();
        var copied = await to.Visits.AsNoTracking().SingleAsync(v => v.Id == visit.Id);
        Assert.Equal((visit.PlannedStart, visit.Place, visit.Version), (copied.PlannedStart, copied.Place, copied.Version));

        // The identity sequences moved past the copied ids: the portal can add rows at once.
        var added = new Institution { Name = "新单位", Kind = InstitutionKind.County };
        to.Institutions.Add(added);
        await to.SaveChangesAsync();
        Assert.True(added.Id > await from.Institutions.MaxAsync(i => i.Id));

        // A second copy into the now full database is refused rather than mixing two institutions' rows.
        Assert.Equal(1, await DataVerbs.RunAsync(Builder(sqlite), ["--migrate-to-postgres", postgres.ConnectionString]));
    }

    [Fact]
    public async Task A_row_that_differs_after_the_copy_fails_its_tables_checksum()
    {
        using var sqlite = TestDatabase.Create();
        await using (var db = sqlite.CreateContext()) await DemoSeeder.SeedAsync(db, TimeProvider.System);
        using var postgres = TestDatabase.CreateEmpty(provider: PortalDatabaseProvider.PostgreSQL);
        var source = new DbContextOptionsBuilder<PortalDbContext>().UsePortalSqlite(sqlite.ConnectionString).UseProgrammeModels(HomeVisit.Portal.Programmes.ProgrammesServiceCollectionExtensions.Modules).Options;
        var target = new DbContextOptionsBuilder<PortalDbContext>().UsePortalPostgreSql(postgres.ConnectionString).UseProgrammeModels(HomeVisit.Portal.Programmes.ProgrammesServiceCollectionExtensions.Modules).Options;
        Assert.All(await DatabaseCopy.CopyAsync(source, target), t => Assert.True(t.Matches, t.Table));

        await using (var db = postgres.CreateContext())
            await db.People.Where(p => p.Id == db.People.Min(x => x.Id)).ExecuteUpdateAsync(u => u.SetProperty(p => p.Phone, "13900000000"));
        var people = await DatabaseCopy.VerifyAsync(source, target);

        Assert.False(people.Single(t => t.Table == "People").Matches);
        Assert.True(people.Single(t => t.Table == "Visits").Matches);
    }

    private static WebApplicationBuilder Builder(TestDatabase sqlite)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.Configuration["ConnectionStrings:Portal"] = sqlite.ConnectionString;
        return builder;
    }

    private static async Task<long> CountAsync(PortalDbContext db, string table)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM \"{table}\"";
        await db.Database.OpenConnectionAsync();
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }
}
