using HomeVisit.Core.Accounts;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace HomeVisit.Programmes.Qinglian;

public partial class HouseholdsPage
{
    [Inject] private QinglianHouseholdService Households { get; set; } = default!;
    [Inject] private NavigationManager Nav { get; set; } = default!;

    [CascadingParameter] private PortalUser? User { get; set; }
    [SupplyParameterFromQuery(Name = "status")] public string? QStatus { get; set; }
    [SupplyParameterFromQuery(Name = "q")] public string? QSearch { get; set; }

    private PortalUser? _user;
    private MudDataGrid<HouseholdRow>? _grid;
    private HouseholdPage? _page;
    private HouseholdStatus? _status;
    private string? _search;

    // Status and search live in the address, so the counts' links and bookmarks work; a change reloads the grid.
    protected override async Task OnParametersSetAsync()
    {
        _user ??= User;
        var status = Enum.TryParse<HouseholdStatus>(QStatus, true, out var s) ? s : (HouseholdStatus?)null;
        var search = string.IsNullOrWhiteSpace(QSearch) ? null : QSearch.Trim();
        if (status != _status || search != _search)
        {
            (_status, _search) = (status, search);
            if (_grid is not null) await _grid.ReloadServerData();
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
