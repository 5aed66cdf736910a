using System.Globalization;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace HomeVisit.Portal.Localization;

/// <summary>
/// MudBlazor's texts in the user's language: Chinese from <see cref="MudResources"/>, English from MudBlazor itself.
/// The resource set's neutral language is Chinese, so the English UI must not fall back to it: it reports "not found",
/// which makes MudBlazor use its built-in English.
/// </summary>
public sealed class PortalMudLocalizer(IStringLocalizer<MudResources> texts) : MudLocalizer
{
    public override LocalizedString this[string key] =>
        CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "zh"
            ? texts[key]
            : new LocalizedString(key, key, resourceNotFound: true);
}
