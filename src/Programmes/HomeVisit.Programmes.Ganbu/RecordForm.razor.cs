using HomeVisit.Core.Data;
using HomeVisit.Portal.Localization;
using HomeVisit.Portal.Shared;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace HomeVisit.Programmes.Ganbu;

public partial class RecordForm
{
    [Inject] private GanbuFormsService Forms { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;

    [Parameter] public int Id { get; set; }

    private GanbuRecordForm? _f;
    private string? _loadError, _error;

    // A visit without a person to write the 记录单 for is refused by validation, not only one the user may not see.
    protected override async Task LoadAsync() =>
        (_f, _loadError) = await PageLoad.RunAsync(() => Forms.RecordFormAsync(Me, Id), T, validates: true);

    private async Task ArchiveAsync()
    {
        if (!await Dialogs.ConfirmAsync(T["归档记录单"], T["归档后记录单作为正式台账资料保存，不再变动。确定归档？"], T["归档"], T["返回"])) return;
        _error = null;
        try
        {
            await Forms.ArchiveAsync(Me, Id);
        }
        catch (Exception ex) when (ex is PortalValidationException or NotFoundException or AccessDeniedException)
        {
            _error = T.Error(ex);
        }
        await LoadAsync();
    }
}
