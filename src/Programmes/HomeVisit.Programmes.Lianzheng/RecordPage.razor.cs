using HomeVisit.Core.Accounts;
using HomeVisit.Portal.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.JSInterop;

namespace HomeVisit.Programmes.Lianzheng;

public partial class RecordPage
{
    [Inject] private LianzhengService Lianzheng { get; set; } = default!;
    [Inject] private IJSRuntime JS { get; set; } = default!;

    [Parameter] public int Id { get; set; }
    [CascadingParameter] private Task<AuthenticationState> AuthState { get; set; } = default!;

    // Whether the page opens at all is its Programme:lianzheng policy, checked over HTTP and again by the router in the circuit.
    private PortalUser? _user;
    private LianzhengRecordSheet? _sheet;
    private string? _error;

    protected override async Task OnParametersSetAsync()
    {
        var user = _user ??= PortalUser.FromPrincipal((await AuthState).User)!;
        (_sheet, _error) = await PageLoad.RunAsync(() => Lianzheng.GetRecordSheetAsync(user, Id), T);
    }

    private async Task PrintAsync() => await JS.InvokeVoidAsync("portal.print");
}
