using HomeVisit.Core.Accounts;
using HomeVisit.Core.Programmes;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace HomeVisit.Programmes.Ganbu;

/// <summary>
/// The module's pages: the signed-in user and whether they oversee the programme. Whether the page opens at all is its
/// <c>[Authorize(Policy = GanbuAccess.Policy)]</c> (decision 0015), checked over HTTP and again by the router inside
/// the live circuit. A page loads its data in <see cref="LoadAsync"/>.
/// </summary>
public abstract class GanbuPageBase : ComponentBase
{
    [CascadingParameter] private Task<AuthenticationState> AuthState { get; set; } = default!;
    [Inject] protected ProgrammeCatalog Catalog { get; set; } = default!;

    private PortalUser? _user;
    protected PortalUser Me => _user ?? throw new InvalidOperationException("Not loaded yet.");
    protected bool Ready { get; private set; }
    protected bool Oversees => _user is not null && GanbuAccess.Oversees(Catalog, _user);

    protected override async Task OnParametersSetAsync()
    {
        _user ??= PortalUser.FromPrincipal((await AuthState).User)!;
        await LoadAsync();
        Ready = true;
    }

    protected virtual Task LoadAsync() => Task.CompletedTask;
}
