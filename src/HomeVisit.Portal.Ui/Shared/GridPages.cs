using HomeVisit.Core.Data;
using MudBlazor;

namespace HomeVisit.Portal.Shared;

/// <summary>
/// A server-paged list's grid: <see cref="LoadAsync"/> is its <c>ServerData</c> and keeps the total the page shows above
/// it. MudDataGrid's ServerData does not re-render the page around the grid, so the total is refreshed here when it moved.
/// </summary>
public sealed class GridPages(Action rerender)
{
    public int Total { get; private set; }

    /// <param name="load">The service's query for one page (1-based) of the given size; it pages in the database.</param>
    public async Task<GridData<T>> LoadAsync<T>(GridState<T> state, Func<int, int, Task<PagedResult<T>>> load)
    {
        var result = await load(state.Page + 1, state.PageSize);
        if (Total != result.Total)
        {
            Total = result.Total;
            rerender();
        }
        return new GridData<T> { Items = result.Items, TotalItems = result.Total };
    }
}
