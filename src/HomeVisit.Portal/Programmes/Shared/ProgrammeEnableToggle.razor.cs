using HomeVisit.Core.Accounts;
using HomeVisit.Core.Data;
using HomeVisit.Core.Programmes;
using HomeVisit.Portal.Shared;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace HomeVisit.Portal.Programmes.Shared;

public partial class ProgrammeEnableToggle
{
    [Inject] private ProgrammeRulesService RulesService { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    [Parameter, EditorRequired] public IProgrammeModule Module { get; set; } = default!;
    [Parameter, EditorRequired] public PortalUser User { get; set; } = default!;
    [Parameter] public bool Enabled { get; set; }
    [Parameter] public EventCallback<bool> EnabledChanged { get; set; }

    private bool _busy;

    private bool CanChange => ProgrammeRulesService.IsRuleAdmin(User, Module);

    private async Task ToggleAsync()
    {
        if (Enabled && !await Dialogs.ConfirmAsync($"{T["停用此项目"]}：{T[Module.Name]}", T["停用后该项目的页面和录入将不可用，已有数据保留"],
                T["停用"], T["取消"])) return;
        _busy = true;
        try
        {
            await RulesService.SetEnabledAsync(User, Module.Key, !Enabled);
            Enabled = !Enabled;
            Snackbar.Add($"{(Enabled ? T["项目已启用。"] : T["项目已停用。"])} {T[Module.Name]}", Severity.Success);
            await EnabledChanged.InvokeAsync(Enabled);
        }
        catch (AccessDeniedException e)
        {
            Snackbar.Add(T.Error(e), Severity.Error);
        }
        finally
        {
            _busy = false;
        }
    }
}
