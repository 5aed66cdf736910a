using HomeVisit.Core.Accounts;
using HomeVisit.Core.Data;
using HomeVisit.Core.Programmes;
using HomeVisit.Core.Visits;
using HomeVisit.Portal.Localization;
using HomeVisit.Portal.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.Localization;

namespace HomeVisit.Portal.Visits;

public partial class VisitOutcomeForm
{
    [Inject] private VisitService Visits { get; set; } = default!;
    [Inject] private ProgrammeCatalog Programmes { get; set; } = default!;
    [Inject] private ProgrammeTexts ModuleTexts { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;

    [Parameter, EditorRequired] public VisitDetail Visit { get; set; } = default!;
    [Parameter, EditorRequired] public PortalUser User { get; set; } = default!;
    [Parameter] public IProgrammeModule? Module { get; set; }
    [Parameter] public EventCallback Saved { get; set; }
    [Parameter] public EventCallback Closed { get; set; }
    /// <summary>Loads the visit again after a conflict; what was typed here stays.</summary>
    [Parameter] public EventCallback Reload { get; set; }

    private VisitOutcome _outcome = default!;
    private EditContext _edit = default!;
    private ServerValidation? _validation;
    private readonly FormSubmission _form = new();

    // The record shows a module's messages in the module's words.
    private IStringLocalizer Texts => ModuleTexts.For(Visit.ProgrammeKey);

    protected override void OnInitialized()
    {
        // The usual case is recording right after the visit: start from the planned time if it is past, else now.
        var now = Clock.Now();
        now = new DateTime(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, now.Kind);
        _outcome = new VisitOutcome
        {
            Version = Visit.Version,
            ActualStart = Visit.PlannedStart <= now ? Visit.PlannedStart : now,
        };
        _edit = new EditContext(_outcome);
    }

    // After a reload the record is saved against the version now shown.
    protected override void OnParametersSet() => _outcome.Version = Visit.Version;

    // The date and the time pickers edit one ActualStart.
    private DateTime? ActualDate
    {
        get => _outcome.ActualStart?.Date;
        set => _outcome.ActualStart = value is { } d ? d.Date + (_outcome.ActualStart?.TimeOfDay ?? TimeSpan.Zero) : null;
    }

    private TimeSpan? ActualTime
    {
        get => _outcome.ActualStart?.TimeOfDay;
        set
        {
            if (_outcome.ActualStart is { } d && value is { } t) _outcome.ActualStart = d.Date + t;
        }
    }

    private void ToggleFamily(int id, bool met)
    {
        _outcome.FamilyMetIds.Remove(id);
        if (met) _outcome.FamilyMetIds.Add(id);
        _edit.NotifyFieldChanged(_edit.Field(nameof(VisitOutcome.FamilyMetIds)));
    }

    private async Task SaveAsync()
    {
        if (await _form.RunAsync(() => Visits.RecordOutcomeAsync(User, Visit.Id, _outcome), _validation, Texts))
            await Saved.InvokeAsync();
    }
}
