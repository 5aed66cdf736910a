using System.Diagnostics;
using HomeVisit.Core.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace HomeVisit.DataGen;

/// <summary>
/// The generated database on PostgreSQL (<c>--postgres</c>): the SQLite file is built as usual, then copied row for row
/// into an empty PostgreSQL database by the portal's own <see cref="DatabaseCopy"/> (the <c>--migrate-to-postgres</c>
/// verb), which migrates the target, keeps every id and checks each table's count and checksum afterwards. The two
/// providers are then benchmarked on the same rows.
/// </summary>
internal static class PostgreSqlTarget
{
    public static async Task<TimeSpan> CopyAsync(string sqlitePath, string connectionString, CancellationToken ct = default)
    {
        var stopwatch = Stopwatch.StartNew();
        var modules = ProgrammeModels.BesideAssembly(typeof(PostgreSqlTarget).Assembly);
        var source = new DbContextOptionsBuilder<PortalDbContext>().UsePortalSqlite($"Data Source={sqlitePath}").UseProgrammeModels(modules).Options;
        var target = new DbContextOptionsBuilder<PortalDbContext>().UsePortalPostgreSql(connectionString).UseProgrammeModels(modules).Options;
        var report = await DatabaseCopy.CopyAsync(source, target, line => Console.WriteLine($"  copied {line}"), ct);
        var wrong = report.Where(t => !t.Matches).Select(t => $"{t.Table} ({t.SourceRows} → {t.TargetRows})").ToList();
        if (wrong.Count > 0) throw new InvalidOperationException("The PostgreSQL copy differs from the generated SQLite file: " + string.Join(", ", wrong));
        // Statistics for the planner, as the SQLite file gets ANALYZE.
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var analyse = new NpgsqlCommand("ANALYZE", connection) { CommandTimeout = 0 };
        await analyse.ExecuteNonQueryAsync(ct);
        return stopwatch.Elapsed;
    }
}
