using HomeVisit.Core.Data;
using HomeVisit.Core.Qinglian;

namespace HomeVisit.Portal;

/// <summary>
/// <c>HomeVisit.Portal --backup &lt;folder&gt;</c> and <c>--restore &lt;folder&gt; [--force]</c>: the data verbs that
/// scripts/backup.sh and scripts/restore.sh run. They read the same configuration as the portal (connection string,
/// <c>Uploads:Root</c>), so a backup takes exactly the files the portal uses. See docs/security.md, "Backups".
/// </summary>
public static class DataVerbs
{
    public static bool IsVerb(string[] args) => args.Length > 0 && args[0] is "--backup" or "--restore";

    public static async Task<int> RunAsync(WebApplicationBuilder builder, string[] args)
    {
        if (args.Length < 2 || args[1].StartsWith("--", StringComparison.Ordinal))
        {
            await Console.Error.WriteLineAsync("usage: --backup <empty folder> | --restore <backup folder> [--force]");
            return 2;
        }
        var connectionString = DatabaseServiceCollectionExtensions.ResolveConnectionString(builder.Configuration, builder.Environment);
        var uploads = QinglianServiceCollectionExtensions.UploadsRoot(builder.Configuration, builder.Environment);
        var folder = Path.GetFullPath(args[1]);
        try
        {
            var manifest = args[0] == "--backup"
                ? await PortalBackup.BackupAsync(connectionString, uploads, folder)
                : await PortalBackup.RestoreAsync(folder, connectionString, uploads, overwrite: args.Contains("--force"));
            Console.WriteLine($"{(args[0] == "--backup" ? "Backed up to" : "Restored from")} {folder}: database {manifest.DatabaseBytes} bytes, {manifest.UploadFiles} uploaded files (taken {manifest.TakenAtUtc:yyyy-MM-dd HH:mm:ss} UTC).");
            return 0;
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or Microsoft.Data.Sqlite.SqliteException)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return 1;
        }
    }
}
