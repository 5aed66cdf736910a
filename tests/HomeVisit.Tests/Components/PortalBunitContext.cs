using System.Globalization;
using Bunit;
using HomeVisit.Portal.Localization;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace HomeVisit.Tests.Components;

/// <summary>
/// A bUnit context with what the portal's components need: MudBlazor (its JS calls answered loosely, since popovers and
/// dialogs call into MudBlazor's script), the portal's texts and the Chinese MudBlazor texts, in the given culture.
/// Dispose with <c>await using</c>: MudBlazor's services are async-disposable only. The culture is set for the calling
/// test's flow only (it flows with the async context, not back to other tests).
/// </summary>
public sealed class PortalBunitContext : BunitContext
{
    public PortalBunitContext(string culture = "zh-CN")
    {
        CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = new CultureInfo(culture);
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddLocalization();
        Services.AddSingleton(typeof(Texts<>));
        Services.AddTransient<MudLocalizer, PortalMudLocalizer>();
    }

    /// <summary>Renders the providers MudBlazor's popovers, dialogs and snackbars draw into.</summary>
    public IRenderedComponent<MudDialogProvider> RenderProviders()
    {
        Render<MudPopoverProvider>();
        return Render<MudDialogProvider>();
    }
}
