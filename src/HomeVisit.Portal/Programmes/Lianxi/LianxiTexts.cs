namespace HomeVisit.Portal.Localization;

public sealed partial class Texts
{
    private static Dictionary<string, string> LianxiTexts => new(StringComparer.Ordinal)
    {
        ["{0} / {1} 次"] = "{0} / {1}", ["{0} 登记于 {1}"] = "registered by {0} on {1}", ["{0} 起"] = "from {0}",
        ["{0} 转交于 {1}"] = "forwarded by {0} on {1}", ["（已安排 {0} 次）"] = "({0} planned)",
        ["与支部书记谈心"] = "Talks with the branch secretary", ["为其他党员领导干部安排"] = "Arrange for another leader",
        ["保存联系党支部"] = "Save branches", ["保存联系对象"] = "Save linked people", ["党员领导干部"] = "Party leader",
        ["党员领导干部联系 1 至 2 个党支部（由组织部安排，三、1），确定 2 至 3 名联系对象（由办公室牵头安排，三、2）。"] =
            "Each party leader is linked to 1–2 party branches (arranged by the organisation department, §3.1) and 2–3 individuals (arranged by the office, §3.2).",
        ["党员领导干部联系党支部、联系师生工作记录表"] = "Record of a leader's work with linked branches, teachers and students",
        ["全校"] = "Whole school", ["全部问题"] = "All items", ["其他走访慰问"] = "Other care visits", ["办理结果与答复"] = "Outcome and answer",
        ["参加支部活动、指导工作"] = "Branch activities attended", ["反映人"] = "Raised by", ["反映人（师生）"] = "Raised by (teacher or student)",
        ["反映的问题"] = "Problem raised", ["听取支部工作汇报"] = "Branch reports heard", ["学期"] = "Semester", ["学期总结"] = "Semester summary",
        ["学院（部门）"] = "College (department)", ["安排"] = "Arrange", ["完成情况"] = "Done", ["完成率"] = "Rate",
        ["对工作中收集到的师生员工反映的问题，及时反馈给相关部门；相关部门如实登记，按照程序及时组织落实并答复（四、3）。"] =
            "Problems teachers and students raise are forwarded to the responsible department, which registers, handles and answers them (§4.3).",
        ["尚未达到要求"] = "Not yet met", ["工作记录表"] = "Record table", ["差距"] = "Shortfall", ["已达到要求"] = "Met",
        ["师生反映问题"] = "Feedback from teachers and students", ["应完成"] = "Required", ["开始日期"] = "Start", ["我转交的问题"] = "Forwarded by me",
        ["或填写姓名（如学生）"] = "or type a name (e.g. a student)", ["打印"] = "Print", ["提交答复"] = "Send answer", ["提示"] = "Notes",
        ["支部书记"] = "Branch secretary", ["未安排。"] = "None.", ["本学期未安排联系党支部。"] = "No linked branch this semester.",
        ["本学期未确定联系对象。"] = "No linked individuals this semester.", ["查看"] = "View", ["止"] = "until",
        ["每学期末对党员领导干部联系党支部、联系师生工作开展总结（四、5）：按领导、按学院（部门）和全校汇总。"] =
            "Semester-end summary (§4.5): per leader, per college (department) and school-wide.",
        ["没有联系安排。"] = "No links arranged.", ["没有问题。"] = "Nothing here.", ["登记"] = "Register", ["答复"] = "Answer",
        ["答复情况（向反映人和联系领导的反馈）"] = "Answer (told to the person and the leader)", ["类别"] = "Category",
        ["结束日期（可不填）"] = "End (optional)", ["联系党支部"] = "Linked branches", ["联系党支部、联系师生"] = "Linked branches, teachers and students",
        ["联系党支部已保存。"] = "Linked branches saved.", ["联系党支部（1 至 2 个，组织部安排）"] = "Linked party branches (1–2, by the organisation department)",
        ["联系党支部（四、1）"] = "Linked branches (§4.1)", ["联系对象"] = "Linked individuals", ["联系对象已保存。"] = "Linked individuals saved.",
        ["联系对象（2 至 3 名，办公室安排）"] = "Linked individuals (2–3, by the office)",
        ["联系对象（专家、青年教师、入党积极分子等）"] = "Linked individuals (experts, young teachers, activists applying to join the party)",
        ["联系工作进展"] = "Progress", ["联系师生（四、2）"] = "Linked teachers and students (§4.2)",
        ["联系领导 {0} 人，达到要求 {1} 人；各项活动应完成 {2} 次，已完成 {3} 次（{4}%）。"] =
            "{0} linked leaders, {1} met the requirements; {2} activities required, {3} done ({4}%).",
        ["联系领导"] = "Leaders", ["请选择党员领导干部。"] = "Choose a leader.", ["走访慰问"] = "Care visits", ["起"] = "from",
        ["转交"] = "Forward", ["转交本部门的问题"] = "Forwarded to my department", ["转交部门"] = "Forward to", ["转交问题"] = "Forward a problem",
        ["达到要求"] = "Met", ["进展"] = "Progress", ["问题"] = "Problem", ["全校合计"] = "Whole school", ["未分配单位"] = "No unit",
        ["走访慰问事由"] = "Occasion of the care visit", ["重要节日"] = "Important holiday", ["取得重大成就"] = "Major achievement",
        ["罹患重大疾病"] = "Serious illness", ["遇到特殊困难"] = "Special hardship", ["专家取得重大成就"] = "An expert's major achievement",
        ["办公室"] = "Office", ["专家"] = "Expert", ["青年教师"] = "Young teacher", ["其他师生"] = "Other teacher or student",
    };
}
