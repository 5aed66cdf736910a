using HomeVisit.Core.Data;
using HomeVisit.Core.Demo;
using Microsoft.EntityFrameworkCore;

namespace HomeVisit.Tests.Performance;

/// <summary>
/// How the portal keeps SQLite fast as a database grows: the file read through memory mapping on every connection, and
/// the planner's statistics brought up to date by a daily job (both measured in docs/performance.md).
/// </summary>
public sealed class SqliteTuningTests
{
    private static async Task<long> ScalarAsync(PortalDbContext db, string sql)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Every_connection_the_portal_opens_on_its_file_reads_it_memory_mapped()
    {
        using var database = TestDatabase.Create();
        await using var db = database.CreateContext();
        Assert.Equal(SqliteConnectionTuning.MmapBytes, await ScalarAsync(db, "PRAGMA mmap_size;"));
    }

    [Fact]
    public async Task The_daily_statistics_job_gives_the_planner_statistics_for_tables_that_filled_after_their_migration()
    {
        using var database = TestDatabase.Create();
        await using (var db = database.CreateContext()) Assert.True(await DemoSeeder.SeedAsync(db, database.Clock));
        const string visitStatistics = "SELECT count(*) FROM sqlite_stat1 WHERE tbl = 'Visits';";
        await using (var db = database.CreateContext())
        {
            // The migrations analysed the visits while the table was empty, which leaves no statistics at all.
            var hasStatTable = await ScalarAsync(db, "SELECT count(*) FROM sqlite_master WHERE name = 'sqlite_stat1';");
            Assert.Equal(0, hasStatTable == 0 ? 0 : await ScalarAsync(db, visitStatistics));
        }

        var summary = await new SqliteStatisticsJob(database.Factory).RunAsync(CancellationToken.None);

        Assert.Equal("已更新查询统计", summary);
        await using (var db = database.CreateContext())
            Assert.True(await ScalarAsync(db, visitStatistics) > 0, "no statistics for the visits' indexes after the job");
    }
}
