using HomeVisit.Core.Accounts;
using HomeVisit.Core.Data;
using HomeVisit.Core.People;
using HomeVisit.Core.Programmes;
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
        try
        {
            _file = await Files.GetAsync(user, Id);
            _error = null;
        }
        catch (Exception ex) when (ex is NotFoundException or AccessDeniedException)
        {
            _file = null;
            _error = T["您无权查看该人员的个人廉政档案。"];
        }
    }

    private Task PrintAsync() => JS.InvokeVoidAsync("portal.print").AsTask();
}
