namespace HomeVisit.Core.Programmes;

/// <summary>The registered programme modules, by key. Programme keys are validated against it, never against a list in code.</summary>
public sealed class ProgrammeCatalog(IEnumerable<IProgrammeModule> modules)
{
    private readonly IReadOnlyList<IProgrammeModule> _all = modules.ToList();
    private readonly Dictionary<string, IProgrammeModule> _byKey = modules.ToDictionary(p => p.Key, StringComparer.Ordinal);

    /// <summary>In the order they were registered (the menu order).</summary>
    public IReadOnlyList<IProgrammeModule> All => _all;

    public bool Exists(string? key) => key is not null && _byKey.ContainsKey(key);

    public IProgrammeModule? Find(string? key) => key is not null && _byKey.TryGetValue(key, out var p) ? p : null;

    public string NameOf(string key) => Find(key)?.Name ?? key;

    /// <summary>Programmes whose every record in the institution this user may see (the module's overseer roles).</summary>
    public IReadOnlyList<string> OverseenBy(Accounts.PortalUser user) =>
        _all.Where(m => user.IsAnyRole(m.OverseerRoles)).Select(m => m.Key).ToList();
}
