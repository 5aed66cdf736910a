using HomeVisit.Core.Accounts;
using HomeVisit.Core.Programmes;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace HomeVisit.Programmes.Ganbu;

/// <summary>
/// The module's pages: the signed-in user, and whether the institution has 干部家访 switched on (checked again inside the
/// live circuit, where navigation does not pass through the host's programme gate). A page loads its data in
/// <see cref="LoadAsync"/>, only when the programme is on.
/// </summary>
public abstract class GanbuPageBase : ComponentBase
{
    [CascadingParameter] private Task<AuthenticationState> AuthState { get; set; } = default!;
    [Inject] protected ProgrammeRulesService ProgrammeRules { get; set; } = default!;
    [Inject] protected ProgrammeCatalog Catalog { get; set; } = default!;

    private PortalUser? _user;
    protected PortalUser Me => _user ?? throw new InvalidOperationException("Not loaded yet.");
    protected bool Ready { get; private set; }
    protected bool Enabled { get; private set; }
    protected bool Oversees => _user is not null && GanbuAccess.Oversees(Catalog, _user);

    protected override async Task OnParametersSetAsync()
    {
        _user ??= PortalUser.FromPrincipal((await AuthState).User)!;
        Enabled = await ProgrammeRules.IsEnabledAsync(_user.InstitutionId, GanbuAccess.ProgrammeKey);
        if (Enabled) await LoadAsync();
        Ready = true;
    }

    protected virtual Task LoadAsync() => Task.CompletedTask;
}
