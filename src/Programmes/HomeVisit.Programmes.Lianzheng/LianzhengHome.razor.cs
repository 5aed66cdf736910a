using HomeVisit.Core.Accounts;
using HomeVisit.Core.Data;
using HomeVisit.Core.Quotas;
using HomeVisit.Core.Visits;
using HomeVisit.Portal.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace HomeVisit.Programmes.Lianzheng;

public partial class LianzhengHome
{
    [Inject] private LianzhengService Lianzheng { get; set; } = default!;
    [Inject] private VisitService Visits { get; set; } = default!;
    [Inject] private QuotaService Quotas { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;
    [CascadingParameter] private Task<AuthenticationState> AuthState { get; set; } = default!;

    private PortalUser? _user;
    private VisitorPlan? _plan;
    private PagedResult<OpenChainRow>? _chains;

    protected override async Task OnInitializedAsync()
    {
        _user = PortalUser.FromPrincipal((await AuthState).User)!;
        if (_user.PersonId is int me && _user.CanVisit)
        {
            // No plan to show is no reason to hide the open chains below it.
            (_plan, _) = await PageLoad.RunAsync(() => Lianzheng.GetPlanAsync(_user, me, Clock.Today().Year), T);
        }
        _chains = await Visits.OpenChainsAsync(_user, LianzhengModule.ProgrammeKey, 1, 20);
    }
}
