using HomeVisit.Core.Demo;
using HomeVisit.Core.FollowUps;
using HomeVisit.Core.Institutions;
using HomeVisit.Core.People;
using HomeVisit.Core.Visits;
using static HomeVisit.Core.Demo.DemoData;

namespace HomeVisit.Programmes.Lianxi;

/// <summary>
/// 联系师生 demo: the demo leader's linked branches and individuals, a branch activity done with a suggestion, a branch
/// report and a heart-to-heart talk coming, a few more activities, a problem forwarded to the organisation department, and
/// a second leader with links and no activities yet, so the semester summary has someone behind.
/// </summary>
internal static class LianxiDemo
{
    private const string Key = LianxiModule.ProgrammeKey;

    public static void Add(DemoData demo)
    {
        var roster = demo.Roster;
        var leader = roster.LeaderPerson;
        var automotive = roster.Automotive;

        var v4 = demo.NewVisit(Key, LianxiForms.BranchActivity, -14, 14, 30, 120, "汽车工程学院党员活动室", "参加联系党支部主题党日活动，听取师生意见",
            [(leader, true)], [], [], branch: automotive.Branch1);
        Done(v4,
            $"参加{automotive.Branch1.Name}主题党日活动，与支部党员共同学习党的二十届三中全会精神，"
            + "听取支部书记关于“三会一课”落实和教师发展情况的汇报。座谈中，教师反映实训中心部分设备老化，影响实训教学效果。",
            problems: "实训中心部分设备老化，影响实训教学。",
            resolution: "请学院梳理设备清单，纳入年度设备更新计划。");
        demo.FollowUp(v4, FollowUpKind.Suggestion, "教学条件", "实训中心部分设备老化，建议纳入年度设备更新计划", null, $"{automotive.Branch1.Name}党员", automotive.Dean, -3,
            FollowUpStatus.Open);
        demo.NewVisit(Key, LianxiForms.BranchReport, 2, 15, 0, 90, "汽车工程学院会议室", "听取联系党支部工作汇报",
            [(leader, true)], [], [], branch: automotive.Branch2);
        demo.NewVisit(Key, VisitForm.HeartTalk, 16, 16, 0, 60, "汽车工程学院302办公室", "与青年辅导员谈心谈话，了解工作和生活情况",
            [(leader, true)], [automotive.Counsellors[0]], []);

        AddLinks(demo);
    }

    private static void AddLinks(DemoData demo)
    {
        var (db, institutionId, roster, nowUtc, beijingNow, today) = (demo.Db, demo.InstitutionId, demo.Roster, demo.NowUtc, demo.BeijingNow, demo.Today);
        var automotive = roster.Automotive;
        var leader = roster.LeaderPerson;
        var admin = roster.Admin.Id;
        var since = today.AddYears(-1);
        LianxiLink Link(Person l, OrgUnit? branch, Person? person, LinkedPersonCategory? category) => new()
        {
            InstitutionId = institutionId, LeaderPersonId = l.Id, Kind = branch is null ? LinkKind.Individual : LinkKind.Branch,
            BranchId = branch?.Id, PersonId = person?.Id, Category = category, StartsOn = since, AssignedByUserId = admin, AssignedAt = nowUtc.AddDays(-365),
        };
        db.Set<LianxiLink>().AddRange(
            Link(leader, automotive.Branch1, null, null),
            Link(leader, automotive.Branch2, null, null),
            Link(leader, null, automotive.Teachers[3], LinkedPersonCategory.Expert),
            Link(leader, null, automotive.Counsellors[0], LinkedPersonCategory.YoungTeacher),
            Link(leader, null, automotive.Teachers[4], LinkedPersonCategory.PartyActivist));
        // A second leader with links and no activities yet, so the semester summary has someone behind.
        var other = roster.Transport.Deputies[0];
        db.Set<LianxiLink>().AddRange(
            Link(other, roster.Transport.Branch1, null, null),
            Link(other, null, roster.Transport.Teachers[1], LinkedPersonCategory.Expert),
            Link(other, null, roster.Transport.Counsellors[1], LinkedPersonCategory.YoungTeacher));

        var secretary = roster.Leaderships.First(l => l.Unit == automotive.Branch1 && l.Role == LeadershipRole.BranchSecretary).Person!;
        Visit Done(VisitForm form, int dayOffset, Person target, string record, string? occasion = null)
        {
            var start = beijingNow.Date.AddDays(dayOffset).AddHours(16);
            var visit = new Visit
            {
                InstitutionId = institutionId, ProgrammeKey = LianxiAccess.ProgrammeKey, Form = form, PlannedStart = start, PlannedEnd = start.AddHours(1),
                ActualStart = start, Place = "汽车工程学院", Status = VisitStatus.Done, Record = record, CreatedByUserId = admin,
                CreatedAt = nowUtc.AddDays(dayOffset - 7), CompletedAt = DemoData.ToUtc(start).AddDays(1),
                FormDataJson = occasion is null ? null : $"{{\"Occasion\":\"{occasion}\"}}",
            };
            visit.Visitors.Add(new VisitVisitor { PersonId = leader.Id, IsRecorder = true });
            visit.Targets.Add(new VisitTarget { PersonId = target.Id });
            demo.Add(visit);
            return visit;
        }
        Done(VisitForm.HeartTalk, -20, secretary, $"与{automotive.Branch1.Name}书记{secretary.Name}谈心，了解支部“三会一课”和发展党员工作情况，交流支部标准化建设的思路。");
        Done(VisitForm.HeartTalk, -9, automotive.Counsellors[0], $"与青年辅导员{automotive.Counsellors[0].Name}谈心谈话，了解其学生工作和个人发展打算，鼓励其积极向党组织靠拢。");
        Done(VisitForm.HomeVisit, -6, automotive.Teachers[3], $"{automotive.Teachers[3].Name}近期住院手术，代表学院到医院看望慰问，转达组织关心。", "罹患重大疾病");

        var leaderAccount = roster.Accounts.First(a => a.UserName == DemoAccounts.Leader);
        demo.Add(new FollowUpItem
        {
            InstitutionId = institutionId, ProgrammeKey = LianxiAccess.ProgrammeKey, Kind = FollowUpKind.Suggestion, Category = LianxiFeedbackService.Category,
            Summary = "青年教师希望增加入党积极分子培训班名额", Details = "联系对象反映今年入党积极分子培训班名额紧张，部分青年教师未能参加。",
            RaisedByPersonId = automotive.Teachers[4].Id, ResponsibleUnitId = roster.OrganisationDept.Unit.Id,
            Deadline = today.AddDays(14), Status = FollowUpStatus.Open, CreatedByUserId = leaderAccount.Id, CreatedAt = nowUtc.AddDays(-3),
        });
    }
}
