using HomeVisit.Core.Accounts;
using HomeVisit.Core.Programmes;
using HomeVisit.Core.Visits;
using HomeVisit.Portal.Localization;
using HomeVisit.Portal.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace HomeVisit.Portal.Visits;

public partial class VisitDetails
{
    [Inject] private VisitService Visits { get; set; } = default!;
    [Inject] private ProgrammeCatalog Programmes { get; set; } = default!;
    [Inject] private ProgrammeTexts ModuleTexts { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;

    [CascadingParameter] private Task<AuthenticationState> AuthState { get; set; } = default!;
    [Parameter] public int Id { get; set; }

    private PortalUser? _user;
    private VisitDetail? _visit;
    private bool _recording;
    private string? _loadError;
    // The page's own actions (标记已通知): a conflict or a refusal shows above the page.
    private readonly FormSubmission _actions = new();

    private IProgrammeModule? Module => Programmes.Find(_visit?.ProgrammeKey);

    private Severity ApprovalSeverity => _visit!.Approval switch
    {
        ApprovalStatus.Approved => Severity.Success,
        ApprovalStatus.Rejected => Severity.Error,
        _ => Severity.Warning,
    };

    protected override async Task OnParametersSetAsync()
    {
        _user = PortalUser.FromPrincipal((await AuthState).User)!;
        _recording = false;
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        _actions.Reset();
        (_visit, _loadError) = await PageLoad.RunAsync(() => Visits.GetAsync(_user!, Id), T);
    }

    private void StartRecording() => _recording = true;

    private async Task OnOutcomeSavedAsync()
    {
        _recording = false;
        await LoadAsync();
    }

    private async Task MarkNotifiedAsync()
    {
        if (await _actions.RunAsync(() => Visits.MarkNotifiedAsync(_user!, Id, _visit!.Version), null, ModuleTexts.For(_visit?.ProgrammeKey)))
            await LoadAsync();
    }

    private async Task DecideAsync(bool approve)
    {
        var version = _visit!.Version;
        var result = await ReasonDialog.AskAsync(Dialogs, approve ? T["审批同意"] : T["退回方案"], approve ? T["审批意见（可选）"].Value : T["退回理由"].Value,
            "ApprovalNote", approve ? T["同意"].Value : T["退回"].Value,
            approve ? T["同意后工作组即可开展并登记回访。"].Value : T["退回后工作组须修改方案再报审。"].Value,
            note => Visits.DecideApprovalAsync(_user!, Id, version, approve, note));
        if (result is true || result is "reload") await LoadAsync();
    }

    private async Task CancelAsync()
    {
        var version = _visit!.Version;
        var result = await ReasonDialog.AskAsync(Dialogs, T["取消家访"], T["取消原因"].Value, "CancelReason", T["确定取消家访"].Value,
            T["取消后该家访不能再登记结果或修改计划。"].Value,
            reason => Visits.CancelAsync(_user!, Id, version, reason));
        if (result is true || result is "reload") await LoadAsync();
    }
}
