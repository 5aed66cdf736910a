using HomeVisit.Core.Data;
using HomeVisit.Core.FollowUps;
using HomeVisit.Core.Institutions;
using HomeVisit.Core.People;
using HomeVisit.Core.Visits;
using Microsoft.EntityFrameworkCore;

namespace HomeVisit.Core.Demo;

/// <summary>
/// Fills an empty database with one demo university: organisation tree, ~150 staff with families,
/// leadership, the <see cref="DemoAccounts"/> sign-ins, and a few visits and follow-up items around
/// today. Never run in production (<see cref="DatabaseServiceCollectionExtensions.InitialisePortalDatabaseAsync"/>
/// refuses); it is for trying the portal out and for tests.
/// </summary>
public static class DemoSeeder
{
    /// <summary>Fixed, so the generated roster (names, numbers, families) is the same everywhere.</summary>
    public const int RandomSeed = 20261121;

    private const string Lianzheng = "lianzheng";
    private const string Qinglian = "qinglian";
    private const string Ganbu = "ganbu";
    private const string Lianxi = "lianxi";


    /// <summary>Seeds the demo institution unless any institution exists. Returns whether it seeded.</summary>
    public static async Task<bool> SeedAsync(PortalDbContext db, TimeProvider clock, CancellationToken cancellationToken = default)
    {
        if (await db.Institutions.AnyAsync(cancellationToken)) return false;

        // Whole minutes keep the seeded timestamps tidy on screen.
        var utc = clock.GetUtcNow().UtcDateTime;
        var nowUtc = new DateTime(utc.Ticks - utc.Ticks % TimeSpan.TicksPerMinute, DateTimeKind.Utc);
        var beijingNow = InstitutionTime.FromUtc(nowUtc);

        var ownTransaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            // Institution ids and the admin's id are plain foreign keys without navigations, so the
            // rows that need them are saved in three steps, all in one transaction.
            var institution = new Institution
            {
                Name = DemoAccounts.InstitutionName,
                ShortName = "示范职院",
                Kind = InstitutionKind.University,
                CreatedAt = nowUtc.AddDays(-90),
            };
            db.Institutions.Add(institution);
            await db.SaveChangesAsync(cancellationToken);

            var roster = new DemoRoster(institution.Id, DateOnly.FromDateTime(beijingNow), new DemoGenerator(RandomSeed));
            roster.Build();
            db.OrgUnits.AddRange(roster.Units);
            db.People.AddRange(roster.People);
            db.UnitLeaderships.AddRange(roster.Leaderships);
            db.UserAccounts.AddRange(roster.Accounts);
            await db.SaveChangesAsync(cancellationToken);

            var planner = new VisitPlanner(institution.Id, roster, nowUtc, beijingNow);
            planner.AddTo(db);
            await db.SaveChangesAsync(cancellationToken);
            if (planner.LinkChains()) await db.SaveChangesAsync(cancellationToken);

            DemoLianxiHuifang.AddTo(db, institution.Id, roster, nowUtc, beijingNow);
            await db.SaveChangesAsync(cancellationToken);

            if (ownTransaction is not null) await ownTransaction.CommitAsync(cancellationToken);
            return true;
        }
        finally
        {
            if (ownTransaction is not null) await ownTransaction.DisposeAsync();
        }
    }

    private sealed class VisitPlanner(int institutionId, DemoRoster roster, DateTime nowUtc, DateTime beijingNow)
    {
        private readonly DateTime _today = beijingNow.Date;
        private readonly List<Visit> _visits = [];
        private readonly List<FollowUpItem> _followUps = [];
        private int AdminId => roster.Admin.Id;

        public void AddTo(PortalDbContext db)
        {
            var leader = roster.LeaderPerson;
            var liaison = roster.LiaisonPerson;
            var staff = roster.StaffPerson;
            var jiwei = roster.DisciplinePerson;
            var zuzhi = roster.OrganisationPerson;
            var automotive = roster.Automotive;
            var transportTeacher = roster.Transport.Teachers[0];
            var officeClerk = roster.PartyOffice.Clerks[0];

            // 1. 廉政家访 at a teacher's home, done: the college leaders visit with the liaison keeping the record.
            var staffSpouse = Family(staff, FamilyRelation.Spouse);
            var staffParent = Family(staff, FamilyRelation.Parent);
            var v1 = NewVisit(Lianzheng, VisitForm.HomeVisit, -24, 19, 30, 90, staff.HomeAddress, "了解教师八小时以外生活圈、社交圈及家庭家教家风情况，宣讲廉洁从教要求",
                [(leader, false), (automotive.Secretary, false), (liaison, true)], [staff], [staffSpouse, staffParent]);
            Done(v1,
                $"晚上7点半，家访组到{staff.Name}家中，{staff.Name}及其配偶{staffSpouse.Name}、父亲{staffParent.Name}在家。"
                + $"家访组通报了学校“双高”建设进展和汽车工程学院专业群建设情况，肯定了{staff.Name}近年在教学和技能竞赛指导方面的成绩。"
                + $"随后围绕家庭家教家风拉家常，了解到{staffSpouse.Name}在{staffSpouse.Workplace ?? "本地"}工作，家庭和睦。"
                + "家访组向家属赠送了《廉洁家书》，希望家属当好“廉内助”、守好“廉洁门”。"
                + $"{staff.Name}表示将严格遵守中央八项规定精神和师德师风要求，管好自己、管好家人。",
                problems: "子女明年入学，希望学校协助了解就近入学政策；希望调整周三下午的课程安排。",
                resolution: "入学政策咨询转学院办公室跟进；课程安排由教务口径统一协调。");
            FollowUp(v1, FollowUpKind.Request, "子女入学", "希望学校协助了解子女就近入学政策", staff, null, liaison, -14,
                FollowUpStatus.Resolved,
                resolution: "学院办公室联系学区所在街道，整理了入学报名时间和材料清单，已当面向本人说明。",
                feedback: "本人表示感谢，已按时完成网上报名。", closedDaysAgo: 16);
            FollowUp(v1, FollowUpKind.Request, "教学安排", "希望调整周三下午的课程安排，便于接送孩子", staff, null, liaison, -10,
                FollowUpStatus.Withdrawn, withdrawReason: "本人表示已与同事调课自行解决，撤回诉求。", closedDaysAgo: 20);

            // 2. 清廉家访: the college's principal leader and the discipline office visit a team member (the demo leader).
            var leaderSpouse = Family(leader, FamilyRelation.Spouse);
            var leaderChild = Family(leader, FamilyRelation.Child);
            var v2 = NewVisit(Qinglian, VisitForm.HomeVisit, -12, 15, 0, 90, leader.HomeAddress, "“清廉家庭·幸福人生”清廉家访，引导家属树立良好家风",
                [(automotive.Secretary, false), (jiwei, true)], [leader], [leaderSpouse, leaderChild]);
            Done(v2,
                $"家访组与{leader.Name}及配偶{leaderSpouse.Name}、子女{leaderChild.Name}座谈约一个半小时。"
                + "家访组解读了《清廉家庭建设实施方案》，通报了近期教育系统违纪违法典型案例，"
                + $"请{leaderSpouse.Name}当好支持工作的“贤内助”和树立良好家风的“廉内助”。"
                + $"{leaderSpouse.Name}介绍了家庭日常情况，表示会经常提醒{leader.Name}守住底线；家属对学院工作提出了意见建议。",
                problems: "家属建议学院组织教职工家属开放日，增进家属对学院工作的了解。",
                resolution: null);
            FollowUp(v2, FollowUpKind.Suggestion, "家属建议", "建议学院组织教职工家属开放日", null, leaderSpouse.Name, automotive.Secretary, 20,
                FollowUpStatus.Open);

            // 3. 干部家访 (重点约访) by the organisation department: a teacher whose father is in hospital.
            var transportParent = Family(transportTeacher, FamilyRelation.Parent);
            var v3 = NewVisit(Ganbu, VisitForm.KeyAppointment, -35, 10, 0, 60, "组织部办公室", "了解家庭困难情况，传达组织关怀",
                [(roster.OrganisationDept.Head, false), (zuzhi, true)], [transportTeacher], []);
            Done(v3,
                $"{transportTeacher.Name}反映其父亲{transportParent.Name}近期因病住院治疗，需长期康复，家庭经济压力较大，本人工作和照护难以兼顾。"
                + "组织部转达了学校党委的关心，了解了医疗费用和报销情况，表示将协调工会按规定给予帮扶，并与所在学院沟通在排课上适当照顾。"
                + $"{transportTeacher.Name}情绪稳定，表示会克服困难、安心工作。",
                problems: "父亲患病住院，家庭经济压力较大；照护与工作难以兼顾。",
                resolution: "协调工会困难帮扶；与交通工程学院沟通排课。");
            FollowUp(v3, FollowUpKind.Difficulty, "生活困难", "父亲患病住院，家庭经济压力较大，申请困难帮扶", transportTeacher, null, zuzhi, 10,
                FollowUpStatus.InProgress,
                details: "已将情况告知校工会，工会正在审核困难补助材料；交通工程学院已调整其下学期排课。");

            // 4. 联系师生: the leader joins a branch's activity (a visit whose target is a party branch).
            var v4 = NewVisit(Lianxi, VisitForm.BranchActivity, -14, 14, 30, 120, "汽车工程学院党员活动室", "参加联系党支部主题党日活动，听取师生意见",
                [(leader, true)], [], [], branch: automotive.Branch1);
            Done(v4,
                $"参加{automotive.Branch1.Name}主题党日活动，与支部党员共同学习党的二十届三中全会精神，"
                + "听取支部书记关于“三会一课”落实和教师发展情况的汇报。座谈中，教师反映实训中心部分设备老化，影响实训教学效果。",
                problems: "实训中心部分设备老化，影响实训教学。",
                resolution: "请学院梳理设备清单，纳入年度设备更新计划。");
            FollowUp(v4, FollowUpKind.Suggestion, "教学条件", "实训中心部分设备老化，建议纳入年度设备更新计划", null, $"{automotive.Branch1.Name}党员", automotive.Dean, -3,
                FollowUpStatus.Open);

            // 5. 干部家访 at home: the family mentions a warning sign, passed to the discipline office.
            var clerkSpouse = Family(officeClerk, FamilyRelation.Spouse);
            var v5 = NewVisit(Ganbu, VisitForm.HomeVisit, -45, 19, 30, 60, officeClerk.HomeAddress, "了解年轻干部家庭和思想状况",
                [(roster.OrganisationDept.Deputy, false), (zuzhi, true)], [officeClerk], [clerkSpouse]);
            Done(v5,
                $"家访组与{officeClerk.Name}及配偶{clerkSpouse.Name}交流。{officeClerk.Name}工作积极，家庭总体和睦。"
                + $"{clerkSpouse.Name}提到{officeClerk.Name}近几个月晚上应酬较多、经常晚归，希望组织多提醒。"
                + "家访组当场进行了提醒谈话，要求其慎交友、慎用权、严守纪律规矩。",
                problems: "家属反映近期应酬较多、经常晚归。",
                resolution: "已当面提醒；情况报纪检监察室备案关注。");
            FollowUp(v5, FollowUpKind.WarningSign, "苗头性问题", "家属反映其近期应酬较多、经常晚归，需持续关注", null, clerkSpouse.Name, jiwei, 7,
                FollowUpStatus.Open);

            // Coming weeks.
            var teacher2 = automotive.Teachers[1];
            var teacher3 = automotive.Teachers[2];
            NewVisit(Lianxi, VisitForm.BranchReport, 2, 15, 0, 90, "汽车工程学院会议室", "听取联系党支部工作汇报",
                [(leader, true)], [], [], branch: automotive.Branch2);
            NewVisit(Lianzheng, VisitForm.HomeVisit, 4, 19, 30, 90, teacher2.HomeAddress, "廉政家访，了解家庭家教家风情况",
                [(leader, false), (liaison, true)], [teacher2], []);
            var v7 = NewVisit(Qinglian, VisitForm.HomeVisit, 9, 19, 0, 90, automotive.Deputies[1].HomeAddress, "清廉家访，与家属共话清廉家风",
                [(automotive.Dean, false), (jiwei, true)], [automotive.Deputies[1]], []);
            v7.Status = VisitStatus.Notified;
            v7.NotifiedAt = nowUtc.AddDays(-1);
            NewVisit(Lianxi, VisitForm.HeartTalk, 16, 16, 0, 60, "汽车工程学院302办公室", "与青年辅导员谈心谈话，了解工作和生活情况",
                [(leader, true)], [automotive.Counsellors[0]], []);
            NewVisit(Ganbu, VisitForm.HomeVisit, 23, 19, 30, 60, transportTeacher.HomeAddress, "回访家庭困难帮扶落实情况",
                [(roster.OrganisationDept.Head, false), (zuzhi, true)], [transportTeacher], [transportParent]);

            // Cancelled a few days ago, to show that state too.
            var cancelled = NewVisit(Lianzheng, VisitForm.HomeVisit, -5, 19, 30, 90, teacher3.HomeAddress, "廉政家访",
                [(leader, false), (liaison, true)], [teacher3], []);
            cancelled.Status = VisitStatus.Cancelled;
            cancelled.CancelReason = "被访人临时外出参加技能大赛集训，改期另行安排。";

            AddLianzheng(db, v1);

            db.Visits.AddRange(_visits);
            db.FollowUpItems.AddRange(_followUps);
        }

        private readonly List<(Visit FollowOn, Visit Root)> _chainLinks = [];

        /// <summary>Points the 定期回访 at their 重点约访 once both have ids; true if anything changed.</summary>
        public bool LinkChains()
        {
            foreach (var (followOn, root) in _chainLinks) followOn.ParentVisitId = root.Id;
            return _chainLinks.Count > 0;
        }

        /// <summary>
        /// 廉政家访 beyond the first visit: a 重点约访 still tracked with a 定期回访 done, a college secretary's home visit for
        /// the ledger, a lead restricted to the discipline office, signatures on the first visit's record form (so the
        /// liaison can send it to the discipline office) and the demo leader's plan for the year, one short of the quota.
        /// </summary>
        private void AddLianzheng(PortalDbContext db, Visit firstVisit)
        {
            var leader = roster.LeaderPerson;
            var liaison = roster.LiaisonPerson;
            var automotive = roster.Automotive;
            var troubled = automotive.Teachers[3];
            const string setback = "思想认识出现偏差或工作上受到挫折的";

            firstVisit.FormDataJson = """{"LeaderSigned":"true","RecorderSigned":"true"}""";

            var key = NewVisit(Lianzheng, VisitForm.KeyAppointment, -50, 19, 30, 90, troubled.HomeAddress, "职称评审未通过后情绪低落，与家属约定时间重点家访",
                [(leader, false), (liaison, true)], [troubled], []);
            key.Trigger = setback;
            Done(key,
                $"家访组与{troubled.Name}及家属交流约一个半小时。{troubled.Name}今年职称评审未通过，近期情绪低落，上课积极性不高。"
                + "家访组肯定了其教学工作，帮助分析评审中的不足，鼓励其调整心态；家属表示会多开导、多支持。",
                problems: "职称评审受挫，思想波动较大；希望得到教学科研方面的指导。",
                resolution: "安排学院教授一对一指导其教研项目申报；一个月后定期回访。");
            FollowUp(key, FollowUpKind.Difficulty, "教研指导", "希望学院安排教研项目申报指导", troubled, null, automotive.Dean, 30,
                FollowUpStatus.InProgress);
            FollowUp(key, FollowUpKind.WarningSign, "重要问题线索", "家属反映其与某培训机构往来密切，疑有校外有偿兼职，需核实", null, "家属",
                roster.DisciplinePerson, 14, FollowUpStatus.Open);
            _followUps[^1].RestrictedToRole = FollowUpItem.BothCommittees;

            var revisit = NewVisit(Lianzheng, VisitForm.RegularRevisit, -15, 19, 30, 60, troubled.HomeAddress, "重点约访后定期回访，了解转变情况",
                [(leader, false), (liaison, true)], [troubled], []);
            revisit.Trigger = setback;
            Done(revisit,
                $"{troubled.Name}已在学院教授指导下完成一项教研项目申报书，精神状态明显好转，家属反映在家情绪稳定。家访组鼓励其继续保持。",
                problems: null, resolution: "继续跟踪，下次回访后视情况结束跟踪。");
            _chainLinks.Add((revisit, key));

            var home = NewVisit(Lianzheng, VisitForm.HomeVisit, -70, 19, 30, 90, automotive.Teachers[4].HomeAddress, "廉政家访，了解八小时以外生活圈、朋友圈",
                [(automotive.Secretary, false), (liaison, true)], [automotive.Teachers[4]], []);
            Done(home,
                $"家访组到{automotive.Teachers[4].Name}家中，宣讲了中央八项规定精神和师德师风要求，了解家庭生活情况。家庭和睦，无明显困难。",
                problems: null, resolution: null);

            var year = _today.Year;
            foreach (var (target, month) in new[] { (roster.StaffPerson, firstVisit.PlannedStart.Month), (automotive.Teachers[1], _today.Month), (troubled, key.PlannedStart.Month) })
            {
                db.LianzhengPlanItems.Add(new Core.Lianzheng.LianzhengPlanItem
                {
                    InstitutionId = institutionId, Visitor = leader, Target = target, Year = year, Month = month,
                    Trigger = target == troubled ? setback : null, CreatedByUserId = AdminId, CreatedAt = nowUtc.AddDays(-80),
                });
            }
        }

        private Visit NewVisit(
            string programme, VisitForm form, int dayOffset, int hour, int minute, int minutes, string? place, string purpose,
            (Person Person, bool IsRecorder)[] visitors, Person[] targets, FamilyMember[] familyMet, OrgUnit? branch = null)
        {
            var start = _today.AddDays(dayOffset).AddHours(hour).AddMinutes(minute);
            var visit = new Visit
            {
                InstitutionId = institutionId,
                ProgrammeKey = programme,
                Form = form,
                PlannedStart = start,
                PlannedEnd = start.AddMinutes(minutes),
                Place = place,
                Purpose = purpose,
                Status = VisitStatus.Planned,
                CreatedByUserId = AdminId,
                // Planned about a week ahead, and at the latest two days ago (before any notice went out).
                CreatedAt = Min(ToUtc(start).AddDays(-7), nowUtc.AddDays(-2)),
            };
            foreach (var (person, isRecorder) in visitors) visit.Visitors.Add(new VisitVisitor { Person = person, IsRecorder = isRecorder });
            foreach (var person in targets) visit.Targets.Add(new VisitTarget { Person = person });
            if (branch is not null) visit.Targets.Add(new VisitTarget { OrgUnit = branch });
            foreach (var member in familyMet) visit.FamilyMet.Add(new VisitFamilyMet { FamilyMember = member });
            _visits.Add(visit);
            return visit;
        }

        private static void Done(Visit visit, string record, string? problems, string? resolution)
        {
            visit.Status = VisitStatus.Done;
            visit.ActualStart = visit.PlannedStart;
            visit.Record = record;
            visit.ProblemsFound = problems;
            visit.Resolution = resolution;
            // Records are usually written up the next day.
            visit.CompletedAt = ToUtc(visit.PlannedEnd).AddDays(1);
            visit.NotifiedAt = ToUtc(visit.PlannedStart).AddDays(-3);
        }

        private void FollowUp(
            Visit visit, FollowUpKind kind, string category, string summary, Person? raisedBy, string? raisedByName, Person owner,
            int deadlineInDays, FollowUpStatus status, string? details = null, string? resolution = null, string? feedback = null,
            string? withdrawReason = null, int? closedDaysAgo = null)
        {
            var closed = status is FollowUpStatus.Resolved or FollowUpStatus.Withdrawn;
            _followUps.Add(new FollowUpItem
            {
                InstitutionId = institutionId,
                ProgrammeKey = visit.ProgrammeKey,
                Visit = visit,
                Kind = kind,
                Category = category,
                Summary = summary,
                Details = details,
                RaisedByPerson = raisedBy,
                RaisedByName = raisedByName,
                OwnerPerson = owner,
                Deadline = DateOnly.FromDateTime(_today.AddDays(deadlineInDays)),
                Status = status,
                Resolution = resolution,
                Feedback = feedback,
                WithdrawReason = withdrawReason,
                CreatedByUserId = AdminId,
                CreatedAt = visit.CompletedAt ?? nowUtc,
                ClosedAt = closed ? nowUtc.AddDays(-(closedDaysAgo ?? 1)) : null,
                ClosedByUserId = closed ? AdminId : null,
            });
        }

        // The roster adds a father before a mother, so the first parent is the father.
        private static FamilyMember Family(Person person, FamilyRelation relation)
            => person.Family.FirstOrDefault(f => f.Relation == relation)
               ?? throw new InvalidOperationException($"The demo roster gave {person.Name} no {relation}.");

        private static DateTime ToUtc(DateTime beijing) => DateTime.SpecifyKind(InstitutionTime.ToUtc(beijing), DateTimeKind.Utc);

        private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;
    }
}
