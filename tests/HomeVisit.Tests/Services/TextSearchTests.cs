using HomeVisit.Core.Accounts;
using HomeVisit.Core.Data;
using HomeVisit.Core.Demo;
using HomeVisit.Core.Institutions;
using HomeVisit.Core.People;
using HomeVisit.Core.Search;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace HomeVisit.Tests.Services;

/// <summary>
/// Searching names is substring search served by an index on both providers (FTS5 trigram tables on SQLite, pg_trgm on
/// PostgreSQL): Chinese names of two characters (below a trigram), of three and more, Latin names whatever their case,
/// and the index following renames and deletions.
/// </summary>
public sealed class TextSearchTests
{
    [Theory]
    [InlineData(PortalDatabaseProvider.Sqlite)]
    [InlineData(PortalDatabaseProvider.PostgreSQL)]
    public async Task People_are_found_by_any_part_of_their_name_and_the_index_follows_changes(PortalDatabaseProvider provider)
    {
        using var database = TestDatabase.Create(provider: provider);
        await using (var db = database.CreateContext()) Assert.True(await DemoSeeder.SeedAsync(db, database.Clock));
        PortalUser admin;
        int wangFang, ouyang, wangFangFang, latin;
        await using (var db = database.CreateContext())
        {
            var account = await db.UserAccounts.SingleAsync(a => a.UserName == DemoAccounts.Admin);
            admin = PortalUser.From(account);
            Person New(string name, string number) => new() { InstitutionId = account.InstitutionId, Name = name, StaffNumber = number };
            var people = new[] { New("王芳", "T9001"), New("欧阳王芳", "T9002"), New("王芳芳", "T9003"), New("Wang Fanghua", "T9004") };
            db.People.AddRange(people);
            await db.SaveChangesAsync();
            (wangFang, ouyang, wangFangFang, latin) = (people[0].Id, people[1].Id, people[2].Id, people[3].Id);
        }
        var service = new PeopleService(database.Factory, new OrgService(database.Factory), database.Clock);
        async Task<List<int>> Found(string text) =>
            (await service.SearchAsync(admin, new PersonQuery(Search: text, PageSize: 200))).Items.Select(r => r.Id).Order().ToList();

        // Two characters: shorter than a trigram, found all the same.
        Assert.Equal(new[] { wangFang, ouyang, wangFangFang }.Order().ToList(), await Found("王芳"));
        // Three characters and more: from the index.
        Assert.Equal([ouyang], await Found("阳王芳"));
        Assert.Equal([wangFangFang], await Found(" 王芳芳 "));
        Assert.Equal([latin], await Found("wang fang"));
        Assert.Empty(await Found("\"王芳\" OR 王"));   // typed quotes and operators are text, not query syntax
        Assert.Empty(await Found("100%"));

        await using (var db = database.CreateContext())
        {
            (await db.People.SingleAsync(p => p.Id == ouyang)).Name = "欧阳丽华";
            db.People.Remove(await db.People.SingleAsync(p => p.Id == wangFangFang));
            await db.SaveChangesAsync();
        }
        Assert.Empty(await Found("阳王芳"));
        Assert.Equal([ouyang], await Found("欧阳丽"));
        Assert.Empty(await Found("王芳芳"));
        Assert.Equal([wangFang], await Found("王芳"));

        if (provider == PortalDatabaseProvider.Sqlite) AssertSqliteIndexesInStep(database.ConnectionString);
    }

    [Fact]
    public async Task The_sqlite_search_indexes_are_filled_for_rows_that_were_there_before_them()
    {
        using var database = TestDatabase.Create();
        await using (var db = database.CreateContext()) Assert.True(await DemoSeeder.SeedAsync(db, database.Clock));
        await using (var db = database.CreateContext())
        {
            var migrations = db.Database.GetMigrations().ToList();
            var added = migrations.FindIndex(m => m.EndsWith("_TextSearch", StringComparison.Ordinal));
            var migrator = Microsoft.EntityFrameworkCore.Infrastructure.AccessorExtensions.GetService<Microsoft.EntityFrameworkCore.Migrations.IMigrator>(db);
            await migrator.MigrateAsync(migrations[added - 1]);
            await migrator.MigrateAsync();
        }
        AssertSqliteIndexesInStep(database.ConnectionString);

        await using (var db = database.CreateContext())
        {
            var someone = await db.People.OrderBy(p => p.Id).FirstAsync(p => p.Name.Length >= 3);
            var found = await TextSearch.Matching(db, SearchField.PersonName, someone.Name).ToListAsync();
            Assert.Contains(someone.Id, found);
            var place = await db.Visits.Where(v => v.Place != null && v.Place.Length >= 4).Select(v => new { v.Id, v.Place }).FirstAsync();
            Assert.Contains(place.Id, await TextSearch.Matching(db, SearchField.VisitPlace, place.Place![1..4]).ToListAsync());
        }
    }

    /// <summary>FTS5's integrity check against the content tables (rank 1: compare with the rows themselves).</summary>
    private static void AssertSqliteIndexesInStep(string connectionString)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var version = connection.CreateCommand();
        version.CommandText = "SELECT sqlite_version()";
        Assert.True(Version.Parse((string)version.ExecuteScalar()!) >= new Version(3, 34), "the trigram tokenizer needs SQLite 3.34");
        foreach (var index in new[] { "Search_PeopleName", "Search_VisitsPlace", "Search_FollowUpItemsSummary", "Search_GanbuRequestsSummary" })
        {
            using var check = connection.CreateCommand();
            check.CommandText = $"INSERT INTO \"{index}\"(\"{index}\", rank) VALUES ('integrity-check', 1)";
            check.ExecuteNonQuery();
        }
    }
}
