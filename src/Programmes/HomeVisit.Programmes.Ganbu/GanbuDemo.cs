using HomeVisit.Core.Demo;
using HomeVisit.Core.FollowUps;
using HomeVisit.Core.People;
using HomeVisit.Core.Visits;
using static HomeVisit.Core.Demo.DemoData;

namespace HomeVisit.Programmes.Ganbu;

/// <summary>
/// 干部家访 demo: the organisation department's 重点约访 of a teacher whose father is in hospital (a difficulty in
/// progress) with a return visit coming, and a home visit where the family mentions a warning sign passed to the
/// discipline office.
/// </summary>
internal static class GanbuDemo
{
    public static void Add(DemoData demo)
    {
        var roster = demo.Roster;
        var zuzhi = roster.OrganisationPerson;
        var jiwei = roster.DisciplinePerson;
        var transportTeacher = roster.Transport.Teachers[0];
        var officeClerk = roster.PartyOffice.Clerks[0];

        var transportParent = Family(transportTeacher, FamilyRelation.Parent);
        var v3 = demo.NewVisit(GanbuModule.ProgrammeKey, VisitForm.KeyAppointment, -35, 10, 0, 60, "组织部办公室", "了解家庭困难情况，传达组织关怀",
            [(roster.OrganisationDept.Head, false), (zuzhi, true)], [transportTeacher], []);
        Done(v3,
            $"{transportTeacher.Name}反映其父亲{transportParent.Name}近期因病住院治疗，需长期康复，家庭经济压力较大，本人工作和照护难以兼顾。"
            + "组织部转达了学校党委的关心，了解了医疗费用和报销情况，表示将协调工会按规定给予帮扶，并与所在学院沟通在排课上适当照顾。"
            + $"{transportTeacher.Name}情绪稳定，表示会克服困难、安心工作。",
            problems: "父亲患病住院，家庭经济压力较大；照护与工作难以兼顾。",
            resolution: "协调工会困难帮扶；与交通工程学院沟通排课。");
        demo.FollowUp(v3, FollowUpKind.Difficulty, "生活困难", "父亲患病住院，家庭经济压力较大，申请困难帮扶", transportTeacher, null, zuzhi, 10,
            FollowUpStatus.InProgress,
            details: "已将情况告知校工会，工会正在审核困难补助材料；交通工程学院已调整其下学期排课。");

        var clerkSpouse = Family(officeClerk, FamilyRelation.Spouse);
        var v5 = demo.NewVisit(GanbuModule.ProgrammeKey, VisitForm.HomeVisit, -45, 19, 30, 60, officeClerk.HomeAddress, "了解年轻干部家庭和思想状况",
            [(roster.OrganisationDept.Deputy, false), (zuzhi, true)], [officeClerk], [clerkSpouse]);
        Done(v5,
            $"家访组与{officeClerk.Name}及配偶{clerkSpouse.Name}交流。{officeClerk.Name}工作积极，家庭总体和睦。"
            + $"{clerkSpouse.Name}提到{officeClerk.Name}近几个月晚上应酬较多、经常晚归，希望组织多提醒。"
            + "家访组当场进行了提醒谈话，要求其慎交友、慎用权、严守纪律规矩。",
            problems: "家属反映近期应酬较多、经常晚归。",
            resolution: "已当面提醒；情况报纪检监察室备案关注。");
        demo.FollowUp(v5, FollowUpKind.WarningSign, "苗头性问题", "家属反映其近期应酬较多、经常晚归，需持续关注", null, clerkSpouse.Name, jiwei, 7,
            FollowUpStatus.Open);

        demo.NewVisit(GanbuModule.ProgrammeKey, VisitForm.HomeVisit, 23, 19, 30, 60, transportTeacher.HomeAddress, "回访家庭困难帮扶落实情况",
            [(roster.OrganisationDept.Head, false), (zuzhi, true)], [transportTeacher], [transportParent]);
    }
}
