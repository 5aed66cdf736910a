namespace HomeVisit.Core.Programmes;

/// <summary>
/// Several periods as one argument of a <see cref="HomeVisit.Core.Data.PortalMessage"/>, so each is named in the
/// reader's language (Texts.Message) rather than joined into one Chinese string here.
/// </summary>
public sealed record PeriodList(IReadOnlyList<Period> Periods)
{
    public override string ToString() => string.Join("、", Periods.Select(p => p.Label));
}

/// <summary>A reporting period, both ends inclusive.</summary>
public sealed record Period(PeriodKind Kind, DateOnly Start, DateOnly End, string Label)
{
    public bool Contains(DateOnly day) => day >= Start && day <= End;

    /// <summary>The Chinese name, so a core message with a period in it reads right in Chinese (Texts.Period translates it).</summary>
    public override string ToString() => Label;

    public DateTime StartTime => Start.ToDateTime(TimeOnly.MinValue);

    /// <summary>Exclusive upper bound for comparing wall-clock times.</summary>
    public DateTime EndExclusive => End.AddDays(1).ToDateTime(TimeOnly.MinValue);
}

public static class Periods
{
    /// <summary>The period of the given kind that contains the day.</summary>
    public static Period Containing(PeriodKind kind, DateOnly day, SemesterStarts? semester = null) => kind switch
    {
        PeriodKind.Year => new(kind, new DateOnly(day.Year, 1, 1), new DateOnly(day.Year, 12, 31), $"{day.Year}年度"),
        PeriodKind.HalfYear => day.Month <= 6
            ? new(kind, new DateOnly(day.Year, 1, 1), new DateOnly(day.Year, 6, 30), $"{day.Year}年上半年")
            : new(kind, new DateOnly(day.Year, 7, 1), new DateOnly(day.Year, 12, 31), $"{day.Year}年下半年"),
        PeriodKind.Quarter => Quarter(day),
        PeriodKind.Semester => Semester(day, semester ?? new SemesterStarts()),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>The period before the given one.</summary>
    public static Period Previous(Period period, SemesterStarts? semester = null) =>
        Containing(period.Kind, period.Start.AddDays(-1), semester);

    private static Period Quarter(DateOnly day)
    {
        var q = (day.Month - 1) / 3;
        var start = new DateOnly(day.Year, q * 3 + 1, 1);
        return new(PeriodKind.Quarter, start, start.AddMonths(3).AddDays(-1), $"{day.Year}年第{"一二三四"[q]}季度");
    }

    /// <summary>
    /// Autumn (第一学期) runs from the autumn start to the day before the next spring start; spring (第二学期)
    /// from the spring start to the day before the autumn start. The school year is named by the autumn's year.
    /// </summary>
    private static Period Semester(DateOnly day, SemesterStarts s)
    {
        DateOnly Spring(int year) => new(year, s.SpringMonth, s.SpringDay);
        DateOnly Autumn(int year) => new(year, s.AutumnMonth, s.AutumnDay);

        if (day >= Autumn(day.Year))
            return new(PeriodKind.Semester, Autumn(day.Year), Spring(day.Year + 1).AddDays(-1), $"{day.Year}-{day.Year + 1}学年第一学期");
        if (day >= Spring(day.Year))
            return new(PeriodKind.Semester, Spring(day.Year), Autumn(day.Year).AddDays(-1), $"{day.Year - 1}-{day.Year}学年第二学期");
        return new(PeriodKind.Semester, Autumn(day.Year - 1), Spring(day.Year).AddDays(-1), $"{day.Year - 1}-{day.Year}学年第一学期");
    }

    public static string KindName(PeriodKind kind) => kind switch
    {
        PeriodKind.Year => "年度",
        PeriodKind.HalfYear => "半年",
        PeriodKind.Semester => "学期",
        PeriodKind.Quarter => "季度",
        _ => kind.ToString(),
    };
}
