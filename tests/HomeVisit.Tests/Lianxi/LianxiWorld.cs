using HomeVisit.Core.Access;
using HomeVisit.Core.Accounts;
using HomeVisit.Core.FollowUps;
using HomeVisit.Core.Institutions;
using HomeVisit.Programmes.Lianxi;
using HomeVisit.Core.People;
using HomeVisit.Core.Programmes;
using HomeVisit.Core.Quotas;
using HomeVisit.Core.Visits;
using HomeVisit.Tests.Services;
using Microsoft.Extensions.DependencyInjection;

namespace HomeVisit.Tests.Lianxi;

/// <summary>
/// The scenario (clock at 2026-11-20 Beijing, in the autumn semester 2026-09-01 – 2027-02-19) with a second party
/// branch under 甲学院, a secretary for the first (教师01), an office account, and the lianxi services.
/// </summary>
public sealed class LianxiWorld : IDisposable
{
    public Scenario S { get; } = new();
    public ProgrammeCatalog Catalog { get; } = new(HomeVisit.Portal.Programmes.ProgrammesServiceCollectionExtensions.Modules);
    public VisitService Visits { get; }
    public FollowUpService FollowUps { get; }
    public LianxiLinkService Links { get; }
    public LianxiProgressService Progress { get; }
    public QuotaService Quotas { get; }
    public LianxiFeedbackService Feedback { get; }
    public ProgrammeAccess Access { get; }

    public int BranchTwo { get; }
    public Person Secretary { get; }
    public Person Teacher2 { get; }
    public Person Teacher3 { get; }
    public PortalUser Office { get; }

    public LianxiWorld()
    {
        Visits = new VisitService(S.Db.Factory, Catalog, S.Rules, S.Clock);
        FollowUps = new FollowUpService(S.Db.Factory, Catalog, S.Clock);
        // Programme:lianxi through the framework's authorisation service and the core's handler, as the portal registers them.
        Access = new ServiceCollection().AddLogging().AddSingleton(Catalog).AddSingleton(S.Rules).AddPortalAuthorization()
            .BuildServiceProvider().GetRequiredService<ProgrammeAccess>();
        Links = new LianxiLinkService(S.Db.Factory, Access, S.Clock);
        Quotas = new QuotaService(S.Db.Factory, S.Rules, Catalog, [new LianxiQuotaCounter()]);
        Progress = new LianxiProgressService(S.Db.Factory, Quotas, Access, S.Clock);
        Feedback = new LianxiFeedbackService(S.Db.Factory, FollowUps, Access, S.Clock);

        using var db = S.Context();
        var branch = new OrgUnit { InstitutionId = S.InstitutionA, ParentId = S.CollegeJia, Name = "甲学院第二党支部", Kind = OrgUnitKind.PartyBranch };
        db.OrgUnits.Add(branch);
        db.SaveChanges();
        BranchTwo = branch.Id;
        Secretary = db.People.Single(p => p.StaffNumber == "T001");
        Teacher2 = db.People.Single(p => p.StaffNumber == "T002");
        Teacher3 = db.People.Single(p => p.StaffNumber == "T003");
        db.UnitLeaderships.Add(new UnitLeadership
        {
            InstitutionId = S.InstitutionA, UnitId = S.BranchJia, PersonId = Secretary.Id, Role = LeadershipRole.BranchSecretary, StartsOn = new DateOnly(2024, 1, 1),
        });
        var officePerson = new Person { InstitutionId = S.InstitutionA, UnitId = S.School, Name = "办公室干事", StaffNumber = "B001", Position = "科员" };
        db.People.Add(officePerson);
        db.SaveChanges();
        var office = new UserAccount { InstitutionId = S.InstitutionA, UserName = "bangong", DisplayName = officePerson.Name, PersonId = officePerson.Id, Roles = [Roles.Office] };
        db.UserAccounts.Add(office);
        db.SaveChanges();
        Office = PortalUser.From(office);
    }

    public static DateTime At(int month, int day, int year = 2026) => new(year, month, day, 15, 0, 0);

    /// <summary>Leader 1's branches (甲学院第一、第二党支部) and individuals (张老师 expert, 教师02 young teacher) from 2026-09-01.</summary>
    public async Task LinkLeaderOneAsync()
    {
        await Links.SaveBranchesAsync(S.Zuzhi, new BranchLinksEdit { LeaderId = S.LeaderOne.Id, BranchIds = [S.BranchJia, BranchTwo], StartsOn = At(9, 1) });
        await Links.SaveIndividualsAsync(Office, new IndividualLinksEdit
        {
            LeaderId = S.LeaderOne.Id, StartsOn = At(9, 1),
            People = [new() { PersonId = S.StaffOne.Id, Category = LinkedPersonCategory.Expert }, new() { PersonId = Teacher2.Id, Category = LinkedPersonCategory.YoungTeacher }],
        });
    }

    /// <summary>Leader 1 plans an activity of the programme (and records it as done unless told otherwise).</summary>
    public async Task<int> ActivityAsync(VisitForm form, DateTime when, int? branch = null, int? person = null, bool done = true, string? occasion = null, string record = "座谈交流。")
    {
        var id = await Visits.SavePlanAsync(S.Leader1, new VisitPlan
        {
            ProgrammeKey = "lianxi", Form = form, PlannedStart = when, DurationMinutes = 60, VisitorIds = [S.LeaderOne.Id],
            TargetBranchIds = branch is int b ? [b] : [], TargetPersonIds = person is int p ? [p] : [],
        });
        if (done)
        {
            var detail = await Visits.GetAsync(S.Leader1, id);
            var outcome = new VisitOutcome { Version = detail.Version, ActualStart = when, Record = record };
            if (occasion is not null) outcome.FormData["Occasion"] = occasion;
            await Visits.RecordOutcomeAsync(S.Leader1, id, outcome);
        }
        return id;
    }

    public void Dispose() => S.Dispose();
}
