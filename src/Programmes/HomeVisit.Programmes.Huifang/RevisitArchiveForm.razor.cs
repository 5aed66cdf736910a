using HomeVisit.Core.Accounts;
using HomeVisit.Portal.Shared;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace HomeVisit.Programmes.Huifang;

public partial class RevisitArchiveForm
{
    [Inject] private RevisitService Revisits { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    [Parameter, EditorRequired] public PortalUser User { get; set; } = default!;
    [Parameter, EditorRequired] public int VisitId { get; set; }
    [Parameter, EditorRequired] public RevisitDetail Detail { get; set; } = default!;
    [Parameter] public EventCallback OnSaved { get; set; }

    private readonly FormSubmission _form = new();
    private RevisitArchiveEdit _archive = new();
    private RevisitDetail? _shown;
    private ServerValidation? _validation;

    protected override void OnParametersSet()
    {
        if (ReferenceEquals(_shown, Detail)) return;
        _shown = Detail;
        _archive = new RevisitArchiveEdit { Version = Detail.Version, ArchivedOn = Detail.ArchivedOn?.ToDateTime(TimeOnly.MinValue), ArchiveNote = Detail.ArchiveNote };
    }

    private async Task SaveAsync()
    {
        if (await _form.RunAsync(() => Revisits.ArchiveAsync(User, VisitId, _archive), _validation, T))
        {
            Snackbar.Add(T["已登记存档"], Severity.Success);
            await OnSaved.InvokeAsync();
        }
    }
}
