using HomeVisit.Core.Data;
using HomeVisit.Core.Institutions;
using HomeVisit.Portal.Localization;
using Microsoft.AspNetCore.Components;

namespace HomeVisit.Programmes.Ganbu;

public partial class Ledger
{
    [Inject] private GanbuFormsService Forms { get; set; } = default!;
    [Inject] private OrgService Org { get; set; } = default!;
    [Inject] private NavigationManager Nav { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;

    [SupplyParameterFromQuery(Name = "unit")] public int? QUnit { get; set; }
    [SupplyParameterFromQuery(Name = "year")] public int? QYear { get; set; }

    private IReadOnlyList<UnitOption> _units = [];
    private Dictionary<int, UnitOption> _unitsById = [];
    private GanbuLedger? _ledger;
    private string? _error;

    private int? Unit => QUnit;
    private int Year => QYear ?? Clock.Today().Year;

    protected override async Task LoadAsync()
    {
        if (_units.Count == 0)
        {
            _units = await Org.GetOptionsAsync(Me);
            _unitsById = _units.ToDictionary(u => u.Id);
        }
        _ledger = null;
        _error = null;
        if (Unit is not int unit) return;
        try
        {
            _ledger = await Forms.LedgerAsync(Me, unit, Year);
        }
        catch (NotFoundException ex)
        {
            _error = T.Error(ex);
        }
    }

    // The unit and year live in the address, so the export and a shared link show the same ledger.
    private void Go(int? unit, int year) =>
        Nav.NavigateTo(unit is null ? $"/programmes/ganbu/ledger?year={year}" : $"/programmes/ganbu/ledger?unit={unit}&year={year}");

    private string UnitName(int? id) => id is int i && _unitsById.TryGetValue(i, out var u) ? u.Name : "";

    private string UnitLabel(int? id) => id is int i && _unitsById.TryGetValue(i, out var u) ? u.Label : "";

    private Task<IEnumerable<int?>> SearchUnitsAsync(string? text, CancellationToken _) =>
        Task.FromResult(_units.Where(u => string.IsNullOrWhiteSpace(text) || u.Name.Contains(text.Trim(), StringComparison.OrdinalIgnoreCase))
                              .Select(u => (int?)u.Id));
}
