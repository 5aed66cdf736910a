using System.Globalization;
using HomeVisit.Core.Accounts;
using HomeVisit.Core.Data;
using HomeVisit.Core.Programmes;
using HomeVisit.Core.Visits;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using HomeVisit.Portal.Shared;
using MudBlazor;

namespace HomeVisit.Portal.Visits;

public partial class VisitList
{
    /// <summary>The filters, as kept in the query string so a link reproduces the list.</summary>
    private sealed record Filters(string? Programme, VisitStatus? Status, DateTime? From, DateTime? To, bool Mine, string? Search, VisitOpenFilter? Open = null, int? Unit = null)
    {
        public static readonly Filters None = new(null, null, null, null, false, null);
    }

    // The status list also offers the figures' 已安排 / 逾期未完成 split (open visits by day), kept as ?open= in the link.
    private const string OpenAhead = "open-ahead";
    private const string OpenOverdue = "open-overdue";

    [Inject] private VisitService Visits { get; set; } = default!;
    [Inject] private ProgrammeCatalog Programmes { get; set; } = default!;
    [Inject] private NavigationManager Nav { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;

    [CascadingParameter] private Task<AuthenticationState> AuthState { get; set; } = default!;
    [SupplyParameterFromQuery(Name = "programme")] public string? QProgramme { get; set; }
    [SupplyParameterFromQuery(Name = "status")] public string? QStatus { get; set; }
    [SupplyParameterFromQuery(Name = "from")] public string? QFrom { get; set; }
    [SupplyParameterFromQuery(Name = "to")] public string? QTo { get; set; }
    [SupplyParameterFromQuery(Name = "mine")] public bool? QMine { get; set; }
    [SupplyParameterFromQuery(Name = "q")] public string? QSearch { get; set; }
    [SupplyParameterFromQuery(Name = "open")] public string? QOpen { get; set; }
    [SupplyParameterFromQuery(Name = "unit")] public int? QUnit { get; set; }

    private MudDataGrid<VisitRow>? _grid;
    private PortalUser? _user;
    private Filters _f = Filters.None;
    // The unit a dashboard link filters by, named in a chip so the user sees why the count differs.
    private string? _unitName;
    private readonly GridPages _pages;

    public VisitList() => _pages = new GridPages(StateHasChanged);

    private IEnumerable<IProgrammeModule> UsableProgrammes => Programmes.All.Where(p => _user is not null && ProgrammeCatalog.MayUse(_user, p));

    private string NewHref => string.IsNullOrEmpty(_f.Programme) ? "/visits/new" : $"/visits/new?programme={Uri.EscapeDataString(_f.Programme)}";

    protected override async Task OnParametersSetAsync()
    {
        var user = PortalUser.FromPrincipal((await AuthState).User)!;
        var fromQuery = new Filters(
            Programmes.Exists(QProgramme) ? QProgramme : null,
            Enum.TryParse<VisitStatus>(QStatus, true, out var s) ? s : null,
            ParseDate(QFrom), ParseDate(QTo), QMine == true, string.IsNullOrWhiteSpace(QSearch) ? null : QSearch.Trim(),
            Enum.TryParse<VisitOpenFilter>(QOpen, true, out var open) ? open : null, QUnit);
        // The grid appears (and asks for its first page) only once the user and the filters are known.
        _user ??= user;
        if (fromQuery.Unit != _f.Unit || (fromQuery.Unit is not null && _unitName is null))
            _unitName = fromQuery.Unit is int unit ? await Visits.UnitNameAsync(user, unit) : null;
        if (fromQuery != _f)
        {
            // Opened from a link, or back/forward: the grid starts over with these filters.
            _f = fromQuery;
            if (_grid is not null) await _grid.ReloadServerData();
        }
    }

    // The database pages and filters; the count above the grid is kept by _pages (ServerData does not re-render the page).
    private Task<GridData<VisitRow>> LoadAsync(GridState<VisitRow> state, CancellationToken ct) =>
        _pages.LoadAsync(state, (page, size) => Visits.ListAsync(_user!, new VisitQuery(_f.Search, _f.Programme, _f.Status, _f.From, _f.To, _f.Mine, page, size, _f.Open, _f.Unit)));

    private async Task ApplyAsync(Filters f)
    {
        if (f == _f) return;
        _f = f;
        Nav.NavigateTo(ToUri(f), new NavigationOptions { ReplaceHistoryEntry = true });
        if (_grid is not null) await _grid.ReloadServerData();
    }

    private Task OnSearchChangedAsync(string? text) => ApplyAsync(_f with { Search = string.IsNullOrWhiteSpace(text) ? null : text.Trim() });

    private bool IsOverdue(VisitRow v) => VisitSchedule.IsOverdue(v.Status, v.PlannedStart, Clock.StartOfToday());

    private string RowClass(VisitRow v, int _) => IsOverdue(v) ? "hv-grid-row-overdue" : "";

    private static string StatusValue(Filters f) => f.Open switch
    {
        VisitOpenFilter.Ahead => OpenAhead,
        VisitOpenFilter.Overdue => OpenOverdue,
        _ => f.Status?.ToString() ?? "",
    };

    private static Filters WithStatus(Filters f, string? value) => value switch
    {
        OpenAhead => f with { Status = null, Open = VisitOpenFilter.Ahead },
        OpenOverdue => f with { Status = null, Open = VisitOpenFilter.Overdue },
        _ => f with { Status = Enum.TryParse<VisitStatus>(value, out var s) ? s : null, Open = null },
    };

    // The selects hold keys; the box shows the option's text.
    private string ProgrammeText(string? key) => string.IsNullOrEmpty(key) ? T["全部项目"] : T[Programmes.NameOf(key)];

    private string StatusText(string? value) => value switch
    {
        null or "" => T["全部状态"],
        OpenAhead => T["已安排未完成"],
        OpenOverdue => T["逾期未完成"],
        _ => Enum.TryParse<VisitStatus>(value, out var s) ? T.Enum(s) : value,
    };

    private string ToUri(Filters f) => Nav.GetUriWithQueryParameters("/visits", new Dictionary<string, object?>
    {
        ["programme"] = f.Programme,
        ["status"] = f.Status?.ToString(),
        ["open"] = f.Open?.ToString().ToLowerInvariant(),
        ["from"] = f.From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["to"] = f.To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["mine"] = f.Mine ? true : null,
        ["q"] = f.Search,
        ["unit"] = f.Unit,
    });

    private static DateTime? ParseDate(string? s) =>
        DateTime.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
