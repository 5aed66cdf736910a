using HomeVisit.Core.Data;
using HomeVisit.Portal.Localization;
using Microsoft.AspNetCore.Components;

namespace HomeVisit.Programmes.Ganbu;

public partial class Summary
{
    [Inject] private GanbuOversightService Oversight { get; set; } = default!;
    [Inject] private NavigationManager Nav { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;

    [SupplyParameterFromQuery(Name = "year")] public int? QYear { get; set; }
    [SupplyParameterFromQuery(Name = "quarter")] public int? QQuarter { get; set; }

    private static readonly GanbuCategory[] Categories = Enum.GetValues<GanbuCategory>();
    private GanbuQuarterSummary? _s;
    private string? _error;

    private int Year => QYear ?? GanbuOversightService.QuarterOf(Clock.Today()).Year;
    private int Quarter => QQuarter ?? GanbuOversightService.QuarterOf(Clock.Today()).Quarter;

    protected override async Task LoadAsync()
    {
        if (!Oversees) return;
        try
        {
            _s = await Oversight.QuarterSummaryAsync(Me, Year, Quarter);
            _error = null;
        }
        catch (Exception ex) when (ex is PortalValidationException or NotFoundException)
        {
            _s = null;
            _error = T.Error(ex);
        }
    }

    // The period lives in the address, so a printed or shared link shows the same quarter.
    private void Go(int year, int quarter) => Nav.NavigateTo($"/programmes/ganbu/summary?year={year}&quarter={quarter}");
}
