using HomeVisit.Core.Data;
using HomeVisit.Core.Demo;
using HomeVisit.Core.Institutions;
using HomeVisit.Portal;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;

namespace HomeVisit.Tests.Data;

/// <summary>
/// Issue 19: <c>--backup</c> and <c>--restore</c> on PostgreSQL (scripts/backup.sh, restore.sh): a pg_dump archive and the
/// uploads, restored with pg_restore into a new, empty database on a real server.
/// </summary>
public sealed class PostgreSqlBackupTests
{
    [Fact]
    public async Task A_populated_database_backed_up_restores_into_a_new_one_with_every_row_and_upload_and_never_over_a_full_one()
    {
        using var live = TestDatabase.Create(provider: PortalDatabaseProvider.PostgreSQL);
        await using (var db = live.CreateContext()) Assert.True(await DemoSeeder.SeedAsync(db, TimeProvider.System));
        var liveUploads = Path.Combine(live.Folder, "uploads");
        Directory.CreateDirectory(Path.Combine(liveUploads, "1"));
        await File.WriteAllTextAsync(Path.Combine(liveUploads, "1", "0123456789abcdef0123456789abcdef"), "承诺书扫描件");
        var folder = Path.Combine(live.Folder, "backup");
        var output = new StringWriter();
        var error = new StringWriter();

        Assert.True(await DataVerbs.RunAsync(Builder(live, liveUploads), ["--backup", folder], output, error) == 0, error.ToString());
        Assert.True(new FileInfo(Path.Combine(folder, PostgreSqlBackup.DumpFile)).Length > 0);
        // A second backup never goes over the first.
        Assert.Equal(1, await DataVerbs.RunAsync(Builder(live, liveUploads), ["--backup", folder], output, error));

        using var restored = TestDatabase.CreateEmpty(provider: PortalDatabaseProvider.PostgreSQL);
        var restoredUploads = Path.Combine(restored.Folder, "uploads");
        Assert.True(await DataVerbs.RunAsync(Builder(restored, restoredUploads), ["--restore", folder], output, error) == 0, error.ToString());

        // Every table has the same rows, compared by count and by a checksum over every column.
        var report = await DatabaseCopy.VerifyAsync(Options(live), Options(restored));
        Assert.All(report, t => Assert.True(t.Matches, $"{t.Table}: {t.SourceRows} -> {t.TargetRows}"));
        Assert.Contains(report, t => t.Table == "Visits" && t.TargetRows > 10);
        Assert.Equal("承诺书扫描件", await File.ReadAllTextAsync(Path.Combine(restoredUploads, "1", "0123456789abcdef0123456789abcdef")));
        await using (var db = restored.CreateContext())
        {
            // The restored schema is this build's, and the sequences came along: the portal can add rows at once.
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            db.Institutions.Add(new Institution { Name = "恢复后新增", Kind = InstitutionKind.County });
            await db.SaveChangesAsync();
        }

        // Restoring over a database that has tables is refused and changes nothing.
        var before = await DatabaseCopy.VerifyAsync(Options(restored), Options(restored));
        Assert.Equal(1, await DataVerbs.RunAsync(Builder(restored, restoredUploads), ["--restore", folder], output, error));
        Assert.Contains("not empty", error.ToString());
        Assert.Equal(before, await DatabaseCopy.VerifyAsync(Options(restored), Options(restored)));
    }

    private static DbContextOptions<PortalDbContext> Options(TestDatabase database)
        => new DbContextOptionsBuilder<PortalDbContext>().UsePortalPostgreSql(database.ConnectionString).UseProgrammeModels(HomeVisit.Portal.Programmes.ProgrammesServiceCollectionExtensions.Modules).Options;

    private static WebApplicationBuilder Builder(TestDatabase database, string uploads)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.Configuration["Database:Provider"] = "PostgreSQL";
        builder.Configuration["ConnectionStrings:Portal"] = database.ConnectionString;
        builder.Configuration["Uploads:Root"] = uploads;
        return builder;
    }
}
