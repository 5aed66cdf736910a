namespace HomeVisit.Portal.Localization;

public sealed partial class Texts
{
    /// <summary>English for the administration and account pages.</summary>
    private static Dictionary<string, string> AdminTexts => new(StringComparer.Ordinal)
    {
        ["单位管理"] = "Institutions", ["各单位的人员、设置和家访数据相互独立；每个账号只能看到本单位的数据。"] = "Each institution's people, settings and visits are separate; an account sees only its own institution.",
        ["单位名称"] = "Name", ["简称"] = "Short name", ["类型"] = "Kind", ["人员数"] = "People", ["账号数"] = "Accounts", ["创建时间"] = "Created",
        ["新增单位"] = "New institution", ["管理员用户名"] = "Admin user name", ["管理员姓名"] = "Admin name", ["管理员初始密码"] = "Admin initial password",
        ["创建单位"] = "Create", ["已创建单位“{0}”，请用新管理员账号登录后导入名单。"] = "Created “{0}”. Sign in as its administrator to import the roster.",
        ["高校"] = "University", ["县（区）"] = "County", ["工会"] = "Trade union", ["纪检监察机关"] = "Discipline office",
        ["定时任务"] = "Scheduled jobs", ["多台服务器同时运行时，每项任务每天只由其中一台执行；停机错过的任务在启动后补运行。"] = "When several servers run the portal, each job runs on one of them only; a run missed while the portal was down runs after it starts.",
        ["任务"] = "Job", ["每日时间"] = "Daily at", ["上次开始"] = "Last started", ["上次结束"] = "Last finished", ["结果"] = "Outcome", ["下次运行"] = "Next run",
        ["从未运行"] = "Never run", ["已关闭"] = "Off", ["每日提醒"] = "Daily reminders", ["干部家访诉求逾期升级"] = "Escalation of overdue cadre visit requests",
        ["运行中"] = "Running", ["成功"] = "Succeeded", ["失败"] = "Failed",
        ["审计日志"] = "Audit log", ["操作"] = "Action", ["对象类型"] = "Record type", ["对象编号"] = "Record id",
        ["日期从"] = "From", ["日期到"] = "To", ["查询"] = "Search", ["没有记录。"] = "No records.", ["时间"] = "Time", ["详情"] = "Detail",
        ["账号管理"] = "Accounts", ["新增账号"] = "New account", ["编辑账号"] = "Edit account", ["搜索用户名或姓名"] = "Search user name or name",
        ["姓名"] = "Name", ["关联人员"] = "Person", ["角色"] = "Roles", ["状态"] = "Status", ["已停用"] = "Disabled", ["已锁定"] = "Locked",
        ["正常"] = "Active", ["最近登录"] = "Last sign-in", ["输入姓名或工号搜索"] = "Type a name or staff number",
        ["初始密码"] = "Initial password", ["重置密码（留空则不修改）"] = "Reset password (leave empty to keep)", ["停用该账号"] = "Disable this account",
        ["保存"] = "Save", ["解除锁定"] = "Unlock", ["返回"] = "Back", ["已保存。"] = "Saved.", ["已解除锁定。"] = "Unlocked.",
        ["重新加载"] = "Reload", ["该记录已被他人修改，请重新加载后再编辑。"] = "Someone else changed this record. Reload it, then edit again.",
        ["记录不存在或无权查看。"] = "The record does not exist or you may not see it.",
        ["修改密码"] = "Change password",
        ["您的账号使用统一身份认证登录，没有本地密码；请在学校统一身份认证系统中修改密码。"] = "Your account signs in through campus SSO and has no local password; change it in the campus identity system.", ["密码已修改。"] = "Your password was changed.", ["当前密码"] = "Current password",
        ["新密码"] = "New password", ["确认新密码"] = "Confirm the new password",
        ["系统管理员"] = "System admin", ["项目管理员"] = "Programme admin", ["领导（家访人）"] = "Leader (visitor)", ["联络员"] = "Liaison",
        ["纪检监察"] = "Discipline office", ["组织部"] = "Organisation department", ["职工"] = "Staff",
    };
}
