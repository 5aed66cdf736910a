using HomeVisit.Core.Accounts;
using HomeVisit.Core.Data;
using HomeVisit.Core.Institutions;
using HomeVisit.Core.Programmes;
using HomeVisit.Portal.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.JSInterop;

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
    private Ledger? _ledger;
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
        (_ledger, _error) = await PageLoad.RunAsync(() => Lianzheng.LedgerAsync(user, Year, Unit, includeSubUnits: !Own), T, validates: true);
    }

    // The chosen unit shows its name; the list shows the tree by indenting.
    private string UnitName(int? id) => id is int i ? _units.FirstOrDefault(u => u.Id == i)?.Name ?? "" : T["全部单位"];

    private void Go(int? year, int? unit, bool own = false) =>
        Nav.NavigateTo($"/programmes/lianzheng/ledger?year={year ?? Year}{(unit is int u ? $"&unit={u}" : "")}{(own && unit is not null ? "&own=true" : "")}");

    private async Task PrintAsync() => await JS.InvokeVoidAsync("portal.print");
}
