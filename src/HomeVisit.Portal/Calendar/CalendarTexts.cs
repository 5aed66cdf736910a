namespace HomeVisit.Portal.Localization;

public sealed partial class Texts
{
    /// <summary>English for the calendar pages and reminders.</summary>
    private static Dictionary<string, string> CalendarTexts => new(StringComparer.Ordinal)
    {
        ["我的家访日程"] = "My visit calendar", ["单位家访日程"] = "Unit calendars", ["今天"] = "Today", ["月"] = "Month", ["周"] = "Week", ["日"] = "Day", ["日程"] = "Agenda",
        ["点击家访可打开详情；拖动计划中的家访可改期，改期时会重新检查项目规则（提前通知、工作组人数等）。"] =
            "Click a visit to open it; drag a planned visit to reschedule it — the programme's rules (notice, team size) are checked again.",
        ["只有您参加的、尚未完成的家访可以改期。"] = "Only visits you take part in that are not done can be rescheduled.",
        ["将家访改到 {0:yyyy-MM-dd HH:mm}？"] = "Move the visit to {0:yyyy-MM-dd HH:mm}?",
        ["{0} 在 {1:MM-dd HH:mm}–{2:HH:mm} 已有家访安排。"] = "{0} already has a visit {1:MM-dd HH:mm}–{2:HH:mm}.",
        ["改期"] = "Reschedule", ["已改期。"] = "Rescheduled.", ["不能改期"] = "Cannot reschedule", ["取消"] = "Cancel",
        ["订阅日历"] = "Calendar subscription",
        ["生成一个私人订阅地址，可在 Outlook、苹果日历或手机日历中订阅您的家访日程。订阅内容不含家庭住址、家庭成员等敏感信息。地址只显示一次，泄露后请立即停用。"] =
            "Create a private address to subscribe to your visits in Outlook, Apple Calendar or your phone. It holds no addresses or family details. The address is shown once; revoke it if it leaks.",
        ["订阅地址（只显示这一次）："] = "Subscription address (shown only once):", ["名称"] = "Name", ["例如：手机日历"] = "e.g. phone",
        ["生成订阅地址"] = "Create address", ["创建时间"] = "Created", ["最近访问"] = "Last fetched", ["状态"] = "Status", ["有效"] = "Active",
        ["已停用"] = "Revoked", ["停用"] = "Revoke", ["停用订阅"] = "Revoke subscription",
        ["停用“{0}”后，已订阅的日历将不再更新。确定停用？"] = "After revoking “{0}”, subscribed calendars stop updating. Revoke?",
        ["只有管理员和组织部、纪检监察部门可以查看单位日程。"] = "Only administrators, the organisation department and the discipline office can see unit calendars.",
        ["单位"] = "Unit", ["全部单位"] = "All units", ["全部项目"] = "All programmes", ["家访日程"] = "Calendar",
        ["台账导出"] = "Ledger export", ["年度"] = "Year", ["导出台账（Excel）"] = "Export ledger (Excel)", ["下载台账"] = "Download the ledger", ["共 {0} 条记录"] = "{0} records",
        ["待办提醒"] = "Reminders", ["没有待办提醒。"] = "No reminders.", ["知道了"] = "Dismiss",
        ["家访时间冲突"] = "Schedule conflict", ["仍然保存"] = "Save anyway",
    };
}
