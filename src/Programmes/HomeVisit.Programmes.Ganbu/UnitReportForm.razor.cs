using HomeVisit.Core.Accounts;
using HomeVisit.Portal.Shared;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace HomeVisit.Programmes.Ganbu;

public partial class UnitReportForm
{
    [Inject] private GanbuOversightService Oversight { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    [Parameter, EditorRequired] public PortalUser User { get; set; } = default!;
    [Parameter, EditorRequired] public GanbuQuarterReportRow Row { get; set; } = default!;
    [Parameter, EditorRequired] public int Year { get; set; }
    [Parameter, EditorRequired] public int Quarter { get; set; }
    [Parameter] public EventCallback OnSaved { get; set; }

    private GanbuQuarterSummaryInput _summary = new();
    private GanbuAnalysisMeetingInput _meeting = new();
    private ServerValidation? _summaryValidation, _meetingValidation;
    private readonly FormSubmission _form = new();

    protected override void OnInitialized()
    {
        _summary = new GanbuQuarterSummaryInput { UnitId = Row.UnitId, Year = Year, Quarter = Quarter, Version = Row.Version, Summary = Row.Summary };
        _meeting = new GanbuAnalysisMeetingInput
        {
            UnitId = Row.UnitId, Year = Year, Quarter = Quarter, Version = Row.Version,
            Date = Row.MeetingDate?.ToDateTime(TimeOnly.MinValue), Conclusions = Row.MeetingConclusions,
        };
    }

    private Task SubmitAsync() => SaveAsync(_summaryValidation, () => Oversight.SubmitQuarterSummaryAsync(User, _summary));

    private Task RecordMeetingAsync() => SaveAsync(_meetingValidation, () => Oversight.RecordAnalysisMeetingAsync(User, _meeting));

    private async Task SaveAsync(ServerValidation? validation, Func<Task> save)
    {
        if (!await _form.RunAsync(save, validation, T)) return;
        Snackbar.Add(T["已保存"], Severity.Success);
        await OnSaved.InvokeAsync();
    }
}
