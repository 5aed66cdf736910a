using HomeVisit.Core.Accounts;
using HomeVisit.Portal.Shared;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace HomeVisit.Programmes.Huifang;

public partial class SanctionPage
{
    [Inject] private SanctionService Sanctions { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    [CascadingParameter] private PortalUser? User { get; set; }
    [Parameter] public int Id { get; set; }

    private readonly FormSubmission _decision = new();
    private SanctionDetail? _r;
    private bool _notFound;

    private string PartyText => _r!.PartyKind is { } k
        ? $"{T.Name(k)}，{_r.PartyDecidedOn:yyyy-MM-dd}" + (_r.PartyInfluenceMonths is int m ? T.Format("，影响期 {0} 个月", m) : "")
        : "—";

    private string GovernmentText => _r!.GovernmentKind is { } k
        ? $"{T.Name(k)}，{_r.GovernmentDecidedOn:yyyy-MM-dd}" + (_r.GovernmentInfluenceMonths is int m ? T.Format("，影响期 {0} 个月", m) : "")
        : "—";

    protected override Task OnParametersSetAsync() => LoadAsync();

    // A record the user may not see is one that does not exist: the page says nothing more (the programme is confidential).
    private async Task LoadAsync()
    {
        (_r, var refused) = await PageLoad.RunAsync(() => Sanctions.GetAsync(User!, Id), T);
        _notFound |= refused is not null;
    }

    // 纪委主要负责人 approves revisiting a person 第五条 excludes “原则上”, or sends the request back (which drops it: asked first).
    private async Task DecideAsync(bool approve)
    {
        if (!approve && !await Dialogs.ConfirmAsync(T["退回"], T["退回后该继续回访申请将被撤销，案件管理室可重新提出。确定退回吗？"], T["退回"], T["取消"])) return;
        if (await _decision.RunAsync(() => Sanctions.DecideExclusionOverrideAsync(User!, Id, _r!.Version, approve), null, T))
        {
            Snackbar.Add(approve ? T["已批准继续回访"] : T["已退回继续回访申请"], Severity.Success);
            await LoadAsync();
        }
    }
}
