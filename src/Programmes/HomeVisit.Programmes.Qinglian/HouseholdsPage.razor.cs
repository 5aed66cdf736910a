using HomeVisit.Core.Accounts;
using HomeVisit.Core.Data;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace HomeVisit.Programmes.Qinglian;

public partial class HouseholdsPage
{
    [Inject] private QinglianHouseholdService Households { get; set; } = default!;
    [Inject] private NavigationManager Nav { get; set; } = default!;
    [Inject] private QinglianListService Lists { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    [CascadingParameter] private PortalUser? User { get; set; }
    [SupplyParameterFromQuery(Name = "status")] public string? QStatus { get; set; }
    [SupplyParameterFromQuery(Name = "q")] public string? QSearch { get; set; }

    private PortalUser? _user;
    private MudDataGrid<HouseholdRow>? _grid;
    private HouseholdPage? _page;
    private HouseholdStatus? _status;
    private string? _search;
    private HouseholdListStatus? _list, _nextList;
    private bool _confirming;

    // Status and search live in the address, so the counts' links and bookmarks work; a change reloads the grid.
    protected override async Task OnParametersSetAsync()
    {
        _user ??= User;
        if (_user is not null && _list is null) await LoadListsAsync();
        var status = Enum.TryParse<HouseholdStatus>(QStatus, true, out var s) ? s : (HouseholdStatus?)null;
        var search = string.IsNullOrWhiteSpace(QSearch) ? null : QSearch.Trim();
        if (status != _status || search != _search)
        {
            (_status, _search) = (status, search);
            if (_grid is not null) await _grid.ReloadServerData();
        }
    }

    private async Task LoadListsAsync()
    {
        _list = await Lists.StatusAsync(_user!);
        _nextList = await Lists.NextStatusAsync(_user!);
    }

    // The service refuses anyone but the role the rules name; the button is only shown to it. The coming period's list
    // may be confirmed ahead, so visits early in it can be planned in the last days of this one (3 days' written notice).
    private async Task ConfirmListAsync(bool next)
    {
        _confirming = true;
        try
        {
            await Lists.ConfirmAsync(_user!, next);
            await LoadListsAsync();
            Snackbar.Add(T["家访名单已确认。"], Severity.Success);
        }
        catch (AccessDeniedException e)
        {
            // The rules changed the confirming role since the page was opened.
            await LoadListsAsync();
            Snackbar.Add(T.Error(e), Severity.Error);
        }
        finally
        {
            _confirming = false;
        }
    }

    private string Link(HouseholdStatus? status) =>
        Nav.GetUriWithQueryParameters("/programmes/qinglian/households", new Dictionary<string, object?> { ["status"] = status?.ToString(), ["q"] = _search });

    private void Search(string? text) =>
        Nav.NavigateTo(Nav.GetUriWithQueryParameters("/programmes/qinglian/households",
            new Dictionary<string, object?> { ["status"] = _status?.ToString(), ["q"] = string.IsNullOrWhiteSpace(text) ? null : text.Trim() }));

    // The database pages; ServerData does not re-render this page, so the counts above the grid are refreshed here.
    private async Task<GridData<HouseholdRow>> LoadAsync(GridState<HouseholdRow> state, CancellationToken ct)
    {
        _page = await Households.ListAsync(_user!, new HouseholdQuery(_search, _status, state.Page + 1, state.PageSize), ct);
        StateHasChanged();
        return new GridData<HouseholdRow> { Items = _page.Rows.Items, TotalItems = _page.Rows.Total };
    }

    private static Color StatusColor(HouseholdStatus status) => status switch
    {
        HouseholdStatus.Visited => Color.Success,
        HouseholdStatus.Scheduled => Color.Info,
        _ => Color.Warning,
    };
}
