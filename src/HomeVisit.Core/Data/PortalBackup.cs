using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace HomeVisit.Core.Data;

/// <summary>What a backup folder holds (manifest.json beside the copies); <paramref name="Provider"/> is the engine it was taken from.</summary>
public sealed record BackupManifest(DateTime TakenAtUtc, string Database, string Uploads, long DatabaseBytes, int UploadFiles, string Provider = "Sqlite");

/// <summary>
/// Online backup and restore of the portal's data: the SQLite database and the uploads folder (signed 承诺书 scans).
/// <para>
/// The backup runs while the portal serves: <c>VACUUM INTO</c> writes a consistent, compacted copy of the database as
/// of one read transaction (WAL lets the portal keep writing meanwhile), then the uploads are copied. Uploads are only
/// ever added under new names, so a scan saved during the copy is at worst missing from the backup, never torn, and
/// the database copy was taken first so it never names a scan the backup lacks.
/// </para>
/// <para>
/// A restore goes into a stopped portal's (or a fresh) data folder: the database file and the uploads are put back,
/// and a WAL or shared-memory file left beside an old database is removed so it cannot be replayed over the copy.
/// </para>
/// </summary>
public static class PortalBackup
{
    public const string DatabaseFile = "homevisit.db";
    public const string UploadsFolder = "uploads";
    public const string ManifestFile = "manifest.json";

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public static async Task<BackupManifest> BackupAsync(string connectionString, string uploadsRoot, string targetFolder, CancellationToken ct = default)
    {
        Directory.CreateDirectory(targetFolder);
        var databaseCopy = Path.Combine(targetFolder, DatabaseFile);
        if (File.Exists(databaseCopy) || Directory.Exists(Path.Combine(targetFolder, UploadsFolder)))
            throw new InvalidOperationException($"{targetFolder} already holds a backup; choose an empty folder.");

        await using (var connection = new SqliteConnection(connectionString))
        {
            await connection.OpenAsync(ct);
            await using var command = connection.CreateCommand();
            command.CommandText = "VACUUM INTO $target;";
            command.Parameters.AddWithValue("$target", databaseCopy);
            await command.ExecuteNonQueryAsync(ct);
        }

        var files = CopyFolder(uploadsRoot, Path.Combine(targetFolder, UploadsFolder), ct);
        var manifest = new BackupManifest(DateTime.UtcNow, DatabaseFile, UploadsFolder, new FileInfo(databaseCopy).Length, files);
        await File.WriteAllTextAsync(Path.Combine(targetFolder, ManifestFile), JsonSerializer.Serialize(manifest, Json), ct);
        return manifest;
    }

    /// <summary>
    /// Puts a backup back: the database file named by <paramref name="connectionString"/> and the uploads folder. Refuses to
    /// overwrite an existing database unless <paramref name="overwrite"/>; the portal must not be running on it.
    /// </summary>
    public static async Task<BackupManifest> RestoreAsync(string backupFolder, string connectionString, string uploadsRoot, bool overwrite, CancellationToken ct = default)
    {
        var manifest = await ReadManifestAsync(backupFolder, ct);
        if (manifest.Provider != nameof(PortalDatabaseProvider.Sqlite))
            throw new InvalidOperationException($"{backupFolder} is a backup of a {manifest.Provider} database; restore it with Database:Provider={manifest.Provider} into an empty database (docs/operations.md).");
        var source = Path.Combine(backupFolder, manifest.Database);
        await CheckIntegrityAsync(source, ct);

        var target = new SqliteConnectionStringBuilder(connectionString).DataSource;
        if (File.Exists(target) && !overwrite)
            throw new InvalidOperationException($"{target} exists; stop the portal and restore with --force to replace it.");
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(target))!);
        // Pooled connections of this process may still hold the old file open.
        using (var pooled = new SqliteConnection(connectionString)) SqliteConnection.ClearPool(pooled);
        foreach (var leftover in new[] { target + "-wal", target + "-shm", target + "-journal" })
            if (File.Exists(leftover)) File.Delete(leftover);
        File.Copy(source, target, overwrite: true);

        var uploads = Path.Combine(backupFolder, manifest.Uploads);
        if (Directory.Exists(uploads)) CopyFolder(uploads, uploadsRoot, ct);
        return manifest;
    }

    internal static async Task<BackupManifest> ReadManifestAsync(string backupFolder, CancellationToken ct)
    {
        var manifestPath = Path.Combine(backupFolder, ManifestFile);
        if (!File.Exists(manifestPath)) throw new InvalidOperationException($"{backupFolder} is not a portal backup (no {ManifestFile}).");
        return JsonSerializer.Deserialize<BackupManifest>(await File.ReadAllTextAsync(manifestPath, ct))
               ?? throw new InvalidOperationException($"{manifestPath} cannot be read.");
    }

    private static async Task CheckIntegrityAsync(string databaseFile, CancellationToken ct)
    {
        if (!File.Exists(databaseFile)) throw new InvalidOperationException($"{databaseFile} is missing from the backup.");
        var readOnly = new SqliteConnectionStringBuilder { DataSource = databaseFile, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString();
        await using var connection = new SqliteConnection(readOnly);
        await connection.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check;";
        var result = (string?)await command.ExecuteScalarAsync(ct);
        if (result != "ok") throw new InvalidOperationException($"The backup database fails its integrity check: {result}");
    }

    internal static int CopyFolder(string from, string to, CancellationToken ct)
    {
        Directory.CreateDirectory(to);
        if (!Directory.Exists(from)) return 0;
        var count = 0;
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            ct.ThrowIfCancellationRequested();
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
            count++;
        }
        return count;
    }
}
