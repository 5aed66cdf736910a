using HomeVisit.Core.Accounts;
using HomeVisit.Core.Data;
using Microsoft.AspNetCore.Components;

namespace HomeVisit.Programmes.Lianxi;

public partial class ProgressPage
{
    [Inject] private LianxiProgressService Progress { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;

    [CascadingParameter] private PortalUser? User { get; set; }
    [SupplyParameterFromQuery(Name = "leader")] public int? LeaderFromQuery { get; set; }
    [SupplyParameterFromQuery(Name = "day")] public string? DayFromQuery { get; set; }

    private int? _leaderId;
    private DateOnly _day;
    private LeaderProgress? _p;
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
        _p = null;
        _error = null;
        if (_leaderId is not int id)
        {
            _error = T["请选择党员领导干部。"];
            return;
        }
        try
        {
            _p = await Progress.ProgressAsync(User!, id, _day);
        }
        catch (Exception ex) when (ex is NotFoundException or AccessDeniedException)
        {
            _error = T.Error(ex);
        }
    }

    private async Task LeaderChangedAsync(int? id) { _leaderId = id; await LoadAsync(); }

    private async Task DayChangedAsync(DateOnly day) { _day = day; await LoadAsync(); }

    private string Range(LinkView l) => l.EndsOn is { } end ? $"{l.StartsOn:yyyy-MM-dd} – {end:yyyy-MM-dd}" : T.Format("{0} 起", l.StartsOn.ToString("yyyy-MM-dd"));
}
