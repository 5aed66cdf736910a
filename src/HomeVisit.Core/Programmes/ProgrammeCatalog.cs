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
        _all.Where(m => user.IsAnyRole(m.OverseerRoles) && MayUse(user, m)).Select(m => m.Key).ToList();

    /// <summary>Whether the user may see the programme at all (<see cref="IProgrammeModule.AccessRoles"/>).</summary>
    public static bool MayUse(Accounts.PortalUser user, IProgrammeModule module) =>
        module.AccessRoles is not { } roles || user.IsAnyRole(roles);

    public bool MayUse(Accounts.PortalUser user, string? key) => Find(key) is { } m && MayUse(user, m);

    /// <summary>Keys of programmes whose visits count under the visited person's unit (<see cref="IProgrammeModule.CountsUnderVisitedUnit"/>).</summary>
    public IReadOnlyList<string> CountedUnderVisitedUnit => _all.Where(m => m.CountsUnderVisitedUnit).Select(m => m.Key).ToList();

    /// <summary>Keys of programmes this user may not see at all: their visits and items are left out of every list, even as a participant.</summary>
    public IReadOnlyList<string> HiddenFrom(Accounts.PortalUser user) =>
        _all.Where(m => !MayUse(user, m)).Select(m => m.Key).ToList();
}
