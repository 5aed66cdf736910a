using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;

namespace HomeVisit.Core.Data;

/// <summary>
/// A string column that names a file under <c>Uploads:Root</c> by its '/'-separated path relative to it, declared by
/// the module that owns the entity (<see cref="Programmes.IProgrammeModule.UploadColumns"/>).
/// </summary>
public sealed record UploadColumn(Type Entity, string Property);

/// <summary>A file a row names that did not arrive as it was: missing from the source, or different after the copy.</summary>
public sealed record UploadProblem(string Table, string Column, string Key, string Problem);

/// <summary>What <see cref="UploadCopy.CopyAsync"/> did and found.</summary>
/// <param name="Files">Files copied (every file under the source folder but unfinished uploads).</param>
/// <param name="Referenced">Distinct files the rows name.</param>
/// <param name="SourceChecksum">SHA-256 over every copied file's relative path and SHA-256, in path order, on the source side.</param>
/// <param name="TargetChecksum">The same, read back from the target folder.</param>
public sealed record UploadCopyReport(
    string From, string To, int Files, long Bytes, int Referenced, string SourceChecksum, string TargetChecksum, IReadOnlyList<UploadProblem> Problems)
{
    public bool Matches => Problems.Count == 0 && SourceChecksum == TargetChecksum;
}

/// <summary>
/// Moves the uploads folder with the database (<c>--migrate-to-postgres</c>, docs/operations.md): copies every file to
/// the target's uploads folder, reads each back and compares SHA-256s, and checks that every file a row names (the
/// modules' <see cref="UploadColumn"/>s) is there unchanged. A named file missing from the source is a problem reported
/// with its table and key, never skipped quietly: the portal would show that scan as lost after the move as before it.
/// </summary>
public static class UploadCopy
{
    // ScanStore writes "<name>.part" and renames it when complete; a leftover one is an upload that never finished.
    private const string UnfinishedSuffix = ".part";

    public static async Task<UploadCopyReport> CopyAsync(DbContextOptions<PortalDbContext> database, string fromRoot, string toRoot, CancellationToken ct = default)
    {
        var from = Path.GetFullPath(fromRoot);
        var to = Path.GetFullPath(toRoot);
        var references = await ReferencesAsync(database, ct);

        var sourceHashes = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var targetHashes = new SortedDictionary<string, string>(StringComparer.Ordinal);
        long bytes = 0;
        var inPlace = string.Equals(from.TrimEnd(Path.DirectorySeparatorChar), to.TrimEnd(Path.DirectorySeparatorChar), StringComparison.Ordinal);
        if (Directory.Exists(from))
        {
            foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                if (file.EndsWith(UnfinishedSuffix, StringComparison.Ordinal)) continue;
                var relative = Path.GetRelativePath(from, file).Replace(Path.DirectorySeparatorChar, '/');
                sourceHashes[relative] = await HashAsync(file, ct);
                bytes += new FileInfo(file).Length;
                var target = Path.Combine(to, relative.Replace('/', Path.DirectorySeparatorChar));
                if (!inPlace)
                {
                    Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                    // Written under a temporary name and renamed, so a portal already serving from a shared target never
                    // opens a half-copied scan.
                    var temp = target + ".copy";
                    File.Copy(file, temp, overwrite: true);
                    File.Move(temp, target, overwrite: true);
                }
                targetHashes[relative] = await HashAsync(target, ct);
            }
        }

        var problems = new List<UploadProblem>();
        foreach (var (table, column, key) in references)
        {
            if (!IsRelativeUnder(key))
                problems.Add(new UploadProblem(table, column, key, "not a path inside the uploads folder"));
            else if (!sourceHashes.TryGetValue(key, out var sourceHash))
                problems.Add(new UploadProblem(table, column, key, $"missing from the source folder {from}"));
            else if (!targetHashes.TryGetValue(key, out var targetHash) || targetHash != sourceHash)
                problems.Add(new UploadProblem(table, column, key, $"differs in {to} after the copy"));
        }

        return new UploadCopyReport(from, to, sourceHashes.Count, bytes, references.Select(r => r.Key).Distinct(StringComparer.Ordinal).Count(),
            Checksum(sourceHashes), Checksum(targetHashes), problems);
    }

    /// <summary>Every (table, column, key) the rows of the modules' upload columns name, in table and key order.</summary>
    public static async Task<IReadOnlyList<(string Table, string Column, string Key)>> ReferencesAsync(DbContextOptions<PortalDbContext> database, CancellationToken ct = default)
    {
        await using var db = new PortalDbContext(database);
        var found = new List<(string, string, string)>();
        foreach (var column in db.ProgrammeModules.SelectMany(m => m.UploadColumns))
        {
            var type = db.Model.FindEntityType(column.Entity)
                       ?? throw new InvalidOperationException($"{column.Entity.Name} is declared as holding uploads but is not in the model.");
            var keys = await (Task<List<string>>)typeof(UploadCopy).GetMethod(nameof(KeysOfAsync), BindingFlags.NonPublic | BindingFlags.Static)!
                .MakeGenericMethod(column.Entity).Invoke(null, [db, column.Property, ct])!;
            found.AddRange(keys.Select(k => (type.GetTableName()!, column.Property, k)));
        }
        return found;
    }

    private static Task<List<string>> KeysOfAsync<T>(PortalDbContext db, string property, CancellationToken ct) where T : class
        => db.Set<T>().AsNoTracking().Select(e => EF.Property<string?>(e, property)).Where(k => k != null && k != "")
            .Distinct().OrderBy(k => k).Select(k => k!).ToListAsync(ct);

    // A key from the database must stay inside the folder: no rooted path, no "..", no empty segment.
    private static bool IsRelativeUnder(string key)
        => !Path.IsPathRooted(key) && !key.Contains('\\') && key.Split('/').All(s => s.Length > 0 && s != "." && s != "..");

    private static async Task<string> HashAsync(string path, CancellationToken ct)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);
        return Convert.ToHexString(await SHA256.HashDataAsync(stream, ct));
    }

    private static string Checksum(SortedDictionary<string, string> hashes)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var (path, sha) in hashes) hash.AppendData(Encoding.UTF8.GetBytes($"{path}\t{sha}\n"));
        return Convert.ToHexString(hash.GetHashAndReset());
    }
}
