using HomeVisit.Core.Accounts;
using HomeVisit.Portal.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace HomeVisit.Portal.Admin;

public partial class DisciplineRolesPage
{
    [Inject] private DisciplineRoleService DisciplineRoles { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    [CascadingParameter] private Task<AuthenticationState> AuthState { get; set; } = default!;

    private PortalUser _user = default!;
    private IReadOnlyList<DisciplineRoleHolder> _holders = [];
    private GrantForm _form = new();
    private ServerValidation? _validation;
    private readonly FormSubmission _submission = new();

    private sealed class GrantForm
    {
        public string? UserName { get; set; }
        public string Role { get; set; } = Roles.DisciplineOffice;
    }

    protected override async Task OnInitializedAsync()
    {
        _user = PortalUser.FromPrincipal((await AuthState).User)!;
        await LoadAsync();
    }

    private async Task LoadAsync() => _holders = await DisciplineRoles.HoldersAsync(_user);

    private async Task GrantAsync()
    {
        var form = _form;
        if (await _submission.RunAsync(() => DisciplineRoles.SetAsync(_user, form.UserName, form.Role, grant: true), _validation, T))
        {
            Snackbar.Add(T.Format("已保存：{0}", form.UserName ?? ""), Severity.Success);
            _form = new GrantForm();
            await LoadAsync();
        }
    }

    private async Task RevokeAsync(string userName, string role)
    {
        var roleName = T[RoleNames.Of(role)].Value;
        var title = T.Format("撤销{0}", roleName);
        if (!await Dialogs.ConfirmAsync(title, T.Format("确定撤销 {0} 的{1}角色？撤销后该账号立即不能查看受处分人员信息。", userName, roleName), title, T["取消"])) return;
        // A refusal here (the last holder, one's own role) has no field to sit beside: it shows as the page's error line.
        await _submission.RunAsync(() => DisciplineRoles.SetAsync(_user, userName, role, grant: false), null, T);
        await LoadAsync();
    }
}
