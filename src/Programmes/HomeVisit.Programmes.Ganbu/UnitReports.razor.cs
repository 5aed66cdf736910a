using HomeVisit.Core.Data;
using Microsoft.AspNetCore.Components;

namespace HomeVisit.Programmes.Ganbu;

public partial class UnitReports
{
    [Inject] private GanbuOversightService Oversight { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;

    private int _year, _quarter;
    private IReadOnlyList<GanbuQuarterReportRow> _rows = [];
    private GanbuQuarterReportRow? _open;

    protected override async Task LoadAsync()
    {
        if (_year == 0) (_year, _quarter) = GanbuOversightService.QuarterOf(Clock.Today());
        _rows = await Oversight.QuarterReportsAsync(Me, _year, _quarter);
    }

    private async Task ChangeAsync(int year, int quarter)
    {
        (_year, _quarter, _open) = (year, quarter, null);
        _rows = await Oversight.QuarterReportsAsync(Me, _year, _quarter);
    }

    // After a save (or a conflict the user chose to reload) the table shows the unit's latest report and the form closes.
    private async Task SavedAsync()
    {
        _open = null;
        _rows = await Oversight.QuarterReportsAsync(Me, _year, _quarter);
    }
}
