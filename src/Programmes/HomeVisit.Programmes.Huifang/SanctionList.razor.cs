using HomeVisit.Core.Accounts;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace HomeVisit.Programmes.Huifang;

public partial class SanctionList
{
    [Inject] private SanctionService Sanctions { get; set; } = default!;
    [Inject] private NavigationManager Nav { get; set; } = default!;

    [Parameter, EditorRequired] public PortalUser User { get; set; } = default!;
    [Parameter] public RevisitEligibility? Status { get; set; }
    [Parameter] public bool ShowStatusFilter { get; set; } = true;

    private MudDataGrid<SanctionRow>? _grid;
    private string? _search;
    private RevisitEligibility? _status;

    protected override void OnInitialized() => _status = Status;

    // The service pages and filters in the database (and decides each row's eligibility on the day).
    private async Task<GridData<SanctionRow>> LoadAsync(GridState<SanctionRow> state, CancellationToken ct)
    {
        var rows = await Sanctions.ListAsync(User, new SanctionQuery(_search, _status, state.Page + 1, state.PageSize), ct: ct);
        return new GridData<SanctionRow> { Items = rows.Items, TotalItems = rows.Total };
    }

    private async Task SearchAsync(string? text)
    {
        _search = string.IsNullOrWhiteSpace(text) ? null : text.Trim();
        await _grid!.ReloadServerData();
    }

    private async Task StatusAsync(RevisitEligibility? status)
    {
        _status = status;
        await _grid!.ReloadServerData();
    }

    private static Color StatusColor(RevisitEligibility s) => s switch
    {
        RevisitEligibility.Due => Color.Warning,
        RevisitEligibility.Excluded => Color.Error,
        RevisitEligibility.NotYetInForce => Color.Info,
        _ => Color.Default,
    };
}
