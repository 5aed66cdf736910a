namespace HomeVisit.Portal.Localization;

public sealed partial class Texts
{
    private static Dictionary<string, string> HuifangTexts => new(StringComparer.Ordinal)
    {
        ["{0} 于 {1} 登记："] = "Recorded by {0} at {1}: ", ["{0} 于 {1} 登记：{2} 存入案件档案。"] = "Recorded by {0} at {1}: filed in the case archive on {2}.",
        ["{0} 向回访对象反馈，{1} 向{2}反馈。"] = "fed back to the person on {0}, to {2} on {1}.",
        ["不再回访的情形（实施办法第五条）"] = "When revisits stop (§5)", ["修改"] = "Edit", ["修改受处分人员信息"] = "Edit the sanction record",
        ["修改时间和工作组"] = "Change time and team", ["党纪处分"] = "Party sanction", ["党纪处分决定时间"] = "Party sanction decided on",
        ["党纪处分种类"] = "Party sanction", ["入党时间"] = "Joined the party", ["全部"] = "All", ["全部受处分人员"] = "All disciplined persons",
        ["制定回访方案"] = "Plan a revisit", ["单位及职务"] = "Unit and position", ["参加工作时间"] = "Started work", ["反馈"] = "Fed back",
        ["反馈方式及情况"] = "How it was fed back", ["受刑事处罚日期"] = "Criminally punished on", ["受处分人员"] = "Disciplined persons",
        ["受处分人员信息仅纪检监察室和案件管理室可见，查看记录将被审计。"] = "Only the discipline office and the case management office see these records; every view is audited.",
        ["受处分人员信息只能由案件管理室录入和修改。"] = "Only the case management office enters and changes sanction records.",
        ["受处分人员回访关爱工作情况登记表"] = "Registration form of a revisit of a disciplined person",
        ["受处分原因（主要违纪违法事实）"] = "Reason (main facts)", ["同意后工作组即可开展并登记回访。"] = "Once approved, the team may carry out and record the revisit.",
        ["向回访对象反馈日期"] = "Fed back to the person on", ["向所在单位党组织反馈日期"] = "Fed back to the unit's party organisation on",
        ["回访"] = "Revisit", ["回访对象态度以及现实表现简述"] = "Attitude and present conduct", ["回访对象情况（性格特点、思想和工作状况）"] = "About the person (character, thinking, work)",
        ["回访工作方案"] = "Revisit plan", ["回访工作方案报请学校纪委主要负责人审核同意后，方可开展并登记回访（第八条（二））。"] =
            "The plan must be approved by the head of the discipline committee before the revisit is carried out and recorded (§8(2)).",
        ["回访情况"] = "Revisit", ["回访意见建议"] = "Opinions and suggestions", ["回访方式"] = "Form", ["回访方式和重点"] = "Approach and focus",
        ["回访时间"] = "Revisit time", ["回访状态"] = "Revisit status", ["回访结果运用"] = "Use of the result", ["回访记录"] = "Revisits",
        ["填报单位"] = "Reporting unit", ["填报时间"] = "Reported on",
        ["处于处分影响期内、未移送司法机关、未受刑事处罚、未被开除、影响期内未退休的受处分人员（实施办法第四条、第五条）。"] =
            "Disciplined persons within the influence period and not transferred to judicial organs, criminally punished, expelled or retired (§4, §5).",
        ["备注"] = "Remarks", ["姓名、工号或案件编号"] = "Name, staff number or case number", ["存入案件档案（第十条）"] = "Filed in the case archive (§10)",
        ["存档"] = "Filed", ["存档日期"] = "Filed on", ["审批意见（可选）"] = "Note (optional)", ["尚未开展回访。"] = "No revisit yet.",
        ["工作组成员"] = "Team", ["已反馈"] = "Fed back", ["已回访"] = "Revisits", ["已存档"] = "Filed", ["应回访人员"] = "Due for a revisit",
        ["影响期"] = "Influence period", ["影响期（月）"] = "Influence period (months)", ["所在单位党组织"] = "The unit's party organisation",
        ["打印"] = "Print", ["打印登记表"] = "Print the form", ["提交方案，报请审核"] = "Submit for approval", ["政务处分"] = "Government sanction",
        ["政务处分决定时间"] = "Government sanction decided on", ["政务处分种类"] = "Government sanction", ["文化程度"] = "Education", ["方式"] = "Form",
        ["最近"] = "last", ["案件编号"] = "Case number", ["案件编号（处分决定文号）"] = "Case number (decision reference)",
        ["案情及相关政策法规要点"] = "The case and the rules that apply", ["档案编号或说明"] = "Archive number or note",
        ["每次回访应确定两人以上人员组成工作组（第八条（二））。"] = "Each revisit needs a team of two or more (§8(2)).",
        ["没有符合条件的受处分人员。"] = "No disciplined persons match.", ["登记反馈"] = "Record feedback", ["登记受处分人员"] = "Enter a sanction record",
        ["登记回访结果"] = "Record the revisit", ["登记存档"] = "Record filing", ["移送司法机关日期"] = "Transferred to judicial organs on",
        ["结果反馈（第九条）"] = "Feedback of the result (§9)", ["说明"] = "Why", ["返回名单"] = "Back to the list", ["返回回访"] = "Back to the revisit",
        ["退休日期"] = "Retired on", ["退回后工作组须修改方案再报审。"] = "The team must change the plan and submit it again.", ["退回方案"] = "Return the plan",
        ["（无）"] = "(none)", ["，影响期 {0} 个月"] = ", influence period {0} months", ["预计时长（分钟）"] = "Duration (minutes)",
        ["予以肯定和鼓励"] = "Affirmed and encouraged", ["做好政策解释，督促所在单位加强教育管理监督"] = "Policy explained; the unit to strengthen education and supervision",
        ["督促所在单位进行教育提醒或依规依纪依法处理"] = "The unit to remind and educate, or handle according to rules and law",
        ["案件管理室"] = "Case management office", ["应回访"] = "Due", ["影响期未开始"] = "Not yet in force", ["影响期已届满"] = "Period over",
        ["不再回访"] = "Excluded", ["警告"] = "Warning", ["严重警告"] = "Serious warning", ["撤销党内职务"] = "Removal from party post",
        ["留党察看"] = "Party probation", ["开除党籍"] = "Expulsion from the party", ["记过"] = "Demerit", ["记大过"] = "Major demerit",
        ["降级"] = "Demotion", ["撤职"] = "Dismissal from post", ["降低岗位等级"] = "Post grade lowered", ["开除"] = "Expulsion (public office)",
    };
}
