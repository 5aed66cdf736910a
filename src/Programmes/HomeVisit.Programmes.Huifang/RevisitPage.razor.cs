using HomeVisit.Core.Accounts;
using HomeVisit.Core.Visits;
using HomeVisit.Portal.Shared;
using HomeVisit.Portal.Visits;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace HomeVisit.Programmes.Huifang;

public partial class RevisitPage
{
    [Inject] private RevisitService Revisits { get; set; } = default!;
    [Inject] private VisitService Visits { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;

    [CascadingParameter] private PortalUser? User { get; set; }
    [Parameter] public int VisitId { get; set; }

    private PortalUser? _user;
    private RevisitDetail? _r;
    private VisitDetail? _visit;
    private bool _notFound;

    private Severity ApprovalSeverity => _r!.Approval switch
    {
        ApprovalStatus.Approved => Severity.Success,
        ApprovalStatus.Rejected => Severity.Error,
        _ => Severity.Warning,
    };

    protected override async Task OnParametersSetAsync()
    {
        _user = User!;
        await LoadAsync();
    }

    // A revisit the user may not see is one that does not exist: the page says nothing more (the programme is confidential).
    private async Task LoadAsync() => _notFound |= await PageLoad.RunAsync(async () =>
    {
        _r = await Revisits.GetAsync(_user!, VisitId);
        _visit = await Visits.GetAsync(_user!, VisitId);
    }, T) is not null;

    // 纪委主要负责人 approves the plan or sends it back with a reason (seed 5 第八条（二）).
    private async Task DecideAsync(bool approve)
    {
        var version = _visit!.Version;
        var result = await ReasonDialog.AskAsync(Dialogs, approve ? T["审批同意"] : T["退回方案"], approve ? T["审批意见（可选）"] : T["退回理由"],
            "ApprovalNote", approve ? T["同意"] : T["退回"],
            approve ? T["同意后工作组即可开展并登记回访。"] : T["退回后工作组须修改方案再报审。"],
            note => Visits.DecideApprovalAsync(_user!, VisitId, version, approve, note));
        if (result is true || result is "reload") await LoadAsync();
    }
}
