using HomeVisit.Core.Accounts;
using HomeVisit.Core.Data;
using HomeVisit.Core.Institutions;
using HomeVisit.Portal.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using MudBlazor;

namespace HomeVisit.Programmes.Lianxi;

public partial class SummaryPage
{
    [Inject] private LianxiProgressService Progress { get; set; } = default!;
    [Inject] private OrgService Org { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;
    [Inject] private IJSRuntime JS { get; set; } = default!;

    [CascadingParameter] private PortalUser? User { get; set; }

    private DateOnly _day;
    private int? _unitId;
    private IReadOnlyList<UnitOption> _units = [];
    private SemesterSummary? _s;
    private string? _error;
    private bool _started;
    private List<ChartSeries<double>> _series = [];
    private string[] _labels = [];

    // Once the cascaded user is there (it may arrive after the first parameters).
    protected override async Task OnParametersSetAsync()
    {
        if (User is null || _started) return;
        _started = true;
        _day = Clock.Today();
        if (LianxiAccess.Oversees(User))
            _units = (await Org.GetOptionsAsync(User)).Where(u => u.Kind != OrgUnitKind.PartyBranch).ToList();
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        (_s, _error) = await PageLoad.RunAsync(() => Progress.SummaryAsync(User!, _day, _unitId), T);
        if (_s is not null) Chart(_s);
    }

    // The chart shows the same figures as the table under it: per college, required and done.
    private void Chart(SemesterSummary s)
    {
        _labels = s.Units.Select(u => u.UnitName).ToArray();
        _series =
        [
            new ChartSeries<double> { Name = T["应完成"], Data = new ChartData<double>(s.Units.Select(u => (double)u.Required).ToArray()) },
            new ChartSeries<double> { Name = T["已完成"], Data = new ChartData<double>(s.Units.Select(u => (double)u.Done).ToArray()) },
        ];
    }

    private string UnitName(int? id) => id is null ? T["全校"] : _units.FirstOrDefault(u => u.Id == id)?.Label ?? "";

    private string XlsxHref => $"/programmes/lianxi/semester-summary.xlsx?day={_day:yyyy-MM-dd}{(_unitId is int u ? $"&unit={u}" : "")}";

    private async Task PrintAsync() => await JS.InvokeVoidAsync("portal.print");

    private async Task DayChangedAsync(DateOnly day) { _day = day; await LoadAsync(); }

    private async Task UnitChangedAsync(int? id)
    {
        _unitId = id;
        await LoadAsync();
    }
}
