using HomeVisit.Core.Data;

namespace HomeVisit.Core.Visits;

/// <summary>
/// When planned work stops being planned work: a visit planned for a day before the institution's today that was
/// never recorded done nor cancelled is overdue (逾期未完成). Every figure counts it as overdue, never as 已安排,
/// so a plan left lying in a closed period cannot make a quota or summary look covered.
/// </summary>
public static class VisitSchedule
{
    /// <summary>The first instant of the institution's today, as the wall-clock time planned starts are stored in.</summary>
    public static DateTime StartOfToday(this TimeProvider clock) => clock.Today().ToDateTime(TimeOnly.MinValue);

    public static bool IsOpen(VisitStatus status) => status is VisitStatus.Planned or VisitStatus.Notified;

    /// <summary>Planned or notified for a day before today.</summary>
    public static bool IsOverdue(VisitStatus status, DateTime plannedStart, DateTime startOfToday) =>
        IsOpen(status) && plannedStart < startOfToday;

    /// <summary>Planned or notified for today or later: the only visits counted as 已安排.</summary>
    public static bool IsPlannedAhead(VisitStatus status, DateTime plannedStart, DateTime startOfToday) =>
        IsOpen(status) && plannedStart >= startOfToday;
}
