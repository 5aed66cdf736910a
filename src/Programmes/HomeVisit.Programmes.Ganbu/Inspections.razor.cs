using HomeVisit.Core.Data;
using HomeVisit.Core.Institutions;
using Microsoft.AspNetCore.Components;

namespace HomeVisit.Programmes.Ganbu;

public partial class Inspections
{
    [Inject] private GanbuOversightService Oversight { get; set; } = default!;
    [Inject] private OrgService Org { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;

    private IReadOnlyList<UnitOption> _units = [];
    private IReadOnlyList<GanbuInspectionRow> _rows = [];
    private int _year;

    protected override async Task LoadAsync()
    {
        if (!Oversees) return;
        if (_year == 0)
        {
            _year = Clock.Today().Year;
            _units = await Org.GetOptionsAsync(Me);
        }
        await ReloadAsync();
    }

    private async Task ReloadAsync() => _rows = await Oversight.InspectionsAsync(Me, _year);

    private async Task ChangeYearAsync(int year)
    {
        _year = year;
        await ReloadAsync();
    }
}
