using System.Collections.Concurrent;

namespace HomeVisit.Portal.Exports;

/// <summary>
/// Finished exports waiting to be downloaded by the user who made them. Files live in the temp folder for
/// an hour at most and are deleted once downloaded; only their owner can fetch them.
/// </summary>
public sealed class ExportFiles(TimeProvider clock)
{
    private sealed record Entry(int UserId, string Path, string FileName, DateTimeOffset Expires);

    private readonly ConcurrentDictionary<string, Entry> _files = new();

    /// <summary>A temporary file for an export; <paramref name="extension"/> is the download's (.xlsx, .zip).</summary>
    public (string Id, string Path) Reserve(string extension = ".xlsx")
    {
        Sweep();
        var id = Guid.NewGuid().ToString("N");
        return (id, System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"homevisit-export-{id}{extension}"));
    }

    public void Complete(string id, string path, int userId, string fileName) =>
        _files[id] = new Entry(userId, path, fileName, clock.GetUtcNow().AddHours(1));

    public (string Path, string FileName)? Take(string id, int userId)
    {
        Sweep();
        if (!_files.TryGetValue(id, out var e) || e.UserId != userId) return null;
        _files.TryRemove(id, out _);
        return (e.Path, e.FileName);
    }

    private void Sweep()
    {
        foreach (var (id, e) in _files)
        {
            if (e.Expires > clock.GetUtcNow()) continue;
            if (_files.TryRemove(id, out _)) TryDelete(e.Path);
        }
    }

    public static void TryDelete(string path)
    {
        try { File.Delete(path); }
        catch (IOException) { }
    }
}
