using HomeVisit.Core.Accounts;
using HomeVisit.Core.People;
using HomeVisit.Portal.Shared;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace HomeVisit.Programmes.Ganbu;

public partial class VisitPlanDialog
{
    [CascadingParameter] private IMudDialogInstance Dialog { get; set; } = default!;
    [Inject] private GanbuRequestService Requests { get; set; } = default!;

    [Parameter, EditorRequired] public GanbuRequestDetail Request { get; set; } = default!;
    [Parameter, EditorRequired] public PortalUser User { get; set; } = default!;
    [Parameter] public bool Revisit { get; set; }
    /// <summary>The suggested start: tomorrow evening for a visit (seed 1: visits after work), afternoon for a revisit.</summary>
    [Parameter] public DateTime Suggested { get; set; }

    private GanbuVisitInput _input = new();
    private IReadOnlyList<PersonPick> _companions = [];
    private ServerValidation? _validation;
    private readonly FormSubmission _form = new();
    private DateTime? _date;
    private TimeSpan? _time;

    private static readonly string[] Fields = ["PlannedStart", "DurationMinutes", "Place", "VisitorIds", "TargetPersonId"];

    // The day and the time of day are picked apart and make one planned start.
    private DateTime? PlanDate
    {
        get => _date;
        set { _date = value; Combine(); }
    }

    private TimeSpan? PlanTime
    {
        get => _time;
        set { _time = value; Combine(); }
    }

    private void Combine() => _input.PlannedStart = _date is { } d && _time is { } t ? d.Date + t : null;

    protected override void OnInitialized()
    {
        _input = new GanbuVisitInput { Version = Request.Version, PlannedStart = Suggested, TargetPersonId = Revisit ? Request.RequesterPersonId : null };
        (_date, _time) = (Suggested.Date, Suggested.TimeOfDay);
    }

    private string TargetText(int? personId) =>
        personId == Request.RequesterPersonId ? $"{Request.RequesterName}（{T["诉求提出人"]}）"
        : personId == Request.HandlerPersonId ? $"{Request.HandlerName}（{T["办理人"]}）"
        : "";

    private async Task SaveAsync()
    {
        var visitId = 0;
        _input.CompanionIds = _companions.Select(p => p.Id).ToList();
        if (await _form.RunAsync(async () => visitId = Revisit
                ? await Requests.PlanRevisitAsync(User, Request.Id, _input)
                : await Requests.PlanVisitAsync(User, Request.Id, _input), _validation, T))
            Dialog.Close(DialogResult.Ok(visitId));
    }
}
