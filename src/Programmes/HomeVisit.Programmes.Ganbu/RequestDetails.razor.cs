using HomeVisit.Core.Data;
using HomeVisit.Portal.Localization;
using HomeVisit.Portal.Shared;
using HomeVisit.Portal.Visits;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace HomeVisit.Programmes.Ganbu;

public partial class RequestDetails
{
    [Inject] private GanbuRequestService Requests { get; set; } = default!;
    [Inject] private NavigationManager Nav { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;

    [Parameter] public int Id { get; set; }

    private GanbuRequestDetail? _r;
    private string? _loadError;
    private bool _conflict;

    private static readonly DialogOptions Options = new() { MaxWidth = MaxWidth.Small, FullWidth = true, BackdropClick = false, CloseOnEscapeKey = true };

    protected override Task LoadAsync() => LoadRequestAsync();

    private async Task LoadRequestAsync()
    {
        _conflict = false;
        (_r, _loadError) = await PageLoad.RunAsync(() => Requests.GetAsync(Me, Id), T);
    }

    // A dialog closes with what it did: true (or a visit id) when done, "reload" after someone else changed the request.
    private static async Task<object?> ResultOf(IDialogReference dialog)
    {
        var result = await dialog.Result;
        return result is null || result.Canceled ? null : result.Data;
    }

    private async Task PlanAsync(bool revisit)
    {
        // Handling visits are in the evening (seed 1: after work, at home); revisits in the afternoon.
        var tomorrow = Clock.Now().Date.AddDays(1).AddHours(revisit ? 15 : 19);
        var result = await ResultOf(await Dialogs.ShowAsync<VisitPlanDialog>(revisit ? T["安排回访"] : T["安排办理家访"], new DialogParameters<VisitPlanDialog>
        {
            { d => d.Request, _r! },
            { d => d.User, Me },
            { d => d.Revisit, revisit },
            { d => d.Suggested, tomorrow },
        }, Options));
        if (result is int visitId) Nav.NavigateTo($"/visits/{visitId}");
        else if (result is "reload") await LoadRequestAsync();
    }

    private async Task ResolveAsync()
    {
        var result = await ResultOf(await Dialogs.ShowAsync<CloseRequestDialog>(T["办结诉求"], new DialogParameters<CloseRequestDialog>
        {
            { d => d.Request, _r! },
            { d => d.User, Me },
        }, Options));
        if (result is true or "reload") await LoadRequestAsync();
    }

    private async Task RedirectAsync(bool reassign)
    {
        var result = await ResultOf(await Dialogs.ShowAsync<RedirectDialog>(reassign ? T["改派办理人"] : T["调整层级"], new DialogParameters<RedirectDialog>
        {
            { d => d.Request, _r! },
            { d => d.User, Me },
            { d => d.Reassign, reassign },
        }, Options));
        if (result is true or "reload") await LoadRequestAsync();
    }

    private async Task WithdrawAsync()
    {
        var version = _r!.Version;
        var result = await ReasonDialog.AskAsync(Dialogs, T["撤回诉求"], T["撤回原因"], "WithdrawReason", T["确定撤回"],
            T.Format("撤回“{0}”？撤回后不再办理，记录会保留。", _r.Summary), reason => Requests.WithdrawAsync(Me, Id, version, reason));
        if (result is true or "reload") await LoadRequestAsync();
    }
}
