using HomeVisit.Core.Accounts;
using HomeVisit.Core.Data;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
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
    private int _total;

    // The grid appears (and asks for its first page) only once the user is known.
    protected override async Task OnInitializedAsync() => _user = PortalUser.FromPrincipal((await AuthState).User)!;

    // The database pages and searches; ServerData does not re-render this page, so the total above is refreshed here.
    private async Task<GridData<UserRow>> LoadAsync(GridState<UserRow> state, CancellationToken ct)
    {
        var result = await UsersAdmin.ListAsync(_user!, _search, state.Page + 1, state.PageSize, ct);
        if (_total != result.Total)
        {
            _total = result.Total;
            StateHasChanged();
        }
        return new GridData<UserRow> { Items = result.Items, TotalItems = result.Total };
    }

    private async Task OnSearchChangedAsync(string? value)
    {
        _search = value;
        if (_grid is not null) await _grid.ReloadServerData();
    }

    private static string LastSignIn(UserRow u) =>
        u.LastSignInAt is { } t ? InstitutionTime.FromUtc(t).ToString("yyyy-MM-dd HH:mm") : "—";
}
