using System.Collections.Concurrent;
using System.Reflection;
using MudBlazor;

namespace HomeVisit.Portal.Layout;

/// <summary>
/// A module names its menu icons by Material ligature ("calendar_month") so the core contract does not depend on a UI
/// library; MudBlazor draws icons from SVG paths, found here by name (calendar_month → Icons.Material.Filled.CalendarMonth).
/// </summary>
public static class MaterialIcons
{
    private static readonly ConcurrentDictionary<string, string?> Cache = new();

    public static string? Of(string? ligature) =>
        string.IsNullOrEmpty(ligature) ? null : Cache.GetOrAdd(ligature, static name =>
        {
            var pascal = string.Concat(name.Split('_', StringSplitOptions.RemoveEmptyEntries).Select(w => char.ToUpperInvariant(w[0]) + w[1..]));
            return typeof(Icons.Material.Filled).GetField(pascal, BindingFlags.Public | BindingFlags.Static)?.GetValue(null) as string;
        });
}
