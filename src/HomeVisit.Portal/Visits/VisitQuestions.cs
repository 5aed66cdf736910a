using HomeVisit.Core.Calendar;
using HomeVisit.Core.Data;
using HomeVisit.Portal.Localization;
using HomeVisit.Portal.Shared;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace HomeVisit.Portal.Visits;

/// <summary>
/// What planning and rescheduling a visit ask rather than refuse, worded the same on the plan form and the calendar:
/// team members who already have a visit then, and a programme rule's warning (e.g. a 上门家访 in working hours).
/// </summary>
public static class VisitQuestions
{
    public static string Overlaps(Texts<PortalResources> t, IEnumerable<CalendarConflict> conflicts) =>
        string.Join("\n", conflicts.Select(c => t.Format("{0} 在 {1:MM-dd HH:mm}–{2:HH:mm} 已有家访安排。", c.PersonName, c.Start, c.End)));

    /// <summary>
    /// Runs <paramref name="save"/> without accepting warnings; when the rules only warn, shows them (in the programme's
    /// words, <paramref name="moduleTexts"/>), asks, and runs it again accepting them. False when the user said no.
    /// Refusals are not caught.
    /// </summary>
    public static async Task<bool> SaveAskingOnWarningsAsync(IDialogService dialogs, Texts<PortalResources> t, IStringLocalizer moduleTexts,
        string yes, Func<bool, Task> save, Action<PortalValidationException>? warned = null)
    {
        try
        {
            await save(false);
            return true;
        }
        catch (PortalValidationException w) when (w.IsWarning)
        {
            warned?.Invoke(w);
            if (!await dialogs.ConfirmAsync(t["请确认"], string.Join("\n", w.Messages.Values.Select(moduleTexts.Message)), yes, t["取消"])) return false;
            await save(true);
            return true;
        }
    }
}
