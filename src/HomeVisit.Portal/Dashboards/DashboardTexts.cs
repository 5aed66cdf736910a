namespace HomeVisit.Portal.Localization;

public sealed partial class Texts
{
    /// <summary>English for the dashboard and summaries.</summary>
    private static Dictionary<string, string> DashboardTexts => new(StringComparer.Ordinal)
    {
        ["统计分析"] = "Dashboard", ["期间汇总"] = "Period summary", ["统计期间"] = "Period", ["打印"] = "Print", ["导出 Excel"] = "Export to Excel",
        ["按家访形式"] = "By form", ["家访形式"] = "Form", ["期间汇总（可打印、导出）"] = "Period summary (print, export)", ["已完成家访"] = "Visits done", ["已安排未完成"] = "Planned, not done", ["跟踪事项办结率"] = "Follow-up resolution rate",
        ["超期未办结事项"] = "Overdue items", ["各月完成家访数（按项目）"] = "Visits done per month, by programme", ["项目"] = "Programme", ["合计"] = "Total",
        ["指标完成情况"] = "quota completion", ["完成率（%）"] = "Completion (%)", ["全单位：{0} 人有指标，{1} 人已完成，{2} 人未完成。"] = "Institution: {0} with quotas, {1} on track, {2} behind.",
        ["查看未完成人员"] = "See who is behind", ["跟踪事项办理情况"] = "Follow-up items", ["登记"] = "Raised", ["已办结"] = "Resolved", ["已撤回"] = "Withdrawn",
        ["未办结"] = "Open", ["超期"] = "Overdue", ["办结率"] = "Resolution rate", ["平均办理天数"] = "Average days to resolve",
        ["只有管理员和组织部、纪检监察部门可以查看统计。"] = "Only administrators, the organisation department and the discipline office can see the dashboard.",
    };
}
