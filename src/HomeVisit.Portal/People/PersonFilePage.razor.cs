using HomeVisit.Core.Accounts;
using HomeVisit.Core.People;
using HomeVisit.Core.Programmes;
using HomeVisit.Portal.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.JSInterop;

namespace HomeVisit.Portal.People;

public partial class PersonFilePage
{
    [Inject] private PersonFileService Files { get; set; } = default!;
    [Inject] private ProgrammeCatalog Programmes { get; set; } = default!;
    [Inject] private IJSRuntime JS { get; set; } = default!;

    [CascadingParameter] private Task<AuthenticationState> AuthState { get; set; } = default!;
    [Parameter] public int Id { get; set; }

    private PersonFile? _file;
    private string? _error;

    protected override async Task OnParametersSetAsync()
    {
        // The read is audited: load in the live circuit only, not again for the prerendered HTML.
        if (!RendererInfo.IsInteractive) return;
        var user = PortalUser.FromPrincipal((await AuthState).User)!;
        (_file, var refused) = await PageLoad.RunAsync(() => Files.GetAsync(user, Id), T);
        // One text for both refusals, so the page does not tell whether the person exists.
        _error = refused is null ? null : T["您无权查看该人员的个人廉政档案。"].Value;
    }

    private Task PrintAsync() => JS.InvokeVoidAsync("portal.print").AsTask();
}
