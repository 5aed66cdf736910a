using HomeVisit.Core.Accounts;
using HomeVisit.Portal.Shared;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace HomeVisit.Portal.Admin;

public partial class PasswordPolicyPage
{
    [Inject] private PasswordPolicyService Policies { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    // The signed-in user, cascaded by the layout (PortalUserCascade); the page's policy ensures there is one.
    [CascadingParameter] private PortalUser User { get; set; } = default!;

    private PasswordPolicyEdit? _edit;
    private ServerValidation? _validation;
    private readonly FormSubmission _form = new();

    protected override Task OnInitializedAsync() => LoadAsync();

    private async Task LoadAsync()
    {
        _validation?.Clear();
        _edit = await Policies.GetAsync(User);
    }

    private async Task SaveAsync()
    {
        if (_edit is not { } edit) return;
        if (await _form.RunAsync(() => Policies.SaveAsync(User, edit), _validation, T))
        {
            Snackbar.Add(T["已保存。"], Severity.Success);
            await LoadAsync();
        }
    }
}
