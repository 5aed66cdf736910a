using HomeVisit.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace HomeVisit.Portal;

/// <summary>
/// <c>HomeVisit.Portal --backup &lt;folder&gt;</c> and <c>--restore &lt;folder&gt; [--force]</c>: the data verbs that
/// scripts/backup.sh and scripts/restore.sh run. They read the same configuration as the portal (connection string,
/// <c>Uploads:Root</c>), so a backup takes exactly the files the portal uses. See docs/security.md, "Backups".
/// <c>--migrate-to-postgres "&lt;connection string&gt;"</c> copies the configured SQLite database into an empty
/// PostgreSQL database and checks every table by row count and checksum (docs/operations.md).
/// </summary>
public static class DataVerbs
{
    public static bool IsVerb(string[] args) => args.Length > 0 && args[0] is "--backup" or "--restore" or MigrateToPostgres;

    private const string MigrateToPostgres = "--migrate-to-postgres";

    public static async Task<int> RunAsync(WebApplicationBuilder builder, string[] args)
    {
        if (args.Length < 2 || args[1].StartsWith("--", StringComparison.Ordinal))
        {
            await Console.Error.WriteLineAsync("usage: --backup <empty folder> | --restore <backup folder> [--force] | --migrate-to-postgres \"<PostgreSQL connection string>\"");
            return 2;
        }
        var provider = DatabaseServiceCollectionExtensions.Provider(builder.Configuration);
        if (args[0] == MigrateToPostgres) return await MigrateAsync(builder, provider, args[1]);
        if (provider != PortalDatabaseProvider.Sqlite)
        {
            // A PostgreSQL server is backed up with its own tools, which know its transactions and roles (docs/operations.md).
            await Console.Error.WriteLineAsync("--backup and --restore handle the SQLite file; on PostgreSQL use pg_dump and pg_restore and copy Uploads:Root (docs/operations.md, \"Backups\").");
            return 2;
        }
        var connectionString = DatabaseServiceCollectionExtensions.ResolveConnectionString(builder.Configuration, builder.Environment);
        var uploads = DatabaseServiceCollectionExtensions.UploadsRoot(builder.Configuration, builder.Environment);
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

    private static async Task<int> MigrateAsync(WebApplicationBuilder builder, PortalDatabaseProvider provider, string target)
    {
        if (provider != PortalDatabaseProvider.Sqlite)
        {
            await Console.Error.WriteLineAsync($"{MigrateToPostgres} copies the portal's SQLite database; run it with the SQLite configuration (Database:Provider=Sqlite).");
            return 2;
        }
        var source = DatabaseServiceCollectionExtensions.ResolveConnectionString(builder.Configuration, builder.Environment);
        try
        {
            var report = await DatabaseCopy.CopyAsync(
                new DbContextOptionsBuilder<PortalDbContext>().UsePortalSqlite(source).UseProgrammeModels(Programmes.ProgrammesServiceCollectionExtensions.Modules).Options,
                new DbContextOptionsBuilder<PortalDbContext>().UsePortalPostgreSql(target).UseProgrammeModels(Programmes.ProgrammesServiceCollectionExtensions.Modules).Options,
                Console.WriteLine);
            foreach (var table in report)
                Console.WriteLine($"{(table.Matches ? "ok " : "BAD")} {table.Table}: {table.SourceRows} -> {table.TargetRows} rows, sha256 {table.SourceChecksum[..16]} / {table.TargetChecksum[..16]}");
            var bad = report.Count(t => !t.Matches);
            Console.WriteLine(bad == 0
                ? $"Copied {report.Sum(t => t.SourceRows)} rows in {report.Count} tables to {PostgreSqlDatabase.Describe(target)}; every count and checksum matches. Copy the uploads folder to Uploads:Root, then set Database:Provider=PostgreSQL."
                : $"{bad} tables differ; do not switch to this database.");
            return bad == 0 ? 0 : 1;
        }
        catch (Exception e) when (e is InvalidOperationException or Npgsql.NpgsqlException or Microsoft.Data.Sqlite.SqliteException or DbUpdateException)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return 1;
        }
    }
}
