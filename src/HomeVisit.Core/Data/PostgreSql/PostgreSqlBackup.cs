using System.Diagnostics;
using System.Text.Json;
using Npgsql;

namespace HomeVisit.Core.Data;

/// <summary>
/// Backup and restore of a portal on PostgreSQL with the server's own tools (docs/operations.md, "Backups"): the
/// <c>--backup</c> verb runs <c>pg_dump --format=custom</c> (one consistent snapshot while the portal serves) and then
/// copies the uploads folder; <c>--restore</c> runs <c>pg_restore</c> into an empty database in one transaction and puts
/// the uploads back. The password travels to the tools in their environment (<c>PGPASSWORD</c>), never on a command line.
/// </summary>
public static class PostgreSqlBackup
{
    public const string DumpFile = "homevisit.dump";
    public const string ProviderName = "PostgreSQL";

    /// <summary>Configuration key: the folder holding <c>pg_dump</c> and <c>pg_restore</c>, when not the newest under /usr/lib/postgresql.</summary>
    public const string ToolsKey = "Backup:PostgreSqlBin";

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public static async Task<BackupManifest> BackupAsync(string connectionString, string uploadsRoot, string targetFolder, string? toolsFolder = null, CancellationToken ct = default)
    {
        Directory.CreateDirectory(targetFolder);
        var dump = Path.Combine(targetFolder, DumpFile);
        if (File.Exists(dump) || File.Exists(Path.Combine(targetFolder, PortalBackup.ManifestFile)) || Directory.Exists(Path.Combine(targetFolder, PortalBackup.UploadsFolder)))
            throw new InvalidOperationException($"{targetFolder} already holds a backup; choose an empty folder.");

        // The database first: scans are only ever added under new names, so the dump never names one the copy lacks.
        await RunAsync(Tool("pg_dump", toolsFolder), ["--format=custom", "--file=" + dump], connectionString, ct);
        var files = PortalBackup.CopyFolder(uploadsRoot, Path.Combine(targetFolder, PortalBackup.UploadsFolder), ct);
        var manifest = new BackupManifest(DateTime.UtcNow, DumpFile, PortalBackup.UploadsFolder, new FileInfo(dump).Length, files, ProviderName);
        await File.WriteAllTextAsync(Path.Combine(targetFolder, PortalBackup.ManifestFile), JsonSerializer.Serialize(manifest, Json), ct);
        return manifest;
    }

    /// <summary>
    /// Restores a backup made by <see cref="BackupAsync"/> into the database of <paramref name="connectionString"/>, which
    /// must be empty (no tables, views or sequences), and its uploads into <paramref name="uploadsRoot"/>. The archive is
    /// read through (<c>pg_restore --list</c>) before anything is written; a failed restore leaves the database empty.
    /// </summary>
    public static async Task<BackupManifest> RestoreAsync(string backupFolder, string connectionString, string uploadsRoot, string? toolsFolder = null, CancellationToken ct = default)
    {
        var manifest = await PortalBackup.ReadManifestAsync(backupFolder, ct);
        if (manifest.Provider != ProviderName)
            throw new InvalidOperationException($"{backupFolder} is a backup of a SQLite portal; restore it with Database:Provider=Sqlite, then move it with --migrate-to-postgres (docs/operations.md).");
        var dump = Path.Combine(backupFolder, manifest.Database);
        if (!File.Exists(dump)) throw new InvalidOperationException($"{dump} is missing from the backup.");
        var restore = Tool("pg_restore", toolsFolder);
        await RunAsync(restore, ["--list", dump], connectionString: null, ct);

        var objects = await UserObjectsAsync(connectionString, ct);
        if (objects > 0)
            throw new InvalidOperationException($"{PostgreSqlDatabase.Describe(connectionString)} is not empty ({objects} tables, views or sequences); restore only into a new, empty database (createdb).");

        var database = new NpgsqlConnectionStringBuilder(connectionString).Database
                       ?? throw new InvalidOperationException("The connection string names no database.");
        // No owner or grants from the dump: the restored objects belong to the role the portal connects as.
        await RunAsync(restore, ["--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction", "--dbname=" + database, dump], connectionString, ct);
        var uploads = Path.Combine(backupFolder, manifest.Uploads);
        if (Directory.Exists(uploads)) PortalBackup.CopyFolder(uploads, uploadsRoot, ct);
        return manifest;
    }

    /// <summary>Tables, views and sequences outside the system schemas: what makes a database not empty for a restore.</summary>
    private static async Task<long> UserObjectsAsync(string connectionString, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(
            """
            SELECT count(*) FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
            WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')
              AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\_toast%' AND n.nspname NOT LIKE 'pg\_temp%'
            """, connection);
        return (long)(await command.ExecuteScalarAsync(ct))!;
    }

    /// <summary>
    /// The tool in the configured folder, else in the newest Debian/Ubuntu version folder (a pg_dump must be at least the
    /// server's version), else on the PATH.
    /// </summary>
    internal static string Tool(string name, string? toolsFolder)
    {
        if (toolsFolder is { Length: > 0 }) return Path.Combine(toolsFolder, name);
        const string versions = "/usr/lib/postgresql";
        if (Directory.Exists(versions))
        {
            var newest = Directory.GetDirectories(versions)
                .OrderByDescending(d => int.TryParse(Path.GetFileName(d), out var v) ? v : 0)
                .Select(d => Path.Combine(d, "bin", name))
                .FirstOrDefault(File.Exists);
            if (newest is not null) return newest;
        }
        return name;
    }

    private static async Task RunAsync(string tool, string[] args, string? connectionString, CancellationToken ct)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) start.ArgumentList.Add(a);
        if (connectionString is not null)
        {
            var c = new NpgsqlConnectionStringBuilder(connectionString);
            start.Environment["PGHOST"] = c.Host;
            start.Environment["PGPORT"] = c.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
            start.Environment["PGDATABASE"] = c.Database;
            start.Environment["PGUSER"] = c.Username;
            if (c.Password is { Length: > 0 } password) start.Environment["PGPASSWORD"] = password;
            start.Environment["PGSSLMODE"] = c.SslMode switch
            {
                SslMode.Disable => "disable",
                SslMode.Allow => "allow",
                SslMode.Require => "require",
                SslMode.VerifyCA => "verify-ca",
                SslMode.VerifyFull => "verify-full",
                _ => "prefer",
            };
            start.Environment["PGAPPNAME"] = "HomeVisit.Portal backup";
        }
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} did not start.");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"{tool} cannot be run ({e.Message}); install the PostgreSQL client tools (Debian: postgresql-client) or set {ToolsKey}.", e);
        }
        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync(ct);
            var error = process.StandardError.ReadToEndAsync(ct);
            await process.WaitForExitAsync(ct);
            if (process.ExitCode != 0)
                throw new InvalidOperationException($"{Path.GetFileName(tool)} failed ({process.ExitCode}): {(await error).Trim()}{(await output).Trim()}");
        }
    }
}
