using HomeVisit.Core.Accounts;
using HomeVisit.Core.Data;
using HomeVisit.Portal.Admin;
using HomeVisit.Portal.Localization;
using HomeVisit.Portal.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Options;
using MudBlazor;

namespace HomeVisit.Portal.Account.Sso;

public partial class SsoAdmin
{
    [Inject] private SsoRoleMappingService Mappings { get; set; } = default!;
    [Inject] private AccountRoles KnownRoles { get; set; } = default!;
    [Inject] private IOptions<SsoOptions> Sso { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    [CascadingParameter] private Task<AuthenticationState> AuthState { get; set; } = default!;

    private PortalUser _user = default!;
    private IReadOnlyList<SsoRoleMappingRow> _mappings = [];
    private SsoRoleMappingEdit _edit = new();
    private ServerValidation? _validation;
    private readonly FormSubmission _form = new();
    private MudDataGrid<SsoLinkedAccountRow>? _grid;
    private string? _linkedError;

    protected override async Task OnInitializedAsync()
    {
        _user = PortalUser.FromPrincipal((await AuthState).User)!;
        _mappings = await Mappings.ListAsync(_user);
    }

    private async Task AddAsync()
    {
        var edit = _edit;
        if (await _form.RunAsync(() => Mappings.AddAsync(_user, edit), _validation, T))
        {
            Snackbar.Add(T["已保存。"], Severity.Success);
            _edit = new SsoRoleMappingEdit();
            _mappings = await Mappings.ListAsync(_user);
        }
    }

    private async Task DeleteAsync(SsoRoleMappingRow row)
    {
        if (!await Dialogs.ConfirmAsync(T["删除映射"],
                T.Format("确定删除映射“{0} → {1}”吗？已登录的用户下次登录时失去该角色。", row.ClaimValue, T[RoleNames.Of(row.Role)]),
                T["删除"], T["取消"])) return;
        try
        {
            await Mappings.DeleteAsync(_user, row.Id, row.Version);
            Snackbar.Add(T["已删除"], Severity.Success);
        }
        catch (Exception e) when (e is NotFoundException or ConcurrencyConflictException)
        {
            Snackbar.Add(T.Error(e), Severity.Warning);
        }
        _mappings = await Mappings.ListAsync(_user);
    }

    private async Task<GridData<SsoLinkedAccountRow>> LoadLinkedAsync(GridState<SsoLinkedAccountRow> state, CancellationToken ct)
    {
        var result = await Mappings.LinkedAccountsAsync(_user, null, state.Page + 1, state.PageSize, ct);
        return new GridData<SsoLinkedAccountRow> { Items = result.Items, TotalItems = result.Total };
    }

    private async Task UnlinkAsync(SsoLinkedAccountRow row)
    {
        _linkedError = null;
        if (!await Dialogs.ConfirmAsync(T["解除关联"], T.Format("确定解除账号 {0} 与统一身份认证的关联吗？该账号会被退出登录。", row.UserName),
                T["解除关联"], T["取消"])) return;
        try
        {
            await Mappings.UnlinkAsync(_user, row.Id, row.Version);
            Snackbar.Add(T["已解除关联。"], Severity.Success);
        }
        catch (Exception e) when (e is NotFoundException or ConcurrencyConflictException)
        {
            _linkedError = T.Error(e);
        }
        if (_grid is not null) await _grid.ReloadServerData();
    }

    private static string LastSignIn(SsoLinkedAccountRow a) =>
        a.LastSignInAt is { } t ? InstitutionTime.FromUtc(t).ToString("yyyy-MM-dd HH:mm") : "";
}
