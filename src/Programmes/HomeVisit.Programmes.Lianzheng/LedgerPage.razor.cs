using HomeVisit.Core.Accounts;
using HomeVisit.Core.Data;
using HomeVisit.Core.Institutions;
using HomeVisit.Core.Programmes;
using HomeVisit.Portal.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.JSInterop;
using MudBlazor;

namespace HomeVisit.Programmes.Lianzheng;

public partial class LedgerPage
{
    [Inject] private LianzhengService Lianzheng { get; set; } = default!;
    [Inject] private OrgService Org { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;
    [Inject] private IJSRuntime JS { get; set; } = default!;
    [Inject] private NavigationManager Nav { get; set; } = default!;
    [Inject] private ProgrammeCatalog Catalog { get; set; } = default!;

    [SupplyParameterFromQuery(Name = "year")] public int? YearFromQuery { get; set; }
    [SupplyParameterFromQuery(Name = "unit")] public int? Unit { get; set; }
    /// <summary>Only the unit's own leaders, not its sub-units' (the school's leaders on the year-end view).</summary>
    [SupplyParameterFromQuery(Name = "own")] public bool Own { get; set; }
    [CascadingParameter] private Task<AuthenticationState> AuthState { get; set; } = default!;

    // Whether the page opens at all is its Programme:lianzheng policy, checked over HTTP and again by the router in the circuit.
    private PortalUser? _user;
    // The title lines and the year's count; the rows come a page at a time through the grid.
    private Ledger? _head;
    private int _total;
    private MudDataGrid<LedgerRow>? _grid;
    private (int Year, int? Unit, bool Own)? _shown;
    // The whole year, read when the user prints (the A4 table is print-only), for the year, unit and scope shown.
    private Ledger? _print;
    private bool _printing, _printPending;
    private IReadOnlyList<UnitOption> _units = [];
    private string? _error;

    private int Year => YearFromQuery ?? Clock.Today().Year;

    private IEnumerable<int> Years
    {
        get
        {
            var current = Clock.Today().Year;
            var years = Enumerable.Range(0, 6).Select(i => current - i).ToList();
            if (!years.Contains(Year)) years.Add(Year);
            return years.OrderByDescending(y => y);
        }
    }

    private bool Oversees(PortalUser user) => Catalog.OverseenBy(user).Contains(LianzhengModule.ProgrammeKey);

    protected override async Task OnParametersSetAsync()
    {
        var user = _user ??= PortalUser.FromPrincipal((await AuthState).User)!;
        _units = (await Org.GetOptionsAsync(user)).Where(u => u.Kind != OrgUnitKind.PartyBranch).ToList();
        // The year comes from the address: one outside the ledger's range is refused like an unknown unit.
        (var first, _error) = await PageLoad.RunAsync(() => Lianzheng.LedgerPageAsync(user, Year, Unit, includeSubUnits: !Own, page: 1, pageSize: 0), T, validates: true);
        _head = first?.Head;
        _total = first?.Page.Total ?? 0;
        if (_shown != (Year, Unit, Own))
        {
            _shown = (Year, Unit, Own);
            _print = null;
            if (_grid is not null) await _grid.ReloadServerData();
        }
    }

    // One page from the database, numbered as in the whole year; the count above comes from the same query.
    private async Task<GridData<LedgerRow>> LoadAsync(GridState<LedgerRow> state, CancellationToken ct)
    {
        var result = await Lianzheng.LedgerPageAsync(_user!, Year, Unit, !Own, state.Page + 1, state.PageSize, ct);
        if (result.Page.Total != _total)
        {
            _total = result.Page.Total;
            StateHasChanged();
        }
        return new GridData<LedgerRow> { Items = result.Page.Items, TotalItems = result.Page.Total };
    }

    // The chosen unit shows its name; the list shows the tree by indenting.
    private string UnitName(int? id) => id is int i ? _units.FirstOrDefault(u => u.Id == i)?.Name ?? "" : T["全部单位"];

    private void Go(int? year, int? unit, bool own = false) =>
        Nav.NavigateTo($"/programmes/lianzheng/ledger?year={year ?? Year}{(unit is int u ? $"&unit={u}" : "")}{(own && unit is not null ? "&own=true" : "")}");

    // The printed ledger is the whole year: read it, let it render into the print-only table, then print.
    private async Task PrintAsync()
    {
        if (_user is null || _printing) return;
        _printing = true;
        try
        {
            _print = await Lianzheng.LedgerAsync(_user, Year, Unit, includeSubUnits: !Own);
            _printPending = true;
        }
        catch (Exception ex) when (ex is NotFoundException or AccessDeniedException or PortalValidationException)
        {
            _error = T.Error(ex);
        }
        finally
        {
            _printing = false;
        }
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!_printPending) return;
        _printPending = false;
        await JS.InvokeVoidAsync("portal.print");
    }
}
