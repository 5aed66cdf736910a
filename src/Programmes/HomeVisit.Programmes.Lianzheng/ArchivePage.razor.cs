using HomeVisit.Core.Accounts;
using HomeVisit.Core.Archives;
using HomeVisit.Core.Data;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace HomeVisit.Programmes.Lianzheng;

public partial class ArchivePage
{
    [Inject] private RecordArchiveService Archives { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;
    [Inject] private NavigationManager Nav { get; set; } = default!;

    [SupplyParameterFromQuery(Name = "year")] public int? Year { get; set; }
    [CascadingParameter] private Task<AuthenticationState> AuthState { get; set; } = default!;

    // Whether the page opens at all is its Programme:lianzheng policy, checked over HTTP and again by the router in the circuit.
    private PortalUser? _user;
    private PagedResult<ArchivedRecordRow>? _rows;

    private IEnumerable<int> Years => Enumerable.Range(0, 6).Select(i => Clock.Today().Year - i);

    protected override async Task OnParametersSetAsync()
    {
        var user = _user ??= PortalUser.FromPrincipal((await AuthState).User)!;
        if (!LianzhengService.CanReadArchive(user)) return;
        _rows = await Archives.ListAsync(user, LianzhengAccess.ProgrammeKey, Year, 1, 200);
    }

    // The year lives in the address, so the list can be bookmarked and the back button works.
    private void YearChanged(int? year) =>
        Nav.NavigateTo(year is int y ? $"/programmes/lianzheng/records?year={y}" : "/programmes/lianzheng/records");
}
