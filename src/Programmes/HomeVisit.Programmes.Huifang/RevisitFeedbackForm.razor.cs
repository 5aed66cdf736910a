using HomeVisit.Core.Accounts;
using HomeVisit.Portal.Shared;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace HomeVisit.Programmes.Huifang;

public partial class RevisitFeedbackForm
{
    [Inject] private RevisitService Revisits { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    [Parameter, EditorRequired] public PortalUser User { get; set; } = default!;
    [Parameter, EditorRequired] public int VisitId { get; set; }
    [Parameter, EditorRequired] public RevisitDetail Detail { get; set; } = default!;
    [Parameter] public EventCallback OnSaved { get; set; }

    private readonly FormSubmission _form = new();
    private RevisitFeedbackEdit _feedback = new();
    private RevisitDetail? _shown;
    private ServerValidation? _validation;

    protected override void OnParametersSet()
    {
        if (ReferenceEquals(_shown, Detail)) return;
        _shown = Detail;
        _feedback = new RevisitFeedbackEdit
        {
            Version = Detail.Version,
            FedBackToPersonOn = Detail.FedBackToPersonOn?.ToDateTime(TimeOnly.MinValue),
            FedBackToUnitOn = Detail.FedBackToUnitOn?.ToDateTime(TimeOnly.MinValue),
            // The person's unit's party organisation, as the office usually writes it.
            FeedbackUnitName = Detail.FeedbackUnitName ?? (Detail.UnitName is { } u ? $"{u}党组织" : null),
            FeedbackNote = Detail.FeedbackNote,
        };
    }

    private async Task SaveAsync()
    {
        if (await _form.RunAsync(() => Revisits.RecordFeedbackAsync(User, VisitId, _feedback), _validation, T))
        {
            Snackbar.Add(T["已登记反馈"], Severity.Success);
            await OnSaved.InvokeAsync();
        }
    }
}
