using HomeVisit.Core.Demo;
using HomeVisit.Core.FollowUps;
using HomeVisit.Core.People;
using HomeVisit.Core.Programmes;
using HomeVisit.Core.Visits;
using static HomeVisit.Core.Demo.DemoData;

namespace HomeVisit.Programmes.Qinglian;

/// <summary>清廉家访 demo: the college's principal leader and the discipline office visit a team member, and one visit is notified.</summary>
public static class QinglianDemo
{
    public static void Add(DemoData demo)
    {
        var roster = demo.Roster;
        var leader = roster.LeaderPerson;
        var jiwei = roster.DisciplinePerson;
        var automotive = roster.Automotive;

        var leaderSpouse = Family(leader, FamilyRelation.Spouse);
        var leaderChild = Family(leader, FamilyRelation.Child);
        var v2 = demo.NewVisit(QinglianProgramme.Key, VisitForm.HomeVisit, -12, 15, 0, 90, leader.HomeAddress, "“清廉家庭·幸福人生”清廉家访，引导家属树立良好家风",
            [(automotive.Secretary, false), (jiwei, true)], [leader], [leaderSpouse, leaderChild]);
        Done(v2,
            $"家访组与{leader.Name}及配偶{leaderSpouse.Name}、子女{leaderChild.Name}座谈约一个半小时。"
            + "家访组解读了《清廉家庭建设实施方案》，通报了近期教育系统违纪违法典型案例，"
            + $"请{leaderSpouse.Name}当好支持工作的“贤内助”和树立良好家风的“廉内助”。"
            + $"{leaderSpouse.Name}介绍了家庭日常情况，表示会经常提醒{leader.Name}守住底线；家属对学院工作提出了意见建议。",
            problems: "家属建议学院组织教职工家属开放日，增进家属对学院工作的了解。",
            resolution: null);
        demo.FollowUp(v2, FollowUpKind.Suggestion, "家属建议", "建议学院组织教职工家属开放日", null, leaderSpouse.Name, automotive.Secretary, 20,
            FollowUpStatus.Open);

        var v7 = demo.NewVisit(QinglianProgramme.Key, VisitForm.HomeVisit, 9, 19, 0, 90, automotive.Deputies[1].HomeAddress, "清廉家访，与家属共话清廉家风",
            [(automotive.Dean, false), (jiwei, true)], [automotive.Deputies[1]], []);
        v7.Status = VisitStatus.Notified;
        v7.NotifiedAt = demo.NowUtc.AddDays(-1);

        // 三、1: the core's roster has this account as a clerk; the programme makes it its 综合部, which has confirmed this
        // half year's household list, so the demo's visits can be planned. The coming half year's list is left for it to
        // confirm ahead on the household page. The roster is saved by now.
        var generalAffairs = roster.Accounts.First(a => a.UserName == DemoAccounts.GeneralAffairs);
        generalAffairs.Roles = [QinglianProgramme.GeneralAffairsRole];
        var people = demo.Db.People.Where(p => p.InstitutionId == demo.InstitutionId).Select(p => p.Id).ToList();
        demo.Db.Set<QinglianListConfirmation>().Add(new QinglianListConfirmation
        {
            InstitutionId = demo.InstitutionId, PeriodStart = Periods.Containing(PeriodKind.HalfYear, demo.Today).Start,
            ListHash = QinglianListService.Fingerprint(people), Households = people.Count,
            ConfirmedByUserId = generalAffairs.Id, ConfirmedByName = generalAffairs.DisplayName, ConfirmedAt = demo.NowUtc,
            Members = people.Select(id => new QinglianListMember { PersonId = id }).ToList(),
        });
    }
}
