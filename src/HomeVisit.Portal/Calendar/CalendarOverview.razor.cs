using HomeVisit.Core.Accounts;
using HomeVisit.Core.Calendar;
using HomeVisit.Core.Institutions;
using HomeVisit.Core.Programmes;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace HomeVisit.Portal.Calendar;

public partial class CalendarOverview
{
    [Inject] private CalendarService Calendar { get; set; } = default!;
    [Inject] private ProgrammeCatalog Programmes { get; set; } = default!;
    [Inject] private OrgService Org { get; set; } = default!;

    [CascadingParameter] private Task<AuthenticationState> AuthState { get; set; } = default!;

    private static readonly IReadOnlyList<string> OverviewViews = ["month", "week", "list"];
    private VisitCalendar? _calendar;
    private IReadOnlyList<CalendarEntry> _entries = [];
    private IReadOnlyList<UnitOption> _units = [];
    private Dictionary<int, UnitOption> _unitsById = [];
    private IReadOnlyList<string> _overseen = [];
    private PortalUser _user = default!;
    private int? _unitId;
    private string? _programme;
    private bool _denied;

    protected override async Task OnInitializedAsync()
    {
        _user = PortalUser.FromPrincipal((await AuthState).User)!;
        _overseen = Programmes.OverseenBy(_user);
        _denied = _overseen.Count == 0;
        if (_denied) return;
        _units = await Org.GetOptionsAsync(_user);
        _unitsById = _units.ToDictionary(u => u.Id);
    }

    private async Task<IReadOnlyList<CalendarEntry>> LoadAsync(DateTime from, DateTime to)
    {
        if (_denied) return [];
        _entries = await Calendar.OverviewEntriesAsync(_user, _unitId, _programme, from, to);
        await InvokeAsync(StateHasChanged);
        return _entries;
    }

    private string Describe(CalendarEntry e) => $"{T[e.ProgrammeName]} · {e.Visitors} → {e.Targets}";

    private async Task UnitChangedAsync(int? unitId)
    {
        _unitId = unitId;
        await _calendar!.ReloadAsync();
    }

    private async Task ProgrammeChangedAsync(string? key)
    {
        _programme = string.IsNullOrEmpty(key) ? null : key;
        await _calendar!.ReloadAsync();
    }

    private string ProgrammeText(string? key) => string.IsNullOrEmpty(key) ? T["全部项目"] : T[Programmes.NameOf(key)];

    private string UnitName(int? id) => id is int i && _unitsById.TryGetValue(i, out var u) ? u.Name : "";

    // The list shows the tree by indenting; the chosen unit shows just its name.
    private string UnitLabel(int? id) => id is int i && _unitsById.TryGetValue(i, out var u) ? u.Label : "";

    private Task<IEnumerable<int?>> SearchUnitsAsync(string? text, CancellationToken _) =>
        Task.FromResult(_units.Where(u => string.IsNullOrWhiteSpace(text) || u.Name.Contains(text.Trim(), StringComparison.OrdinalIgnoreCase))
                              .Select(u => (int?)u.Id));
}
