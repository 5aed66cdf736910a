using System.Globalization;
using HomeVisit.Core.Accounts;
using HomeVisit.Core.Content;
using HomeVisit.Core.Programmes;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace HomeVisit.Portal.Help;

public partial class HelpPage
{
    [Inject] private MarkdownContent Content { get; set; } = default!;
    [Inject] private ProgrammeCatalog Catalog { get; set; } = default!;

    [Parameter] public string? Slug { get; set; }
    [CascadingParameter] private Task<AuthenticationState> AuthState { get; set; } = default!;

    private IReadOnlyList<ContentPage> _pages = [];
    private ContentPage? _page;

    protected override async Task OnParametersSetAsync()
    {
        // Rendered per reader: a programme the user may not see (IProgrammeModule.AccessRoles) is not named to them.
        var user = PortalUser.FromPrincipal((await AuthState).User);
        var unnamed = Catalog.All.Where(m => user is null || !ProgrammeCatalog.MayUse(user, m)).SelectMany(m => new[] { m.Name, m.EnglishName }).ToList();
        // The English UI reads the English pages (slug.en.md) where they ship; Chinese is the source.
        var language = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? "en" : null;
        _pages = Content.List("help", unnamed, language);
        _page = Slug is null ? _pages.FirstOrDefault() : Content.Load("help", Slug, unnamed, language);
    }
}
