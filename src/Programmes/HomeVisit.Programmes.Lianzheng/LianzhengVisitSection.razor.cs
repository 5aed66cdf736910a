using HomeVisit.Core.Accounts;
using HomeVisit.Core.Data;
using HomeVisit.Portal.Shared;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace HomeVisit.Programmes.Lianzheng;

public partial class LianzhengVisitSection
{
    [Inject] private LianzhengService Lianzheng { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private NavigationManager Nav { get; set; } = default!;

    [Parameter, EditorRequired] public int VisitId { get; set; }
    /// <summary>Changes whenever the visit does: the card reloads then.</summary>
    [Parameter] public long Version { get; set; }
    [Parameter, EditorRequired] public PortalUser User { get; set; } = default!;

    private LianzhengRecordStatus? _status;
    private bool _leaderSigned, _recorderSigned, _busy;
    private string? _error;
    private (int, long) _loadedFor;

    protected override async Task OnParametersSetAsync()
    {
        if (_loadedFor == (VisitId, Version) && _status is not null) return;
        _loadedFor = (VisitId, Version);
        await LoadAsync();
    }

    // A visit the user may not see has no card: its page already says so.
    private async Task LoadAsync()
    {
        (_status, _) = await PageLoad.RunAsync(() => Lianzheng.GetRecordStatusAsync(User, VisitId), T);
        if (_status is null) return;
        _leaderSigned = _status.LeaderSigned;
        _recorderSigned = _status.RecorderSigned;
    }

    private Task SaveSignaturesAsync() =>
        RunAsync(() => Lianzheng.SetSignaturesAsync(User, VisitId, _status!.Version, _leaderSigned, _recorderSigned));

    private async Task ArchiveAsync()
    {
        if (!await Dialogs.ConfirmAsync(T["报送纪检监察室备存"], T["报送后记录单按当前内容存档，不能再修改签名。确定报送纪检监察室备存？"],
                T["确定报送"], T["返回"])) return;
        await RunAsync(() => Lianzheng.ArchiveAsync(User, VisitId, _status!.Version));
    }

    private async Task RunAsync(Func<Task> action)
    {
        if (_busy) return;
        _busy = true;
        _error = null;
        try
        {
            await action();
            // The signatures are record-form fields shown in the visit's outcome too: reload the whole visit page.
            Nav.NavigateTo(Nav.Uri, forceLoad: true);
            await LoadAsync();
        }
        catch (ConcurrencyConflictException ex)
        {
            _error = T.Error(ex);
            await LoadAsync();
        }
        catch (Exception ex) when (ex is PortalValidationException or NotFoundException or AccessDeniedException)
        {
            _error = T.Error(ex);
        }
        finally
        {
            _busy = false;
        }
    }
}
