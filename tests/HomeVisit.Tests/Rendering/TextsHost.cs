using System.Globalization;
using HomeVisit.Core.Data;
using HomeVisit.Core.Programmes;
using HomeVisit.Portal.Localization;
using HomeVisit.Portal.Programmes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace HomeVisit.Tests.Rendering;

/// <summary>
/// The portal's texts as the host registers them (the framework's resx localizer, <see cref="Texts{TResources}"/>,
/// every module's set through <see cref="ProgrammeTexts"/>), for the text tests. Switching the culture is per test:
/// dispose puts the thread's cultures back.
/// </summary>
public sealed class TextsHost : IDisposable
{
    private readonly ServiceProvider _services = new ServiceCollection()
        .AddLogging()
        .AddLocalization()
        .AddSingleton(typeof(Texts<>))
        .AddSingleton<ProgrammeTexts>()
        .AddSingleton<IEnumerable<IProgrammeModule>>(ProgrammesServiceCollectionExtensions.Modules)
        .AddSingleton<ProgrammeCatalog>()
        .BuildServiceProvider();

    private readonly CultureInfo _ui = CultureInfo.CurrentUICulture;
    private readonly CultureInfo _format = CultureInfo.CurrentCulture;

    /// <summary>The core set, as a core page injects it.</summary>
    public Texts<PortalResources> Core => Texts<PortalResources>();

    public Texts<TResources> Texts<TResources>() => _services.GetRequiredService<Texts<TResources>>();

    /// <summary>The texts of a set given by its marker type (the set a page's folder injects).</summary>
    public IStringLocalizer Texts(Type resources) => (IStringLocalizer)_services.GetRequiredService(typeof(Texts<>).MakeGenericType(resources));

    /// <summary>A module's set with the core's behind it, as core pages use it for a module's record.</summary>
    public IStringLocalizer Programme(string? key) => _services.GetRequiredService<ProgrammeTexts>().For(key);

    /// <summary>Texts and formatting (dates, numbers) in this culture from now on, as the request culture would set them.</summary>
    public TextsHost Use(string culture)
    {
        CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = new CultureInfo(culture);
        return this;
    }

    /// <summary>The message as a page in that culture shows it, through the core set or the given one.</summary>
    public string Render(PortalMessage message, string culture, IStringLocalizer? texts = null)
    {
        Use(culture);
        return (texts ?? Core).Message(message);
    }

    /// <summary>Each field's message as a form in that culture shows it (ServerValidation).</summary>
    public Dictionary<string, string> Render(PortalValidationException e, string culture, IStringLocalizer? texts = null)
    {
        Use(culture);
        var t = texts ?? Core;
        return e.Messages.ToDictionary(m => m.Key, m => t.Message(m.Value));
    }

    public void Dispose()
    {
        CultureInfo.CurrentUICulture = _ui;
        CultureInfo.CurrentCulture = _format;
        _services.Dispose();
    }
}
