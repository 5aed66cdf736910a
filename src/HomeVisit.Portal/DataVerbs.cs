using HomeVisit.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace HomeVisit.Portal;

/// <summary>
/// <c>HomeVisit.Portal --backup &lt;folder&gt;</c> and <c>--restore &lt;folder&gt; [--force]</c>: the data verbs that
/// scripts/backup.sh and scripts/restore.sh run. They read the same configuration as the portal (provider, connection
/// string, <c>Uploads:Root</c>), so a backup takes exactly the files the portal uses: on SQLite the file (docs/security.md,
/// "Backups"), on PostgreSQL a <c>pg_dump</c> archive restored with <c>pg_restore</c> into an empty database.
/// <c>--migrate-to-postgres "&lt;connection string&gt;" [--uploads-to &lt;folder&gt;]</c> copies the configured SQLite database
/// into an empty PostgreSQL database and the uploads to the target's folder, and checks every table by row count and
/// checksum and every uploaded file by SHA-256 (docs/operations.md).
/// </summary>
public static class DataVerbs
{
    public static bool IsVerb(string[] args) => args.Length > 0 && args[0] is "--backup" or "--restore" or MigrateToPostgres;

    private const string MigrateToPostgres = "--migrate-to-postgres";

    private const string UploadsTo = "--uploads-to";

    /// <summary>Runs the verb in <paramref name="args"/>; what it reports goes to <paramref name="output"/> and <paramref name="error"/> (default: the console).</summary>
    public static async Task<int> RunAsync(WebApplicationBuilder builder, string[] args, TextWriter? output = null, TextWriter? error = null)
    {
        output ??= Console.Out;
        error ??= Console.Error;
        if (args.Length < 2 || args[1].StartsWith("--", StringComparison.Ordinal))
        {
            await error.WriteLineAsync("usage: --backup <empty folder> | --restore <backup folder> [--force] | --migrate-to-postgres \"<PostgreSQL connection string>\" [--uploads-to <folder>]");
            return 2;
        }
        var provider = DatabaseServiceCollectionExtensions.Provider(builder.Configuration);
        if (args[0] == MigrateToPostgres) return await MigrateAsync(builder, provider, args, output, error);
        var connectionString = DatabaseServiceCollectionExtensions.ResolveConnectionString(builder.Configuration, builder.Environment);
        var uploads = DatabaseServiceCollectionExtensions.UploadsRoot(builder.Configuration, builder.Environment);
        var folder = Path.GetFullPath(args[1]);
        var backup = args[0] == "--backup";
        try
        {
            BackupManifest manifest;
            if (provider == PortalDatabaseProvider.Sqlite)
            {
                manifest = backup
                    ? await PortalBackup.BackupAsync(connectionString, uploads, folder)
                    : await PortalBackup.RestoreAsync(folder, connectionString, uploads, overwrite: args.Contains("--force"));
            }
            else
            {
                // pg_restore never replaces a database: a restore goes into a new, empty one, so there is nothing to force.
                if (!backup && args.Contains("--force"))
                {
                    await error.WriteLineAsync("--force does not apply on PostgreSQL: create a new, empty database (createdb), point ConnectionStrings:Portal at it and restore into that.");
                    return 2;
                }
                var tools = builder.Configuration[PostgreSqlBackup.ToolsKey];
                manifest = backup
                    ? await PostgreSqlBackup.BackupAsync(connectionString, uploads, folder, tools)
                    : await PostgreSqlBackup.RestoreAsync(folder, connectionString, uploads, tools);
            }
            await output.WriteLineAsync($"{(backup ? "Backed up to" : "Restored from")} {folder}: {manifest.Provider} database {manifest.DatabaseBytes} bytes, {manifest.UploadFiles} uploaded files (taken {manifest.TakenAtUtc:yyyy-MM-dd HH:mm:ss} UTC).");
            return 0;
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or UnauthorizedAccessException or Microsoft.Data.Sqlite.SqliteException or Npgsql.NpgsqlException)
        {
            await error.WriteLineAsync(e.Message);
            return 1;
        }
    }

    private static async Task<int> MigrateAsync(WebApplicationBuilder builder, PortalDatabaseProvider provider, string[] args, TextWriter output, TextWriter error)
    {
        var target = args[1];
        if (provider != PortalDatabaseProvider.Sqlite)
        {
            await error.WriteLineAsync($"{MigrateToPostgres} copies the portal's SQLite database; run it with the SQLite configuration (Database:Provider=Sqlite).");
            return 2;
        }
        var source = DatabaseServiceCollectionExtensions.ResolveConnectionString(builder.Configuration, builder.Environment);
        var uploadsFrom = DatabaseServiceCollectionExtensions.UploadsRoot(builder.Configuration, builder.Environment);
        var uploadsTo = Option(args, UploadsTo) is { } given ? Path.GetFullPath(given) : TargetUploadsRoot(builder);
        var sourceOptions = new DbContextOptionsBuilder<PortalDbContext>().UsePortalSqlite(source).UseProgrammeModels(Programmes.ProgrammesServiceCollectionExtensions.Modules).Options;
        try
        {
            var report = await DatabaseCopy.CopyAsync(
                sourceOptions,
                new DbContextOptionsBuilder<PortalDbContext>().UsePortalPostgreSql(target).UseProgrammeModels(Programmes.ProgrammesServiceCollectionExtensions.Modules).Options,
                output.WriteLine);
            foreach (var table in report)
                await output.WriteLineAsync($"{(table.Matches ? "ok " : "BAD")} {table.Table}: {table.SourceRows} -> {table.TargetRows} rows, sha256 {table.SourceChecksum[..16]} / {table.TargetChecksum[..16]}");
            var bad = report.Count(t => !t.Matches);
            if (bad > 0)
            {
                await output.WriteLineAsync($"{bad} tables differ; do not switch to this database. The uploads were not copied.");
                return 1;
            }

            // The rows are in; the files they name come along to the folder the PostgreSQL configuration will use.
            var uploads = await UploadCopy.CopyAsync(sourceOptions, uploadsFrom, uploadsTo);
            await output.WriteLineAsync($"{(uploads.Matches ? "ok " : "BAD")} uploads: {uploads.Files} files ({uploads.Bytes} bytes) {(uploads.From == uploads.To ? "checked in place in" : "copied from " + uploads.From + " to")} {uploads.To}; "
                                        + $"{uploads.Referenced} named by rows; sha256 {uploads.SourceChecksum[..16]} / {uploads.TargetChecksum[..16]}");
            foreach (var problem in uploads.Problems)
                await output.WriteLineAsync($"MISSING {problem.Table}.{problem.Column} {problem.Key}: {problem.Problem}");
            if (!uploads.Matches)
            {
                await output.WriteLineAsync($"The rows were copied and verified, but {uploads.Problems.Count} files the rows name are not in {uploads.To} as they were (listed above). "
                                            + $"Find them (a backup) and put them at those paths under {uploads.To}, or accept that they stay lost, before switching.");
                return 1;
            }
            await output.WriteLineAsync($"Copied {report.Sum(t => t.SourceRows)} rows in {report.Count} tables to {PostgreSqlDatabase.Describe(target)} and {uploads.Files} uploaded files to {uploads.To}; "
                                        + $"every count and checksum matches. Set Database:Provider=PostgreSQL, ConnectionStrings:Portal and Uploads:Root={uploads.To}.");
            return 0;
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or UnauthorizedAccessException or Npgsql.NpgsqlException or Microsoft.Data.Sqlite.SqliteException or DbUpdateException)
        {
            await error.WriteLineAsync(e.Message);
            return 1;
        }
    }

    /// <summary>Where the portal will look for uploads once switched to PostgreSQL with the same configuration otherwise.</summary>
    private static string TargetUploadsRoot(WebApplicationBuilder builder)
    {
        var asPostgreSql = new ConfigurationBuilder()
            .AddConfiguration(builder.Configuration)
            .AddInMemoryCollection(new Dictionary<string, string?> { [DatabaseServiceCollectionExtensions.ProviderKey] = nameof(PortalDatabaseProvider.PostgreSQL) })
            .Build();
        return DatabaseServiceCollectionExtensions.UploadsRoot(asPostgreSql, builder.Environment);
    }

    private static string? Option(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at > 0 && at + 1 < args.Length ? args[at + 1] : null;
    }
}
