using System.Globalization;
using HomeVisit.Core.Accounts;
using HomeVisit.Core.Data;
using HomeVisit.Core.Dashboards;
using HomeVisit.Core.Institutions;
using HomeVisit.Core.Programmes;
using HomeVisit.Core.Quotas;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace HomeVisit.Portal.Dashboards;

public partial class DashboardPage
{
    [Inject] private DashboardService Dashboards { get; set; } = default!;
    [Inject] private QuotaService Quotas { get; set; } = default!;
    [Inject] private ProgrammeCatalog Programmes { get; set; } = default!;
    [Inject] private ProgrammeRulesService Rules { get; set; } = default!;
    [Inject] private OrgService Org { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;

    [CascadingParameter] private Task<AuthenticationState> AuthState { get; set; } = default!;

    private PortalUser _user = default!;
    private Dashboard? _data;
    private IReadOnlyList<UnitOption> _units = [];
    private Dictionary<int, UnitOption> _unitsById = [];
    private IReadOnlyList<string> _overseen = [];
    private IReadOnlyList<IProgrammeModule> _overseenModules = [];
    private List<(IProgrammeModule Module, UnitRollup Rollup)> _rollups = [];
    private List<ChartSeries<double>> _monthSeries = [];
    private string[] _monthLabels = [];
    private int _thisYear, _year;
    private int? _unit;
    private string? _error;

    protected override async Task OnInitializedAsync()
    {
        _user = PortalUser.FromPrincipal((await AuthState).User)!;
        _overseen = Programmes.OverseenBy(_user);
        if (_overseen.Count == 0)
        {
            _error = T["只有管理员和组织部、纪检监察部门可以查看统计。"];
            return;
        }
        _overseenModules = Programmes.All.Where(p => _overseen.Contains(p.Key)).ToList();
        _monthLabels = Enumerable.Range(1, 12).Select(m => CultureInfo.CurrentCulture.DateTimeFormat.AbbreviatedMonthNames[m - 1]).ToArray(); // 1月 / Jan
        _thisYear = _year = Clock.Today().Year;
        _units = await Org.GetOptionsAsync(_user);
        _unitsById = _units.ToDictionary(u => u.Id);
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        _data = await Dashboards.BuildAsync(_user, _year, _unit);
        // Every month has its place on the axis whether or not it has visits; the table below shows the same numbers.
        _monthSeries = _overseenModules.Select(p => new ChartSeries<double>
        {
            Name = T[p.Name],
            Data = new ChartData<double>(Enumerable.Range(1, 12).Select(m => (double)VisitsIn(p.Key, m)).ToArray()),
        }).ToList();
        var day = _year == _thisYear ? Clock.Today() : new DateOnly(_year, 12, 31);
        _rollups = [];
        foreach (var state in (await Rules.ProgrammesAsync(_user.InstitutionId)).Where(s => s.Enabled && _overseen.Contains(s.Module.Key)))
        {
            var rules = await Rules.RulesOnAsync(_user.InstitutionId, state.Module.Key, day);
            if (rules.Quotas.Count == 0) continue;
            _rollups.Add((state.Module, await Quotas.UnitRollupAsync(_user, state.Module.Key, day)));
        }
    }

    private int VisitsIn(string key, int month) =>
        _data!.VisitsPerMonth.Where(x => x.ProgrammeKey == key && x.Month == month).Sum(x => x.Count);

    private List<ChartSeries<double>> RollupSeries(UnitRollup rollup) =>
        [new ChartSeries<double> { Name = T["完成率（%）"], Data = new ChartData<double>(rollup.Units.Select(u => (double)u.Percent).ToArray()) }];

    private string VisitsLink(string? key, int? month)
    {
        var from = month is int m ? new DateTime(_year, m, 1) : new DateTime(_year, 1, 1);
        var to = month is not null ? from.AddMonths(1).AddDays(-1) : new DateTime(_year, 12, 31);
        return $"/visits?status=Done&from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}" + (key is null ? "" : $"&programme={key}") + UnitParam;
    }

    private string OpenLink(string open) => $"/visits?open={open}&from={_year}-01-01&to={_year}-12-31" + UnitParam;

    // Each figure's list is filtered by the unit the figure was counted for.
    private string UnitParam => _unit is int u ? $"&unit={u}" : "";

    private static string Percent(int part, int whole) => whole <= 0 ? "—" : $"{Math.Round(100.0 * part / whole)}%";

    private async Task YearChangedAsync(int year)
    {
        _year = year;
        _data = null;
        await LoadAsync();
    }

    private async Task UnitChangedAsync(int? unit)
    {
        _unit = unit;
        _data = null;
        await LoadAsync();
    }

    private string UnitName(int? id) => id is int i && _unitsById.TryGetValue(i, out var u) ? u.Name : "";

    private string UnitLabel(int? id) => id is int i && _unitsById.TryGetValue(i, out var u) ? u.Label : "";

    private Task<IEnumerable<int?>> SearchUnitsAsync(string? text, CancellationToken _) =>
        Task.FromResult(_units.Where(u => string.IsNullOrWhiteSpace(text) || u.Name.Contains(text.Trim(), StringComparison.OrdinalIgnoreCase))
                              .Select(u => (int?)u.Id));
}
