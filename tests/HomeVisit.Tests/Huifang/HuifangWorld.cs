using HomeVisit.Core.Access;
using HomeVisit.Core.Accounts;
using HomeVisit.Core.Audit;
using HomeVisit.Core.FollowUps;
using HomeVisit.Core.People;
using HomeVisit.Core.Programmes;
using HomeVisit.Programmes.Huifang;
using HomeVisit.Core.Visits;
using HomeVisit.Tests.Services;
using Microsoft.Extensions.DependencyInjection;

namespace HomeVisit.Tests.Huifang;

/// <summary>
/// The scenario (clock at 2026-11-20 Beijing) plus the case management office (anguan), a second discipline
/// officer (jijian) for revisit teams, so jiwei stays free to approve, and the services wired as in the portal.
/// </summary>
public sealed class HuifangWorld : IDisposable
{
    public Scenario S { get; } = new();
    public ProgrammeCatalog Catalog { get; } = new(HomeVisit.Portal.Programmes.ProgrammesServiceCollectionExtensions.Modules);
    public ProgrammeAccess Access { get; }
    public VisitService Visits { get; }
    public FollowUpService FollowUps { get; }
    public SanctionService Sanctions { get; }
    public RevisitService Revisits { get; }
    public AuditService Audit { get; }

    public Person CasePerson { get; }
    public Person SecondDisciplinePerson { get; }
    public PortalUser Anguan { get; }
    public PortalUser Jijian { get; }
    /// <summary>jiwei as 纪委主要负责人 too: the programme's default approver (seed 5 第八条（二）).</summary>
    public PortalUser Jiwei { get; }

    public HuifangWorld()
    {
        Visits = new VisitService(S.Db.Factory, Catalog, S.Rules, S.Clock, [new SanctionPlanCheck()], [new RevisitRules()]);
        FollowUps = new FollowUpService(S.Db.Factory, Catalog, S.Clock);
        // Programme:huifang through the framework's authorisation service and the core's handler, as the portal registers them.
        Access = new ServiceCollection().AddLogging().AddSingleton(Catalog).AddSingleton(S.Rules).AddPortalAuthorization()
            .BuildServiceProvider().GetRequiredService<ProgrammeAccess>();
        Sanctions = new SanctionService(S.Db.Factory, Access, S.Rules, S.Clock);
        Revisits = new RevisitService(S.Db.Factory, Visits, Access, S.Clock);
        Audit = new AuditService(S.Db.Factory, Catalog);

        using var db = S.Context();
        CasePerson = new Person { InstitutionId = S.InstitutionA, UnitId = S.School, Name = "案管干事", StaffNumber = "C001", Position = "案件管理室主任" };
        SecondDisciplinePerson = new Person { InstitutionId = S.InstitutionA, UnitId = S.School, Name = "纪检干事二", StaffNumber = "D002", Position = "科员" };
        db.People.AddRange(CasePerson, SecondDisciplinePerson);
        db.SaveChanges();
        var anguan = new UserAccount { InstitutionId = S.InstitutionA, UserName = "anguan", DisplayName = CasePerson.Name, PersonId = CasePerson.Id, Roles = [SanctionAccess.CaseManagement] };
        var jijian = new UserAccount { InstitutionId = S.InstitutionA, UserName = "jijian", DisplayName = SecondDisciplinePerson.Name, PersonId = SecondDisciplinePerson.Id, Roles = [Roles.DisciplineOffice] };
        db.UserAccounts.AddRange(anguan, jijian);
        var jiwei = db.UserAccounts.Single(a => a.Id == S.Jiwei.UserId);
        jiwei.Roles = [.. jiwei.Roles, Roles.DisciplineHead];
        db.SaveChanges();
        Jiwei = PortalUser.From(jiwei);
        Anguan = PortalUser.From(anguan);
        Jijian = PortalUser.From(jijian);
    }

    /// <summary>The roles that must see nothing of sanctions: admin, organisation department, leader, staff.</summary>
    public IEnumerable<PortalUser> Others => [S.Admin, S.Zuzhi, S.Leader1, S.Staff1];

    /// <summary>A party warning (12 months) decided on the given day for a person, entered by the case management office.</summary>
    public Task<int> WarningAsync(Person person, DateOnly decidedOn, Action<SanctionEdit>? more = null)
    {
        var edit = new SanctionEdit
        {
            PersonId = person.Id, CaseNumber = "纪〔2026〕1号", Reason = "违规收受礼品礼金。",
            PartyKind = PartySanction.Warning, PartyDecidedOn = decidedOn.ToDateTime(TimeOnly.MinValue), PartyInfluenceMonths = 12,
            Education = "大学本科", WorkStartedOn = new DateTime(2005, 7, 1), PartyJoinedOn = new DateTime(2004, 6, 1),
        };
        more?.Invoke(edit);
        return Sanctions.SaveAsync(Anguan, edit);
    }

    /// <summary>A revisit of the record's person, planned by the case management office with a team of anguan and jijian, tomorrow.</summary>
    public RevisitPlanEdit Plan(int recordId) => new()
    {
        SanctionRecordId = recordId, Form = HuifangForms.OnSiteTalk, PlannedStart = S.Clock.Today.AddDays(1).AddHours(15), DurationMinutes = 60,
        Place = "纪委谈话室", VisitorIds = [CasePerson.Id, SecondDisciplinePerson.Id], RecorderId = SecondDisciplinePerson.Id,
        PersonNotes = "性格内向，受处分后工作态度端正。", CaseNotes = "党内警告，影响期一年；依据《中国共产党纪律处分条例》第十条。",
    };

    public void Dispose() => S.Dispose();
}
