using HomeVisit.Core.Accounts;
using HomeVisit.Core.Archives;
using HomeVisit.Core.Data;
using HomeVisit.Core.Programmes;
using HomeVisit.Portal.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace HomeVisit.Portal.Archives;

public partial class RecordArchivePage
{
    [Inject] private RecordArchiveService Archives { get; set; } = default!;
    [Inject] private ProgrammeCatalog Catalog { get; set; } = default!;
    [Inject] private ProgrammeTexts ModuleTexts { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;
    [Inject] private NavigationManager Nav { get; set; } = default!;

    [Parameter] public string Key { get; set; } = "";
    [SupplyParameterFromQuery(Name = "year")] public int? Year { get; set; }
    [CascadingParameter] private Task<AuthenticationState> AuthState { get; set; } = default!;

    private PagedResult<ArchivedRecordRow>? _rows;
    private string? _title, _error;
    private bool _notFound;

    private IEnumerable<int> Years => Enumerable.Range(0, 6).Select(i => Clock.Today().Year - i);

    protected override async Task OnParametersSetAsync()
    {
        var user = PortalUser.FromPrincipal((await AuthState).User)!;
        // The page's policy already refused a programme the user may not use; a programme without an archive is unknown here too.
        if (Catalog.Find(Key) is not { } module || Archives.Find(Key) is not { } archive)
        {
            _notFound = true;
            return;
        }
        // One page per archive: where the module lists it on its own page, this address (kept for old links and bookmarks)
        // sends there, year and all. The policy above has already refused whoever may not use the programme; that page
        // and the service check the rest.
        if (archive.OwnPage is { } own)
        {
            Nav.NavigateTo(Year is int year ? $"{own}?year={year}" : own, replace: true);
            return;
        }
        var texts = ModuleTexts.For(Key);
        _title = $"{texts[module.Name]}{texts[archive.Title]}";
        try
        {
            _rows = await Archives.ListAsync(user, Key, Year, 1, 200);
        }
        catch (NotFoundException)
        {
            _notFound = true;
        }
        catch (AccessDeniedException e)
        {
            _error = T[e.Message];
        }
    }

    // The year lives in the address, so the list can be bookmarked and the back button works.
    private void YearChanged(int? year) =>
        Nav.NavigateTo(year is int y ? $"/programmes/{Key}/archive?year={y}" : $"/programmes/{Key}/archive");
}
