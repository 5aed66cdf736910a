using HomeVisit.Core.Accounts;
using HomeVisit.Core.Data;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace HomeVisit.Programmes.Lianxi;

public partial class RecordTablePage
{
    [Inject] private LianxiProgressService Progress { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;
    [Inject] private IJSRuntime JS { get; set; } = default!;

    [CascadingParameter] private PortalUser? User { get; set; }
    [SupplyParameterFromQuery(Name = "leader")] public int? LeaderFromQuery { get; set; }
    [SupplyParameterFromQuery(Name = "day")] public string? DayFromQuery { get; set; }

    private int? _leaderId;
    private DateOnly _day;
    private RecordTable? _t;
    private string? _error;

    protected override async Task OnParametersSetAsync()
    {
        if (User is null) return;
        _leaderId = LeaderFromQuery ?? User.PersonId;
        _day = DateOnly.TryParse(DayFromQuery, out var d) ? d : Clock.Today();
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        _t = null;
        _error = null;
        if (_leaderId is not int id)
        {
            _error = T["请选择党员领导干部。"];
            return;
        }
        try
        {
            _t = await Progress.RecordTableAsync(User!, id, _day);
        }
        catch (Exception ex) when (ex is NotFoundException or AccessDeniedException)
        {
            _error = T.Error(ex);
        }
    }

    private async Task LeaderChangedAsync(int? id) { _leaderId = id; await LoadAsync(); }

    private async Task DayChangedAsync(DateOnly day) { _day = day; await LoadAsync(); }

    private async Task PrintAsync() => await JS.InvokeVoidAsync("print");
}
