using HomeVisit.Core.Accounts;
using HomeVisit.Core.Data;
using HomeVisit.Core.People;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace HomeVisit.Portal.People;

public partial class PersonPage
{
    [Inject] private PeopleService People { get; set; } = default!;
    [Inject] private PersonFileService Files { get; set; } = default!;

    [CascadingParameter] private Task<AuthenticationState> AuthState { get; set; } = default!;
    [Parameter] public int Id { get; set; }

    private PortalUser? _user;
    private PersonDetail? _person;
    private bool _notFound;
    private bool _canOpenFile;

    protected override async Task OnParametersSetAsync()
    {
        _user ??= PortalUser.FromPrincipal((await AuthState).User)!;
        // The read is audited: load once, in the interactive circuit, not again for the prerendered HTML.
        if (!RendererInfo.IsInteractive) return;
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        try
        {
            _person = await People.GetAsync(_user!, Id);
            _notFound = false;
            _canOpenFile = await Files.CanOpenAsync(_user!, Id);
        }
        catch (Exception e) when (e is NotFoundException or AccessDeniedException)
        {
            _person = null;
            _notFound = true;
        }
    }

    private static string Dash(string? s) => string.IsNullOrWhiteSpace(s) ? "—" : s;
}
