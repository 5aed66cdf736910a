using HomeVisit.Core.Data;
using HomeVisit.Core.Demo;
using HomeVisit.Core.Institutions;
using HomeVisit.Portal;
using HomeVisit.Programmes.Qinglian;
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
        var scans = await AddSignedPledgesAsync(sqlite, 2);
        File.WriteAllText(Path.Combine(sqlite.Folder, "uploads", "1", "0123456789abcdef0123456789abcdef.part"), "an upload that never finished");
        using var postgres = TestDatabase.CreateEmpty(provider: PortalDatabaseProvider.PostgreSQL);
        var shared = Path.Combine(sqlite.Folder, "shared-uploads");
        var output = new StringWriter();

        var exit = await DataVerbs.RunAsync(Builder(sqlite), ["--migrate-to-postgres", postgres.ConnectionString, "--uploads-to", shared], output);

        Assert.True(exit == 0, output.ToString());
        // Every scan a row names is in the shared folder, byte for byte, where the PostgreSQL configuration will look.
        foreach (var (key, bytes) in scans)
            Assert.Equal(bytes, await File.ReadAllBytesAsync(Path.Combine(shared, key)));
        Assert.False(Directory.EnumerateFiles(shared, "*.part", SearchOption.AllDirectories).Any());
        Assert.Contains($"ok  uploads: 2 files", output.ToString());
        Assert.Contains("2 named by rows", output.ToString());
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
    public async Task A_scan_missing_from_the_source_folder_is_reported_with_its_row_and_fails_the_move()
    {
        using var sqlite = TestDatabase.Create();
        await using (var db = sqlite.CreateContext()) await DemoSeeder.SeedAsync(db, TimeProvider.System);
        var scans = await AddSignedPledgesAsync(sqlite, 2);
        var lost = scans[1].Key;
        File.Delete(Path.Combine(sqlite.Folder, "uploads", lost));
        using var postgres = TestDatabase.CreateEmpty(provider: PortalDatabaseProvider.PostgreSQL);
        var shared = Path.Combine(sqlite.Folder, "shared-uploads");
        var output = new StringWriter();

        var exit = await DataVerbs.RunAsync(Builder(sqlite), ["--migrate-to-postgres", postgres.ConnectionString, "--uploads-to", shared], output);

        Assert.Equal(1, exit);
        Assert.Contains($"MISSING Commitments.ScanKey {lost}: missing from the source folder", output.ToString());
        Assert.Contains("BAD uploads: 1 files", output.ToString());
        Assert.Equal(scans[0].Bytes, await File.ReadAllBytesAsync(Path.Combine(shared, scans[0].Key)));
    }

    [Fact]
    public async Task With_a_shared_uploads_root_that_stays_the_scans_are_checked_in_place()
    {
        using var sqlite = TestDatabase.Create();
        await using (var db = sqlite.CreateContext()) await DemoSeeder.SeedAsync(db, TimeProvider.System);
        var scans = await AddSignedPledgesAsync(sqlite, 1);
        using var postgres = TestDatabase.CreateEmpty(provider: PortalDatabaseProvider.PostgreSQL);
        var builder = Builder(sqlite);
        // Uploads:Root already names the shared folder; the PostgreSQL configuration keeps it, so nothing moves.
        builder.Configuration["Uploads:Root"] = Path.Combine(sqlite.Folder, "uploads");
        var output = new StringWriter();

        var exit = await DataVerbs.RunAsync(builder, ["--migrate-to-postgres", postgres.ConnectionString], output);

        Assert.True(exit == 0, output.ToString());
        Assert.Contains($"ok  uploads: 1 files ({scans[0].Bytes.Length} bytes) checked in place in {Path.Combine(sqlite.Folder, "uploads")}", output.ToString());
        Assert.Single(Directory.EnumerateFiles(Path.Combine(sqlite.Folder, "uploads"), "*", SearchOption.AllDirectories));
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

    /// <summary>Signed 承诺书 with their scans stored as the portal stores them (<see cref="ScanStore"/> under the SQLite file's uploads folder).</summary>
    private static async Task<List<(string Key, byte[] Bytes)>> AddSignedPledgesAsync(TestDatabase sqlite, int count)
    {
        var store = new ScanStore(Path.Combine(sqlite.Folder, "uploads"));
        await using var db = sqlite.CreateContext();
        var members = await db.FamilyMembers.AsNoTracking().OrderBy(f => f.Id).Take(count).Select(f => new { f.Id, f.PersonId, f.InstitutionId }).ToListAsync();
        var recorder = await db.UserAccounts.Where(a => a.UserName == DemoAccounts.Admin).Select(a => a.Id).SingleAsync();
        var scans = new List<(string, byte[])>();
        foreach (var (member, i) in members.Select((m, i) => (m, i)))
        {
            var bytes = System.Text.Encoding.UTF8.GetBytes($"%PDF-1.4 签名扫描件 {i} " + new string('x', 1000 * (i + 1)));
            var key = await store.SaveAsync(member.InstitutionId, bytes, CancellationToken.None);
            db.Set<Commitment>().Add(new Commitment
            {
                InstitutionId = member.InstitutionId, PersonId = member.PersonId, FamilyMemberId = member.Id, SignedOn = new DateOnly(2026, 3, 1 + i),
                TemplateHash = "test", ScanFileName = $"承诺书{i}.pdf", ScanContentType = "application/pdf", ScanSize = bytes.Length, ScanKey = key,
                CreatedByUserId = recorder, CreatedAt = DateTime.UtcNow,
            });
            scans.Add((key, bytes));
        }
        await db.SaveChangesAsync();
        return scans;
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
