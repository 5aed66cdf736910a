using HomeVisit.Core.FollowUps;
using HomeVisit.Core.People;
using HomeVisit.Core.Visits;
using static HomeVisit.Core.Demo.DemoData;

namespace HomeVisit.Core.Demo.Programmes;

/// <summary>
/// 廉政家访 demo: a teacher's home visit done with two follow-up items, a 重点约访 still tracked with a 定期回访 done, a
/// college secretary's home visit for the ledger, a lead restricted to both committees, signatures on the first visit's
/// record form (so the liaison can send it to the discipline office), one visit coming, one cancelled, and the demo
/// leader's plan for the year, one short of the quota.
/// </summary>
public static class LianzhengDemo
{
    private const string Key = "lianzheng";

    public static void Add(DemoData demo)
    {
        var roster = demo.Roster;
        var leader = roster.LeaderPerson;
        var liaison = roster.LiaisonPerson;
        var staff = roster.StaffPerson;
        var automotive = roster.Automotive;

        // The college leaders visit a teacher at home with the liaison keeping the record.
        var staffSpouse = Family(staff, FamilyRelation.Spouse);
        var staffParent = Family(staff, FamilyRelation.Parent);
        var v1 = demo.NewVisit(Key, VisitForm.HomeVisit, -24, 19, 30, 90, staff.HomeAddress, "了解教师八小时以外生活圈、社交圈及家庭家教家风情况，宣讲廉洁从教要求",
            [(leader, false), (automotive.Secretary, false), (liaison, true)], [staff], [staffSpouse, staffParent]);
        Done(v1,
            $"晚上7点半，家访组到{staff.Name}家中，{staff.Name}及其配偶{staffSpouse.Name}、父亲{staffParent.Name}在家。"
            + $"家访组通报了学校“双高”建设进展和汽车工程学院专业群建设情况，肯定了{staff.Name}近年在教学和技能竞赛指导方面的成绩。"
            + $"随后围绕家庭家教家风拉家常，了解到{staffSpouse.Name}在{staffSpouse.Workplace ?? "本地"}工作，家庭和睦。"
            + "家访组向家属赠送了《廉洁家书》，希望家属当好“廉内助”、守好“廉洁门”。"
            + $"{staff.Name}表示将严格遵守中央八项规定精神和师德师风要求，管好自己、管好家人。",
            problems: "子女明年入学，希望学校协助了解就近入学政策；希望调整周三下午的课程安排。",
            resolution: "入学政策咨询转学院办公室跟进；课程安排由教务口径统一协调。");
        demo.FollowUp(v1, FollowUpKind.Request, "子女入学", "希望学校协助了解子女就近入学政策", staff, null, liaison, -14,
            FollowUpStatus.Resolved,
            resolution: "学院办公室联系学区所在街道，整理了入学报名时间和材料清单，已当面向本人说明。",
            feedback: "本人表示感谢，已按时完成网上报名。", closedDaysAgo: 16);
        demo.FollowUp(v1, FollowUpKind.Request, "教学安排", "希望调整周三下午的课程安排，便于接送孩子", staff, null, liaison, -10,
            FollowUpStatus.Withdrawn, withdrawReason: "本人表示已与同事调课自行解决，撤回诉求。", closedDaysAgo: 20);
        v1.FormDataJson = """{"LeaderSigned":"true","RecorderSigned":"true"}""";

        var teacher2 = automotive.Teachers[1];
        var teacher3 = automotive.Teachers[2];
        demo.NewVisit(Key, VisitForm.HomeVisit, 4, 19, 30, 90, teacher2.HomeAddress, "廉政家访，了解家庭家教家风情况",
            [(leader, false), (liaison, true)], [teacher2], []);

        // Cancelled a few days ago, to show that state too.
        var cancelled = demo.NewVisit(Key, VisitForm.HomeVisit, -5, 19, 30, 90, teacher3.HomeAddress, "廉政家访",
            [(leader, false), (liaison, true)], [teacher3], []);
        cancelled.Status = VisitStatus.Cancelled;
        cancelled.CancelReason = "被访人临时外出参加技能大赛集训，改期另行安排。";

        var troubled = automotive.Teachers[3];
        const string setback = "思想认识出现偏差或工作上受到挫折的";
        var key = demo.NewVisit(Key, VisitForm.KeyAppointment, -50, 19, 30, 90, troubled.HomeAddress, "职称评审未通过后情绪低落，与家属约定时间重点家访",
            [(leader, false), (liaison, true)], [troubled], []);
        key.Trigger = setback;
        Done(key,
            $"家访组与{troubled.Name}及家属交流约一个半小时。{troubled.Name}今年职称评审未通过，近期情绪低落，上课积极性不高。"
            + "家访组肯定了其教学工作，帮助分析评审中的不足，鼓励其调整心态；家属表示会多开导、多支持。",
            problems: "职称评审受挫，思想波动较大；希望得到教学科研方面的指导。",
            resolution: "安排学院教授一对一指导其教研项目申报；一个月后定期回访。");
        demo.FollowUp(key, FollowUpKind.Difficulty, "教研指导", "希望学院安排教研项目申报指导", troubled, null, automotive.Dean, 30,
            FollowUpStatus.InProgress);
        var lead = demo.FollowUp(key, FollowUpKind.WarningSign, "重要问题线索", "家属反映其与某培训机构往来密切，疑有校外有偿兼职，需核实", null, "家属",
            roster.DisciplinePerson, 14, FollowUpStatus.Open);
        lead.RestrictedToRole = FollowUpItem.BothCommittees;

        var revisit = demo.NewVisit(Key, VisitForm.RegularRevisit, -15, 19, 30, 60, troubled.HomeAddress, "重点约访后定期回访，了解转变情况",
            [(leader, false), (liaison, true)], [troubled], []);
        revisit.Trigger = setback;
        Done(revisit,
            $"{troubled.Name}已在学院教授指导下完成一项教研项目申报书，精神状态明显好转，家属反映在家情绪稳定。家访组鼓励其继续保持。",
            problems: null, resolution: "继续跟踪，下次回访后视情况结束跟踪。");
        demo.LinkChain(revisit, key);

        var home = demo.NewVisit(Key, VisitForm.HomeVisit, -70, 19, 30, 90, automotive.Teachers[4].HomeAddress, "廉政家访，了解八小时以外生活圈、朋友圈",
            [(automotive.Secretary, false), (liaison, true)], [automotive.Teachers[4]], []);
        Done(home,
            $"家访组到{automotive.Teachers[4].Name}家中，宣讲了中央八项规定精神和师德师风要求，了解家庭生活情况。家庭和睦，无明显困难。",
            problems: null, resolution: null);

        var today = demo.TodayStart;
        foreach (var (target, month) in new[] { (roster.StaffPerson, v1.PlannedStart.Month), (automotive.Teachers[1], today.Month), (troubled, key.PlannedStart.Month) })
        {
            demo.Db.Set<Lianzheng.LianzhengPlanItem>().Add(new Lianzheng.LianzhengPlanItem
            {
                InstitutionId = demo.InstitutionId, Visitor = leader, Target = target, Year = today.Year, Month = month,
                Trigger = target == troubled ? setback : null, CreatedByUserId = demo.AdminId, CreatedAt = demo.NowUtc.AddDays(-80),
            });
        }
    }
}
