using HomeVisit.Core.Accounts;
using HomeVisit.Core.Data;
using HomeVisit.Portal.Localization;
using HomeVisit.Portal.Shared;
using Microsoft.AspNetCore.Components;

namespace HomeVisit.Programmes.Lianxi;

/// <summary>
/// A page about one leader's linking work in one semester (进展, 工作记录表). The leader and the day come from the address
/// (<c>?leader=</c>, <c>?day=</c>), else the signed-in user's own person and today, and change with the pickers; a leader
/// the user may not see, or none chosen, shows <see cref="_error"/> instead of <see cref="Data"/>.
/// </summary>
public abstract class LeaderSemesterPage<TData> : ComponentBase where TData : class
{
    [Inject] protected LianxiProgressService Progress { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;
    [Inject] private Texts<LianxiResources> Texts { get; set; } = default!;

    [CascadingParameter] protected PortalUser? User { get; set; }
    [SupplyParameterFromQuery(Name = "leader")] public int? LeaderFromQuery { get; set; }
    [SupplyParameterFromQuery(Name = "day")] public string? DayFromQuery { get; set; }

    protected int? _leaderId;
    protected DateOnly _day;
    protected string? _error;

    /// <summary>What the page shows for the chosen leader and semester; null while loading or after a refusal.</summary>
    protected TData? Data { get; private set; }

    /// <summary>Loads the page's data; throws NotFound or AccessDenied when the user may not see the leader.</summary>
    protected abstract Task<TData> LoadForAsync(PortalUser user, int leaderId, DateOnly day);

    protected override async Task OnParametersSetAsync()
    {
        if (User is null) return;
        _leaderId = LeaderFromQuery ?? User.PersonId;
        _day = DateOnly.TryParse(DayFromQuery, out var d) ? d : Clock.Today();
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        Data = null;
        _error = null;
        if (_leaderId is not int id)
        {
            _error = Texts["请选择党员领导干部。"];
            return;
        }
        (Data, _error) = await PageLoad.RunAsync(() => LoadForAsync(User!, id, _day), Texts);
    }

    protected async Task LeaderChangedAsync(int? id) { _leaderId = id; await LoadAsync(); }

    protected async Task DayChangedAsync(DateOnly day) { _day = day; await LoadAsync(); }
}
