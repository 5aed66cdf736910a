using HomeVisit.Core.Accounts;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace HomeVisit.Programmes.Ganbu;

public partial class RequestGrid
{
    [Inject] private GanbuRequestService Requests { get; set; } = default!;
    [Inject] private NavigationManager Nav { get; set; } = default!;

    [Parameter, EditorRequired] public PortalUser User { get; set; } = default!;
    [Parameter, EditorRequired] public GanbuRequestQuery Query { get; set; } = default!;
    [Parameter] public string TestId { get; set; } = "requests-grid";
    [Parameter] public string EmptyText { get; set; } = "没有符合条件的诉求。";

    private MudDataGrid<GanbuRequestRow>? _grid;
    private GanbuRequestQuery? _loaded;

    protected override async Task OnParametersSetAsync()
    {
        // A changed filter starts again from the first page.
        if (_loaded is not null && _loaded != Query && _grid is not null)
        {
            _loaded = Query;
            await _grid.ReloadServerData();
        }
    }

    private async Task<GridData<GanbuRequestRow>> LoadAsync(GridState<GanbuRequestRow> state, CancellationToken ct)
    {
        _loaded = Query;
        var result = await Requests.ListAsync(User, Query with { Page = state.Page + 1, PageSize = state.PageSize }, ct);
        return new GridData<GanbuRequestRow> { Items = result.Items, TotalItems = result.Total };
    }
}
