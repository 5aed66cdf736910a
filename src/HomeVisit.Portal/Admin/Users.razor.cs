using HomeVisit.Core.Accounts;
using HomeVisit.Core.Data;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using HomeVisit.Portal.Shared;
using MudBlazor;

namespace HomeVisit.Portal.Admin;

public partial class Users
{
    [Inject] private UserAdminService UsersAdmin { get; set; } = default!;
    [Inject] private NavigationManager Nav { get; set; } = default!;

    [CascadingParameter] private Task<AuthenticationState> AuthState { get; set; } = default!;

    private PortalUser? _user;
    private MudDataGrid<UserRow>? _grid;
    private string? _search;
    private readonly GridPages _pages;

    public Users() => _pages = new GridPages(StateHasChanged);

    // The grid appears (and asks for its first page) only once the user is known.
    protected override async Task OnInitializedAsync() => _user = PortalUser.FromPrincipal((await AuthState).User)!;

    // The database pages and filters; the count above the grid is kept by _pages (ServerData does not re-render the page).
    private Task<GridData<UserRow>> LoadAsync(GridState<UserRow> state, CancellationToken ct) =>
        _pages.LoadAsync(state, (page, size) => UsersAdmin.ListAsync(_user!, _search, page, size, ct));

    private async Task OnSearchChangedAsync(string? value)
    {
        _search = value;
        if (_grid is not null) await _grid.ReloadServerData();
    }

    private static string LastSignIn(UserRow u) =>
        u.LastSignInAt is { } t ? InstitutionTime.FromUtc(t).ToString("yyyy-MM-dd HH:mm") : "—";
}
