using HomeVisit.Core.Accounts;
using HomeVisit.Core.Visits;
using HomeVisit.Portal.Shared;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace HomeVisit.Portal.Visits;

public partial class VisitChainCard
{
    [Inject] private VisitService Visits { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;

    [Parameter, EditorRequired] public int VisitId { get; set; }
    [Parameter, EditorRequired] public PortalUser User { get; set; } = default!;
    /// <summary>The visit's version: the card reloads when the visit changed (e.g. its outcome was recorded).</summary>
    [Parameter] public long Version { get; set; }
    [Parameter] public EventCallback Changed { get; set; }

    private VisitChainView? _chain;
    private (int, long) _loadedFor;

    protected override async Task OnParametersSetAsync()
    {
        if (_loadedFor == (VisitId, Version) && _chain is not null) return;
        _loadedFor = (VisitId, Version);
        await LoadAsync();
    }

    // A visit the user may not see has no card: its page already says so.
    private async Task LoadAsync() => (_chain, _) = await PageLoad.RunAsync(() => Visits.GetChainAsync(User, VisitId), T);

    // The reason dialog runs the close itself, so its refusal shows beside the note.
    private async Task CloseAsync()
    {
        var chain = _chain!;
        var result = await ReasonDialog.AskAsync(Dialogs, T["记录为已好转"], T["转变情况说明"].Value, nameof(Visit.ChainCloseNote), T["确认已好转"].Value,
            T["记录后该重点约访不再列入跟踪，也不能再安排回访。请写明本人及家庭的转变情况。"].Value,
            note => Visits.CloseChainAsync(User, chain.RootId, chain.RootVersion, note));
        if (result is true || result is "reload")
        {
            await LoadAsync();
            await Changed.InvokeAsync();
        }
    }
}
