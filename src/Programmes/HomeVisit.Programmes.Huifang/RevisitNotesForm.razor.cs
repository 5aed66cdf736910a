using HomeVisit.Core.Accounts;
using HomeVisit.Portal.Shared;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace HomeVisit.Programmes.Huifang;

public partial class RevisitNotesForm
{
    [Inject] private RevisitService Revisits { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    [Parameter, EditorRequired] public PortalUser User { get; set; } = default!;
    [Parameter, EditorRequired] public int VisitId { get; set; }
    [Parameter, EditorRequired] public RevisitDetail Detail { get; set; } = default!;
    /// <summary>After a save, and when the user reloads after a conflict: the page loads the revisit again.</summary>
    [Parameter] public EventCallback OnSaved { get; set; }

    private readonly FormSubmission _form = new();
    private RevisitNotesEdit _notes = new();
    private RevisitDetail? _shown;
    private ServerValidation? _validation;

    // A new detail (after a save or a reload) replaces what the form shows; a refused save keeps what was typed.
    protected override void OnParametersSet()
    {
        if (ReferenceEquals(_shown, Detail)) return;
        _shown = Detail;
        _notes = new RevisitNotesEdit
        {
            Version = Detail.Version, PersonNotes = Detail.PersonNotes, CaseNotes = Detail.CaseNotes, Approach = Detail.Approach,
            ReportingUnit = Detail.ReportingUnit, ReportedOn = Detail.ReportedOn?.ToDateTime(TimeOnly.MinValue), Remarks = Detail.Remarks,
        };
    }

    private async Task SaveAsync()
    {
        if (await _form.RunAsync(() => Revisits.SaveNotesAsync(User, VisitId, _notes), _validation, T))
        {
            Snackbar.Add(T["已保存"], Severity.Success);
            await OnSaved.InvokeAsync();
        }
    }
}
