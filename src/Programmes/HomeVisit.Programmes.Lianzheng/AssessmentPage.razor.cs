using HomeVisit.Core.Accounts;
using HomeVisit.Core.Data;
using HomeVisit.Core.Quotas;
using HomeVisit.Portal.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.JSInterop;

namespace HomeVisit.Programmes.Lianzheng;

public partial class AssessmentPage
{
    [Inject] private LianzhengService Lianzheng { get; set; } = default!;
    [Inject] private QuotaService Quotas { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;
    [Inject] private IJSRuntime JS { get; set; } = default!;
    [Inject] private NavigationManager Nav { get; set; } = default!;

    [SupplyParameterFromQuery(Name = "year")] public int? YearFromQuery { get; set; }
    [CascadingParameter] private Task<AuthenticationState> AuthState { get; set; } = default!;

    // Whether the page opens at all is its Programme:lianzheng policy, checked over HTTP and again by the router in the circuit.
    private PortalUser? _user;
    private Assessment? _assessment;
    private string? _error;

    private int Year => YearFromQuery ?? Clock.Today().Year;

    protected override async Task OnParametersSetAsync()
    {
        var user = _user ??= PortalUser.FromPrincipal((await AuthState).User)!;
        if (!Quotas.CanOversee(user, LianzhengModule.ProgrammeKey)) return;
        // The year comes from the address: one outside the range is refused like a page the user may not see.
        (_assessment, _error) = await PageLoad.RunAsync(() => Lianzheng.AssessmentAsync(user, Year), T, validates: true);
    }

    private void YearChanged(int year) => Nav.NavigateTo($"/programmes/lianzheng/assessment?year={year}");

    private async Task PrintAsync() => await JS.InvokeVoidAsync("portal.print");
}
