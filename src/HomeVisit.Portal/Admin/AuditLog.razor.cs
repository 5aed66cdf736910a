using HomeVisit.Core.Accounts;
using HomeVisit.Core.Audit;
using HomeVisit.Core.Programmes;
using Microsoft.Extensions.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using HomeVisit.Portal.Shared;
using MudBlazor;

namespace HomeVisit.Portal.Admin;

public partial class AuditLog
{
    [Inject] private AuditService Audit { get; set; } = default!;
    [Inject] private IEnumerable<IProgrammeModule> Modules { get; set; } = default!;
    [Inject] private IStringLocalizerFactory TextFactory { get; set; } = default!;

    [CascadingParameter] private Task<AuthenticationState> AuthState { get; set; } = default!;

    private static readonly string[] Actions = [AuditActions.Create, AuditActions.Update, AuditActions.Delete, AuditActions.Read,
        AuditActions.SignIn, AuditActions.SignInFailed, AuditActions.SignOut, AuditActions.Denied];

    // The stored action is a code; the page shows it in the user's language (issue 18: "read/update" in the Chinese UI).
    private static readonly Dictionary<string, string> ActionTexts = new()
    {
        [AuditActions.Create] = "新建",
        [AuditActions.Update] = "更新",
        [AuditActions.Delete] = "删除",
        [AuditActions.Read] = "查阅",
        [AuditActions.SignIn] = "登录",
        [AuditActions.SignInFailed] = "登录失败",
        [AuditActions.SignOut] = "退出登录",
        [AuditActions.Denied] = "拒绝访问",
        ["export"] = "导出",
        ["import"] = "导入",
        [DisciplineRoleService.GrantAction] = "授予角色",
        [DisciplineRoleService.RevokeAction] = "撤销角色",
        ["rules-backdated"] = "规则追溯生效",
    };

    private PortalUser? _user;
    private MudDataGrid<AuditEntry>? _grid;
    private string? _userName, _action, _entityType, _entityId;
    private DateTime? _from, _to;
    private readonly GridPages _pages;

    public AuditLog() => _pages = new GridPages(StateHasChanged);

    protected override async Task OnInitializedAsync() => _user = PortalUser.FromPrincipal((await AuthState).User)!;

    // The database pages and filters; the count above the grid is kept by _pages (ServerData does not re-render the page).
    private Task<GridData<AuditEntry>> LoadAsync(GridState<AuditEntry> state, CancellationToken ct) =>
        _pages.LoadAsync(state, (page, size) => Audit.ListAsync(_user!, new AuditQuery(_userName, _action, AuditNames.CodeOf(_entityType, T, Modules, TextFactory), _entityId, _from, _to, page, size), ct));

    private async Task SearchAsync()
    {
        if (_grid is not null) await _grid.ReloadServerData();
    }

    private string EntityTypeName(string code) => AuditNames.EntityType(code, T, Modules, TextFactory);

    private string ActionName(string action) => ActionTexts.TryGetValue(action, out var text) ? T[text] : action;
}
