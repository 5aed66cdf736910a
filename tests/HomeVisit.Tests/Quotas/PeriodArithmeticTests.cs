using HomeVisit.Core.Programmes;

namespace HomeVisit.Tests.Quotas;

/// <summary>Periods.Containing at the edges: the day before and the day a period starts, and the semester's year crossing.</summary>
public sealed class QuotaPeriodArithmeticTests
{
    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    private static void AssertPeriod(Period p, DateOnly start, DateOnly end, string label)
    {
        Assert.Equal(start, p.Start);
        Assert.Equal(end, p.End);
        Assert.Equal(label, p.Label);
    }

    [Fact]
    public void Year_ends_on_december_31_and_the_next_starts_on_january_1()
    {
        AssertPeriod(Periods.Containing(PeriodKind.Year, D(2026, 12, 31)), D(2026, 1, 1), D(2026, 12, 31), "2026年度");
        AssertPeriod(Periods.Containing(PeriodKind.Year, D(2027, 1, 1)), D(2027, 1, 1), D(2027, 12, 31), "2027年度");
    }

    [Fact]
    public void Half_year_turns_between_june_30_and_july_1()
    {
        AssertPeriod(Periods.Containing(PeriodKind.HalfYear, D(2026, 6, 30)), D(2026, 1, 1), D(2026, 6, 30), "2026年上半年");
        AssertPeriod(Periods.Containing(PeriodKind.HalfYear, D(2026, 7, 1)), D(2026, 7, 1), D(2026, 12, 31), "2026年下半年");
        AssertPeriod(Periods.Containing(PeriodKind.HalfYear, D(2027, 1, 1)), D(2027, 1, 1), D(2027, 6, 30), "2027年上半年");
    }

    [Theory]
    [InlineData(2026, 3, 31, 1, 1, 3, 31, "2026年第一季度")]
    [InlineData(2026, 4, 1, 4, 1, 6, 30, "2026年第二季度")]
    [InlineData(2026, 6, 30, 4, 1, 6, 30, "2026年第二季度")]
    [InlineData(2026, 9, 30, 7, 1, 9, 30, "2026年第三季度")]
    [InlineData(2026, 10, 1, 10, 1, 12, 31, "2026年第四季度")]
    [InlineData(2026, 12, 31, 10, 1, 12, 31, "2026年第四季度")]
    public void Quarters_end_on_the_last_day_of_their_third_month(int y, int m, int d, int sm, int sd, int em, int ed, string label)
        => AssertPeriod(Periods.Containing(PeriodKind.Quarter, D(y, m, d)), D(y, sm, sd), D(y, em, ed), label);

    [Fact]
    public void Semester_turns_on_the_spring_and_autumn_start_days()
    {
        var s = new SemesterStarts { SpringMonth = 2, SpringDay = 20, AutumnMonth = 9, AutumnDay = 1 };

        // The day before spring start is still the autumn semester that began the previous September.
        AssertPeriod(Periods.Containing(PeriodKind.Semester, D(2027, 2, 19), s), D(2026, 9, 1), D(2027, 2, 19), "2026-2027学年第一学期");
        AssertPeriod(Periods.Containing(PeriodKind.Semester, D(2027, 2, 20), s), D(2027, 2, 20), D(2027, 8, 31), "2026-2027学年第二学期");
        AssertPeriod(Periods.Containing(PeriodKind.Semester, D(2027, 8, 31), s), D(2027, 2, 20), D(2027, 8, 31), "2026-2027学年第二学期");
        AssertPeriod(Periods.Containing(PeriodKind.Semester, D(2027, 9, 1), s), D(2027, 9, 1), D(2028, 2, 19), "2027-2028学年第一学期");
    }

    [Fact]
    public void The_autumn_semester_crosses_the_new_year()
    {
        var s = new SemesterStarts();
        var dec = Periods.Containing(PeriodKind.Semester, D(2026, 12, 31), s);
        var jan = Periods.Containing(PeriodKind.Semester, D(2027, 1, 1), s);
        Assert.Equal(dec, jan);
        AssertPeriod(jan, D(2026, 9, 1), D(2027, 2, 19), "2026-2027学年第一学期");
        Assert.Equal(Periods.Containing(PeriodKind.Semester, D(2026, 8, 31), s), Periods.Previous(jan, s));
    }

    [Fact]
    public void With_spring_on_march_1_the_autumn_semester_ends_on_feb_29_in_a_leap_year_and_feb_28_otherwise()
    {
        var s = new SemesterStarts { SpringMonth = 3, SpringDay = 1 };

        // 2028 is a leap year: Feb 29 exists, lies inside the autumn semester and is its last day.
        var leap = Periods.Containing(PeriodKind.Semester, D(2028, 2, 29), s);
        AssertPeriod(leap, D(2027, 9, 1), D(2028, 2, 29), "2027-2028学年第一学期");
        Assert.Equal(leap, Periods.Containing(PeriodKind.Semester, D(2028, 1, 15), s));
        AssertPeriod(Periods.Containing(PeriodKind.Semester, D(2028, 3, 1), s), D(2028, 3, 1), D(2028, 8, 31), "2027-2028学年第二学期");

        // 2027 is not: the day before spring start is Feb 28.
        AssertPeriod(Periods.Containing(PeriodKind.Semester, D(2027, 2, 28), s), D(2026, 9, 1), D(2027, 2, 28), "2026-2027学年第一学期");
        AssertPeriod(Periods.Containing(PeriodKind.Semester, D(2027, 3, 1), s), D(2027, 3, 1), D(2027, 8, 31), "2026-2027学年第二学期");
    }

    [Fact]
    public void A_period_ends_just_before_midnight_of_its_last_day()
    {
        var year = Periods.Containing(PeriodKind.Year, D(2026, 5, 5));
        Assert.Equal(new DateTime(2026, 1, 1), year.StartTime);
        Assert.Equal(new DateTime(2027, 1, 1), year.EndExclusive);
    }
}
