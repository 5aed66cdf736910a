using System.Collections.Concurrent;
using HomeVisit.Core.Programmes;
using Microsoft.Extensions.Localization;

namespace HomeVisit.Portal.Localization;

/// <summary>A programme module that brings its own resource set (every module in the portal does).</summary>
public interface ILocalizedProgramme
{
    /// <summary>The marker type of the module's resource set (IProgrammeModule.TextResources, never null here).</summary>
    Type TextResources { get; }
}

/// <summary>
/// Texts a module defines but core pages show: its record-form labels, priority situations, quota names. Core pages
/// ask for the module of the record at hand; the module's set has the core set behind it.
/// </summary>
public sealed class ProgrammeTexts(IStringLocalizerFactory factory, IEnumerable<IProgrammeModule> modules)
{
    private readonly ConcurrentDictionary<string, IStringLocalizer> _byKey = new(StringComparer.Ordinal);

    public IStringLocalizer For(string? programmeKey)
    {
        var resources = modules.FirstOrDefault(m => m.Key == programmeKey)?.TextResources ?? typeof(PortalResources);
        return _byKey.GetOrAdd(programmeKey ?? "", _ => ResourceChain.Create(factory, resources));
    }
}
