namespace HomeVisit.Core.Visits;

/// <summary>Times of day the planning forms propose.</summary>
public static class VisitTimes
{
    /// <summary>
    /// The time a new plan starts at when only a day was picked: the evening, when home visits are usually made
    /// (seed 1 第六条（一）“利用晚上或休息日时间”), rather than the date picker's midnight.
    /// </summary>
    public static readonly TimeSpan DefaultStart = TimeSpan.FromHours(19);

    /// <summary>
    /// The value a date-and-time picker should hold after the user picked <paramref name="picked"/>: a day picked without
    /// a time (00:00) keeps the time already chosen, or gets <see cref="DefaultStart"/>.
    /// </summary>
    public static DateTime? WithDefaultTime(DateTime? before, DateTime? picked)
    {
        if (picked is not { } day || day.TimeOfDay != TimeSpan.Zero) return picked;
        var time = before is { } b && b.TimeOfDay != TimeSpan.Zero ? b.TimeOfDay : DefaultStart;
        return day.Date + time;
    }
}
