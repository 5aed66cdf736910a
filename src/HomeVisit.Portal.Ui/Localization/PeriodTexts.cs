using HomeVisit.Core.Programmes;
using Microsoft.Extensions.Localization;

namespace HomeVisit.Portal.Localization;

/// <summary>
/// Period names in the user's language. The core names a period in Chinese (<see cref="Period.Label"/>, also used
/// in exports); pages show this instead, built from the period's kind and dates with a Chinese template as the key,
/// so in Chinese it reads exactly like the core's label.
/// </summary>
public static class PeriodTexts
{
    private static readonly string[] Quarters = ["{0}年第一季度", "{0}年第二季度", "{0}年第三季度", "{0}年第四季度"];

    public static string Label(Period period, IStringLocalizer texts)
    {
        var year = period.Start.Year;
        return period.Kind switch
        {
            PeriodKind.Year => texts["{0}年度", year],
            PeriodKind.HalfYear => texts[period.Start.Month <= 6 ? "{0}年上半年" : "{0}年下半年", year],
            PeriodKind.Quarter => texts[Quarters[(period.Start.Month - 1) / 3], year],
            // The core knows which semester it is from the institution's semester dates; its label says so.
            PeriodKind.Semester => period.Label.EndsWith("第一学期", StringComparison.Ordinal)
                ? texts["{0}-{1}学年第一学期", year, year + 1]
                : texts["{0}-{1}学年第二学期", year - 1, year],
            _ => period.Label,
        };
    }
}
