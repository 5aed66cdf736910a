using HomeVisit.Core.Accounts;
using HomeVisit.Core.Institutions;
using HomeVisit.Core.People;
using Microsoft.AspNetCore.Components;
using HomeVisit.Portal.Shared;
using MudBlazor;

namespace HomeVisit.Portal.People;

public partial class PeopleList
{
    [Inject] private PeopleService People { get; set; } = default!;
    [Inject] private OrgService Org { get; set; } = default!;
    [Inject] private NavigationManager Nav { get; set; } = default!;

    [CascadingParameter] private PortalUser? User { get; set; }
    [SupplyParameterFromQuery(Name = "unit")] public int? Unit { get; set; }
    [SupplyParameterFromQuery(Name = "q")] public string? Query { get; set; }

    private PortalUser? _user;
    private MudDataGrid<PersonRow>? _grid;
    private IReadOnlyList<UnitOption> _units = [];
    private Dictionary<int, UnitOption> _unitsById = [];
    private readonly GridPages _pages;

    public PeopleList() => _pages = new GridPages(StateHasChanged);
    private string? _search;
    private int? _appliedUnit;

    protected override async Task OnInitializedAsync()
    {
        var user = User!;
        _search = Query;
        _units = await Org.GetOptionsAsync(user);
        _unitsById = _units.ToDictionary(u => u.Id);
        _appliedUnit = Unit;
        // The grid appears (and asks for its first page) only once the user is known.
        _user = user;
    }

    // The database pages and filters; the count above the grid is kept by _pages (ServerData does not re-render the page).
    private Task<GridData<PersonRow>> LoadAsync(GridState<PersonRow> state, CancellationToken ct) =>
        _pages.LoadAsync(state, (page, size) => People.SearchAsync(_user!, new PersonQuery(_search, Unit, page, size), ct));

    private async Task OnSearchChangedAsync(string? value)
    {
        _search = value;
        if (_grid is not null) await _grid.ReloadServerData();
    }

    // The unit filter lives in the address (/people?unit=ID), so links from the organisation page and bookmarks work;
    // changing it navigates and OnParametersSetAsync reloads.
    private void OnUnitChanged(int? unit) => Nav.NavigateTo(Nav.GetUriWithQueryParameter("unit", unit), replace: true);

    protected override async Task OnParametersSetAsync()
    {
        if (_appliedUnit == Unit) return;
        _appliedUnit = Unit;
        if (_grid is not null) await _grid.ReloadServerData();
    }

    private string UnitName(int? id) => id is int i && _unitsById.TryGetValue(i, out var u) ? u.Name : "";

    private string UnitLabel(int? id) => id is int i && _unitsById.TryGetValue(i, out var u) ? u.Label : "";

    private Task<IEnumerable<int?>> SearchUnitsAsync(string? text, CancellationToken _) =>
        Task.FromResult(_units.Where(u => string.IsNullOrWhiteSpace(text) || u.Name.Contains(text.Trim(), StringComparison.OrdinalIgnoreCase))
                              .Select(u => (int?)u.Id));
}
