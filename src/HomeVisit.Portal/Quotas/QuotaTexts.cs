namespace HomeVisit.Portal.Localization;

public sealed partial class Texts
{
    /// <summary>English for the texts of the Quotas pages. The reason sentences come from the service in Chinese.</summary>
    private static Dictionary<string, string> QuotaTexts => new(StringComparer.Ordinal)
    {
        ["家访指标"] = "Visit quotas",
        ["我的指标"] = "My quotas",
        ["我的家访指标"] = "My visit quotas",
        ["各单位完成情况"] = "Progress by unit",
        ["未完成人员"] = "People behind",
        ["统计期间"] = "Period",
        ["查看详情"] = "Details",
        ["人"] = "people",
        ["次"] = "visits",
        ["已完成 {0} / {1} {2}"] = "Done {0} / {1} {2}",
        ["已安排 {0} {1}"] = "planned {0} {1}",
        ["尚差 {0} {1}"] = "{0} {1} to go",
        ["已达到要求"] = "Met",
        ["本期没有适用于您的家访指标。"] = "No visit quota applies to you in this period.",
        ["您的账号未关联人员信息，也没有查看全部人员指标的权限。"] =
            "Your account is not linked to a person and may not see everyone's quotas.",
        ["{0}：{1} 人有指标，{2} 人已达标，{3} 人未达标；应完成 {4}，已完成 {5}（{6}%）。"] =
            "{0}: {1} people have quotas, {2} on track, {3} behind; {5} of {4} required done ({6}%).",
        ["本期没有适用指标的人员。"] = "Nobody has a quota in this period.",
        ["合计"] = "Total",
        ["指标人数"] = "With quotas",
        ["已达标"] = "On track",
        ["未达标"] = "Behind",
        ["应完成"] = "Required",
        ["已完成"] = "Done",
        ["完成率"] = "Completion",
        ["未分配单位"] = "No unit",
        ["全校（单位）合计"] = "Institution total",
        ["只看未完成"] = "Behind only",
        ["没有符合条件的人员。"] = "Nobody matches.",
        ["指标"] = "Quotas",
        ["尚差"] = "Owed",
    };
}
