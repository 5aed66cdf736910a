using HomeVisit.Core.Accounts;
using HomeVisit.Portal.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace HomeVisit.Portal.Admin;

public partial class PasswordPolicyPage
{
    [Inject] private PasswordPolicyService Policies { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    [CascadingParameter] private Task<AuthenticationState> AuthState { get; set; } = default!;

    private PortalUser _user = default!;
    private PasswordPolicyEdit? _edit;
    private ServerValidation? _validation;
    private readonly FormSubmission _form = new();

    protected override async Task OnInitializedAsync()
    {
        _user = PortalUser.FromPrincipal((await AuthState).User)!;
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        _validation?.Clear();
        _edit = await Policies.GetAsync(_user);
    }

    private async Task SaveAsync()
    {
        if (_edit is not { } edit) return;
        if (await _form.RunAsync(() => Policies.SaveAsync(_user, edit), _validation, T))
        {
            Snackbar.Add(T["已保存。"], Severity.Success);
            await LoadAsync();
        }
    }
}
