using System.Net;
using HomeVisit.Core.Data;
using HomeVisit.Core.Demo;
using HomeVisit.Tests.Host;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;

namespace HomeVisit.Tests.Security;

/// <summary>
/// Issue 13 item 20: a backup taken while the portal runs and writes, restored into a fresh folder, starts a portal
/// that has every record and every uploaded file.
/// </summary>
public sealed class BackupRestoreTests : IDisposable
{
    private readonly string _backup = Path.Combine(Path.GetTempPath(), "homevisit-tests", "backup-" + Guid.NewGuid().ToString("N"));

    /// <summary>A portal started on whatever is already in its folder: no demo seeding.</summary>
    private sealed class RestoredPortal : PortalFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Demo:Seed", "false");
        }
    }

    public void Dispose()
    {
        try
        {
            if (Directory.Exists(_backup)) Directory.Delete(_backup, recursive: true);
        }
        catch (IOException)
        {
            // Best effort, as TestDatabase does.
        }
    }

    private static async Task<Dictionary<string, long>> CountsAsync(string connectionString)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
        }
        var counts = new Dictionary<string, long>();
        foreach (var table in tables)
        {
            await using var count = connection.CreateCommand();
            count.CommandText = $"SELECT COUNT(*) FROM \"{table}\"";
            counts[table] = (long)(await count.ExecuteScalarAsync())!;
        }
        return counts;
    }

    [Fact]
    public async Task A_backup_taken_while_the_portal_writes_restores_into_a_fresh_folder_and_the_portal_starts_with_every_record()
    {
        using var live = new PortalFactory();
        using var client = live.CreateBrowserLikeClient();
        await client.SignInAsync(DemoAccounts.Leader);
        var scan = Path.Combine(live.Folder, "uploads", "qinglian", "commitment-1.pdf");
        Directory.CreateDirectory(Path.GetDirectoryName(scan)!);
        await File.WriteAllBytesAsync(scan, "%PDF-1.4 签名的承诺书"u8.ToArray());
        var before = await CountsAsync(live.ConnectionString);
        Assert.True(before["Visits"] > 0 && before["People"] > 0);

        // Online: sign-ins keep writing audit entries while the backup is taken.
        using var cts = new CancellationTokenSource();
        var writer = Task.Run(async () =>
        {
            while (!cts.IsCancellationRequested)
            {
                using var other = live.CreateBrowserLikeClient();
                await other.SignInAsync(DemoAccounts.Staff);
            }
        });
        var manifest = await PortalBackup.BackupAsync(live.ConnectionString, Path.Combine(live.Folder, "uploads"), _backup);
        cts.Cancel();
        await writer;
        Assert.Equal(1, manifest.UploadFiles);

        using var restored = new RestoredPortal();
        Directory.CreateDirectory(restored.Folder);
        await PortalBackup.RestoreAsync(_backup, restored.ConnectionString, Path.Combine(restored.Folder, "uploads"), overwrite: false);
        using var restoredClient = restored.CreateBrowserLikeClient();
        await restoredClient.SignInAsync(DemoAccounts.Leader);

        var after = await CountsAsync(restored.ConnectionString);
        foreach (var (table, count) in before)
        {
            // Sign-ins during and after the backup add audit entries and sessions; nothing else changes.
            if (table is "AuditEntries" or "UserSessions") Assert.True(after[table] >= count, $"{table}: {after[table]} < {count}");
            else if (table != "__EFMigrationsHistory") Assert.True(count == after[table], $"{table}: {count} before, {after[table]} restored");
        }
        Assert.Equal(await File.ReadAllBytesAsync(scan), await File.ReadAllBytesAsync(Path.Combine(restored.Folder, "uploads", "qinglian", "commitment-1.pdf")));
        using var visits = await restoredClient.GetAsync("/visits");
        Assert.Equal(HttpStatusCode.OK, visits.StatusCode);
        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            PortalBackup.RestoreAsync(_backup, restored.ConnectionString, Path.Combine(restored.Folder, "uploads"), overwrite: false));
    }
}
