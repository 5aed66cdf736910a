using HomeVisit.Core.Data;
using HomeVisit.Core.FollowUps;
using HomeVisit.Core.Institutions;
using HomeVisit.Core.Lianxi;
using HomeVisit.Core.People;
using HomeVisit.Core.Visits;

namespace HomeVisit.Core.Demo;

/// <summary>
/// Demo data for 联系师生 (the demo leader's linked branches and individuals, a few more activities, a problem
/// forwarded to the organisation department) and 受处分人员回访关爱 (sanction records in every state of the rule:
/// due, over, expelled, transferred to judicial organs, retired). No revisits are seeded: signing in as
/// <see cref="DemoAccounts.CaseManagement"/> and planning one is the way to try the programme.
/// </summary>
internal static class DemoLianxiHuifang
{
    private static readonly TimeSpan BeijingOffset = TimeSpan.FromHours(8);

    public static void AddTo(PortalDbContext db, int institutionId, DemoRoster roster, DateTime nowUtc, DateTime beijingNow)
    {
        var today = DateOnly.FromDateTime(beijingNow);
        AddLinks(db, institutionId, roster, nowUtc, beijingNow, today);
    }

    private static void AddLinks(PortalDbContext db, int institutionId, DemoRoster roster, DateTime nowUtc, DateTime beijingNow, DateOnly today)
    {
        var automotive = roster.Automotive;
        var leader = roster.LeaderPerson;
        var admin = roster.Admin.Id;
        var since = today.AddYears(-1);
        LianxiLink Link(Person l, OrgUnit? branch, Person? person, LinkedPersonCategory? category) => new()
        {
            InstitutionId = institutionId, LeaderPersonId = l.Id, Kind = branch is null ? LinkKind.Individual : LinkKind.Branch,
            BranchId = branch?.Id, PersonId = person?.Id, Category = category, StartsOn = since, AssignedByUserId = admin, AssignedAt = nowUtc.AddDays(-365),
        };
        db.LianxiLinks.AddRange(
            Link(leader, automotive.Branch1, null, null),
            Link(leader, automotive.Branch2, null, null),
            Link(leader, null, automotive.Teachers[3], LinkedPersonCategory.Expert),
            Link(leader, null, automotive.Counsellors[0], LinkedPersonCategory.YoungTeacher),
            Link(leader, null, automotive.Teachers[4], LinkedPersonCategory.PartyActivist));
        // A second leader with links and no activities yet, so the semester summary has someone behind.
        var other = roster.Transport.Deputies[0];
        db.LianxiLinks.AddRange(
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
                CreatedAt = nowUtc.AddDays(dayOffset - 7), CompletedAt = ToUtc(start).AddDays(1),
                FormDataJson = occasion is null ? null : $"{{\"Occasion\":\"{occasion}\"}}",
            };
            visit.Visitors.Add(new VisitVisitor { PersonId = leader.Id, IsRecorder = true });
            visit.Targets.Add(new VisitTarget { PersonId = target.Id });
            db.Visits.Add(visit);
            return visit;
        }
        Done(VisitForm.HeartTalk, -20, secretary, $"与{automotive.Branch1.Name}书记{secretary.Name}谈心，了解支部“三会一课”和发展党员工作情况，交流支部标准化建设的思路。");
        Done(VisitForm.HeartTalk, -9, automotive.Counsellors[0], $"与青年辅导员{automotive.Counsellors[0].Name}谈心谈话，了解其学生工作和个人发展打算，鼓励其积极向党组织靠拢。");
        Done(VisitForm.HomeVisit, -6, automotive.Teachers[3], $"{automotive.Teachers[3].Name}近期住院手术，代表学院到医院看望慰问，转达组织关心。", "罹患重大疾病");

        var leaderAccount = roster.Accounts.First(a => a.UserName == DemoAccounts.Leader);
        db.FollowUpItems.Add(new FollowUpItem
        {
            InstitutionId = institutionId, ProgrammeKey = LianxiAccess.ProgrammeKey, Kind = FollowUpKind.Suggestion, Category = LianxiFeedbackService.Category,
            Summary = "青年教师希望增加入党积极分子培训班名额", Details = "联系对象反映今年入党积极分子培训班名额紧张，部分青年教师未能参加。",
            RaisedByPersonId = automotive.Teachers[4].Id, ResponsibleUnitId = roster.OrganisationDept.Unit.Id,
            Deadline = today.AddDays(14), Status = FollowUpStatus.Open, CreatedByUserId = leaderAccount.Id, CreatedAt = nowUtc.AddDays(-3),
        });
    }

    private static DateTime ToUtc(DateTime beijing) => DateTime.SpecifyKind(beijing - BeijingOffset, DateTimeKind.Utc);
}
