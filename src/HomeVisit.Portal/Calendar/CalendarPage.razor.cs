using HomeVisit.Core.Accounts;
using HomeVisit.Core.Calendar;
using HomeVisit.Core.Data;
using HomeVisit.Core.Programmes;
using HomeVisit.Core.Visits;
using HomeVisit.Portal.Localization;
using HomeVisit.Portal.Shared;
using HomeVisit.Portal.Visits;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace HomeVisit.Portal.Calendar;

public partial class CalendarPage
{
    [Inject] private CalendarService Calendar { get; set; } = default!;
    [Inject] private VisitService Visits { get; set; } = default!;
    [Inject] private ProgrammeCatalog Programmes { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;
    [Inject] private ProgrammeTexts ModuleTexts { get; set; } = default!;

    [CascadingParameter] private Task<AuthenticationState> AuthState { get; set; } = default!;

    private VisitCalendar? _calendar;
    private IReadOnlyList<CalendarEntry> _entries = [];
    private PortalUser? _user;

    protected override async Task OnInitializedAsync() => _user = PortalUser.FromPrincipal((await AuthState).User)!;

    private async Task<IReadOnlyList<CalendarEntry>> LoadAsync(DateTime from, DateTime to)
    {
        _entries = await Calendar.MyEntriesAsync(_user!, from, to);
        await InvokeAsync(StateHasChanged);
        return _entries;
    }

    private static bool MayMove(CalendarEntry e) => e.TakesPart && e.Status is (VisitStatus.Planned or VisitStatus.Notified);

    private string Describe(CalendarEntry e)
    {
        var overdue = VisitSchedule.IsOverdue(e.Status, e.Start, Clock.StartOfToday());
        return $"{e.Start:HH:mm}–{e.End:HH:mm} {T[e.ProgrammeName]} {T.Enum(e.Form)} · {T.Format("{0}（{1}）", e.Targets, overdue ? T["逾期未完成"].Value : T.Enum(e.Status))}";
    }

    /// <summary>A visit dropped on a new start: asks, lets the service check every rule again, and says whether it moved.</summary>
    private async Task<bool> MoveAsync(CalendarEntry entry, DateTime newStart)
    {
        if (!MayMove(entry))
        {
            Snackbar.Add(T["只有您参加的、尚未完成的家访可以改期。"], Severity.Warning);
            return false;
        }
        if (newStart < Clock.Now())
        {
            Snackbar.Add(T["不能改期到已经过去的时间。"], Severity.Warning, o => o.VisibleStateDuration = 10000);
            return false;
        }
        var plan = await Visits.GetPlanAsync(_user!, entry.VisitId);
        // A refusal or warning may be the programme's own rule: its set translates it, with the core's behind it.
        var texts = ModuleTexts.For(plan.ProgrammeKey);
        var conflicts = await Calendar.ConflictsAsync(_user!, plan.VisitorIds, newStart, newStart + (entry.End - entry.Start), entry.VisitId);
        var question = T.Format("将家访改到 {0:yyyy-MM-dd HH:mm}？", newStart);
        if (conflicts.Count > 0) question = VisitQuestions.Overlaps(T, conflicts) + "\n" + question;
        // A stray Enter or a double click must not move a visit: the box's default is to cancel, so 改期 is a deliberate click.
        if (!await Dialogs.ConfirmAsync(T["改期"], question, T["改期"], T["取消"])) return false;
        try
        {
            if (!await VisitQuestions.SaveAskingOnWarningsAsync(Dialogs, T, texts, T["仍然改期"],
                    accept => Visits.RescheduleAsync(_user!, entry.VisitId, entry.Version, newStart, acceptWarnings: accept))) return false;
            Snackbar.Add(T["已改期。"], Severity.Success);
            return true;
        }
        catch (PortalValidationException e)
        {
            Snackbar.Add($"{T["不能改期"]}：{texts.Error(e)}", Severity.Error, o => o.VisibleStateDuration = 10000);
        }
        catch (ConcurrencyConflictException e)
        {
            Snackbar.Add(T.Error(e), Severity.Warning);
            // Someone else changed it meanwhile: show their version rather than ours.
            if (_calendar is not null) await _calendar.ReloadAsync();
        }
        return false;
    }
}
