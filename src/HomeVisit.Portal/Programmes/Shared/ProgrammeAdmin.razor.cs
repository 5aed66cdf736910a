using HomeVisit.Core.Accounts;
using HomeVisit.Core.Data;
using HomeVisit.Core.Programmes;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace HomeVisit.Portal.Programmes.Shared;

public partial class ProgrammeAdmin
{
    [Inject] private ProgrammeRulesService RulesService { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;
    [CascadingParameter] private Task<AuthenticationState> AuthState { get; set; } = default!;

    private List<Row>? _rows;
    private PortalUser _user = default!;

    private sealed record Row(IProgrammeModule Module, bool Enabled, ProgrammeRules Rules, DateOnly? Since, bool CanEdit);

    protected override async Task OnInitializedAsync()
    {
        var user = _user = PortalUser.FromPrincipal((await AuthState).User)!;
        var today = Clock.Today();
        var rows = new List<Row>();
        foreach (var state in await RulesService.ProgrammesForAsync(user))
        {
            var key = state.Module.Key;
            var rules = await RulesService.RulesOnAsync(user.InstitutionId, key, today);
            var since = RuleEditing.InForceOn(await RulesService.HistoryAsync(user, key), today)?.EffectiveFrom;
            rows.Add(new Row(state.Module, state.Enabled, rules, since, ProgrammeRulesService.IsRuleAdmin(user, state.Module)));
        }
        _rows = rows;
    }
}
