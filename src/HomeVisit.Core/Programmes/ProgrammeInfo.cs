namespace HomeVisit.Core.Programmes;

/// <summary>
/// What the core knows of a programme: its key and names. Modules register one each; the core
/// validates programme keys against the registered set and never against a hard-coded list.
/// </summary>
public sealed record ProgrammeInfo(string Key, string Name, string EnglishName, string Colour);

public sealed class ProgrammeCatalog(IEnumerable<ProgrammeInfo> programmes)
{
    private readonly Dictionary<string, ProgrammeInfo> _byKey = programmes.ToDictionary(p => p.Key, StringComparer.Ordinal);

    public IReadOnlyCollection<ProgrammeInfo> All => _byKey.Values;

    public bool Exists(string? key) => key is not null && _byKey.ContainsKey(key);

    public ProgrammeInfo? Find(string? key) => key is not null && _byKey.TryGetValue(key, out var p) ? p : null;

    public string NameOf(string key) => Find(key)?.Name ?? key;
}
