using System.Data.Common;
using HomeVisit.Core.Scheduling;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace HomeVisit.Core.Data;

/// <summary>
/// Reads the database file through memory mapping on every connection. With SQLite's default 2 MB page cache per
/// connection, a county-sized year (the quota counts over 20,000 visits) spent half its CPU in system calls reading
/// pages; mapped, the pages come from the operating system's cache shared by every connection (docs/performance.md).
/// </summary>
internal sealed class SqliteConnectionTuning : DbConnectionInterceptor
{
    public static readonly SqliteConnectionTuning Instance = new();

    /// <summary>The most of the file mapped: address space, not memory; pages are the OS cache's, shared and evictable.</summary>
    public const long MmapBytes = 1L << 30;

    private const string Pragmas = "PRAGMA mmap_size = 1073741824;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (!IsFile(connection)) return;
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (!IsFile(connection)) return;
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    // An in-memory database has no file to map.
    private static bool IsFile(DbConnection connection) =>
        connection is SqliteConnection { DataSource: { Length: > 0 } source } && source != ":memory:"
        && !connection.ConnectionString.Contains("Mode=Memory", StringComparison.OrdinalIgnoreCase);
}

/// <summary>
/// Keeps SQLite's query planner statistics current (<c>PRAGMA optimize</c>, which analyses only the tables that changed
/// enough). Plans of the lists and the calendar depend on them: with statistics for some indexes and not others, a
/// month of the county's calendar read every visit (docs/performance.md); a database that grows from the demo to a
/// county's size must not be planned on the statistics of its first week.
/// </summary>
public sealed class SqliteStatisticsJob(IDbContextFactory<PortalDbContext> dbFactory) : IDailyJob
{
    public string Name => "sqlite-statistics";

    public string Title => "更新数据库查询统计";

    public TimeOnly At => new(4, 0);

    public bool Enabled => true;

    public async Task<string> RunAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // 0x10002: look at every table, not only those the connection used, with the analysis limit SQLite recommends.
        await db.Database.ExecuteSqlRawAsync("PRAGMA analysis_limit = 1000; PRAGMA optimize = 0x10002;", ct);
        return "已更新查询统计";
    }
}
