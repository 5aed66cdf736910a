using HomeVisit.Core.Accounts;
using HomeVisit.Core.Data;
using HomeVisit.Core.FollowUps;
using HomeVisit.Core.Institutions;
using HomeVisit.Core.People;
using HomeVisit.Core.Programmes;
using HomeVisit.Core.Visits;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HomeVisit.Tests.Services;

/// <summary>
/// A small, fully known world in a fresh database (SQLite file, or PostgreSQL for the provider tests): two institutions, an org tree in A, a handful of
/// people and accounts with distinct roles, and the core services wired to a <see cref="FakeClock"/>.
/// Each test gets its own copy of a template database seeded once per run and provider, so tests can change anything.
/// </summary>
public sealed class Scenario : IDisposable
{
    public const string Password = "Correct#Horse1";

    public FakeClock Clock { get; } = FakeClock.AtBeijing(2026, 11, 20);
    public TestDatabase Db { get; }

    public OrgService Org { get; }
    public PeopleService People { get; }
    public ProgrammeRulesService Rules { get; }
    public VisitService Visits { get; }
    public FollowUpService FollowUps { get; }
    public AccountService Accounts { get; }
    public AccountOptions AccountOptions { get; } = new();

    // Institution A: 学校 → 甲学院 → 甲系; 乙学院; a party branch under 甲学院.
    public int InstitutionA { get; private set; }
    public int InstitutionB { get; private set; }
    public int School { get; private set; }
    public int CollegeJia { get; private set; }
    public int DeptJia { get; private set; }
    public int CollegeYi { get; private set; }
    public int BranchJia { get; private set; }

    // People of A (ids) and their sign-ins (PortalUser).
    /// <summary>Shared, read-only entities from the template seed: use their ids and names only.</summary>
    public Person LeaderOne { get; private set; } = null!;
    public Person LeaderTwo { get; private set; } = null!;
    public Person StaffOne { get; private set; } = null!;
    public Person StaffTwo { get; private set; } = null!;
    public Person DisciplinePerson { get; private set; } = null!;
    public Person OrganisationPerson { get; private set; } = null!;
    public Person PersonB { get; private set; } = null!;
    public FamilyMember StaffOneSpouse { get; private set; } = null!;

    public PortalUser Leader1 { get; private set; } = null!;
    public PortalUser Leader2 { get; private set; } = null!;
    public PortalUser Staff1 { get; private set; } = null!;
    public PortalUser Jiwei { get; private set; } = null!;
    public PortalUser Zuzhi { get; private set; } = null!;
    public PortalUser Admin { get; private set; } = null!;
    public PortalUser LeaderB { get; private set; } = null!;

    /// <summary>Number of extra teachers in 甲系 (for paging): names 教师01.., staff numbers T001...</summary>
    public const int ExtraTeachers = 23;

    public Scenario(PortalDatabaseProvider provider = PortalDatabaseProvider.Sqlite)
    {
        // Migrating and seeding once and copying the database per test keeps the suite fast on two cores.
        var template = Templates[provider].Value;
        Db = TestDatabase.CopyOf(template.Db, Clock);
        CopyIdsFrom(template);
        var catalog = new ProgrammeCatalog(HomeVisit.Portal.Programmes.ProgrammesServiceCollectionExtensions.Modules);
        Org = new OrgService(Db.Factory);
        People = new PeopleService(Db.Factory, Org, Clock);
        Rules = new ProgrammeRulesService(Db.Factory, catalog, Clock);
        Visits = new VisitService(Db.Factory, catalog, Rules, Clock);
        FollowUps = new FollowUpService(Db.Factory, catalog, Clock);
        Accounts = new AccountService(Db.Factory, Options.Create(AccountOptions), Clock);
    }

    private Scenario(PortalDatabaseProvider provider, bool template)
    {
        _ = template;
        Db = TestDatabase.Create(Clock, provider);
        Org = null!; People = null!; Rules = null!; Visits = null!; FollowUps = null!; Accounts = null!;
        Seed();
        Db.ReleaseConnections();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Db.Dispose();
    }

    private static readonly Dictionary<PortalDatabaseProvider, Lazy<Scenario>> Templates = Enum.GetValues<PortalDatabaseProvider>()
        .ToDictionary(p => p, p => new Lazy<Scenario>(() => new Scenario(p, template: true)));

    private void CopyIdsFrom(Scenario t)
    {
        (InstitutionA, InstitutionB, School, CollegeJia, DeptJia, CollegeYi, BranchJia) =
            (t.InstitutionA, t.InstitutionB, t.School, t.CollegeJia, t.DeptJia, t.CollegeYi, t.BranchJia);
        (LeaderOne, LeaderTwo, StaffOne, StaffTwo, DisciplinePerson, OrganisationPerson, PersonB, StaffOneSpouse) =
            (t.LeaderOne, t.LeaderTwo, t.StaffOne, t.StaffTwo, t.DisciplinePerson, t.OrganisationPerson, t.PersonB, t.StaffOneSpouse);
        (Leader1, Leader2, Staff1, Jiwei, Zuzhi, Admin, LeaderB) = (t.Leader1, t.Leader2, t.Staff1, t.Jiwei, t.Zuzhi, t.Admin, t.LeaderB);
    }

    private void Seed()
    {
        using var db = Db.CreateContext();
        var a = new Institution { Name = "甲示范学院", Kind = InstitutionKind.University };
        var b = new Institution { Name = "乙县", Kind = InstitutionKind.County };
        db.Institutions.AddRange(a, b);
        db.SaveChanges();
        InstitutionA = a.Id;
        InstitutionB = b.Id;

        var school = Unit(a.Id, null, "学校", OrgUnitKind.School);
        db.OrgUnits.Add(school);
        db.SaveChanges();
        var jia = Unit(a.Id, school.Id, "甲学院", OrgUnitKind.College);
        var yi = Unit(a.Id, school.Id, "乙学院", OrgUnitKind.College);
        db.OrgUnits.AddRange(jia, yi);
        db.SaveChanges();
        var dept = Unit(a.Id, jia.Id, "甲系", OrgUnitKind.Department);
        var branch = Unit(a.Id, jia.Id, "甲学院第一党支部", OrgUnitKind.PartyBranch);
        var countyUnit = Unit(b.Id, null, "乙县政府", OrgUnitKind.County);
        db.OrgUnits.AddRange(dept, branch, countyUnit);
        db.SaveChanges();
        (School, CollegeJia, CollegeYi, DeptJia, BranchJia) = (school.Id, jia.Id, yi.Id, dept.Id, branch.Id);

        LeaderOne = NewPerson(a.Id, jia.Id, "李院长", "L001", "副院长", "南宁市青秀区民族大道1号");
        LeaderTwo = NewPerson(a.Id, yi.Id, "王院长", "L002", "院长", "南宁市西乡塘区大学路2号");
        StaffOne = NewPerson(a.Id, dept.Id, "张老师", "S001", "教师", "南宁市江南区星光大道88号");
        StaffTwo = NewPerson(a.Id, yi.Id, "赵老师", "S002", "教师", "南宁市兴宁区朝阳路66号");
        DisciplinePerson = NewPerson(a.Id, school.Id, "纪委干事", "D001", "科长", null);
        OrganisationPerson = NewPerson(a.Id, school.Id, "组织干事", "O001", "科长", null);
        PersonB = NewPerson(b.Id, countyUnit.Id, "乙县干部", "L001", "副县长", "乙县城关镇幸福路1号");
        StaffOneSpouse = new FamilyMember { InstitutionId = a.Id, Person = StaffOne, Relation = FamilyRelation.Spouse, Name = "张妻", LivesLocally = true };
        db.People.AddRange(LeaderOne, LeaderTwo, StaffOne, StaffTwo, DisciplinePerson, OrganisationPerson, PersonB);
        db.FamilyMembers.Add(StaffOneSpouse);
        for (var i = 1; i <= ExtraTeachers; i++)
            db.People.Add(NewPerson(a.Id, dept.Id, $"教师{i:00}", $"T{i:000}", "教师", null));
        db.SaveChanges();

        var hasher = new Microsoft.AspNetCore.Identity.PasswordHasher<UserAccount>();
        var hash = hasher.HashPassword(new UserAccount { UserName = "", DisplayName = "" }, Password);
        UserAccount Account(int institution, string name, Person? person, params string[] roles)
        {
            var acc = new UserAccount { InstitutionId = institution, UserName = name, DisplayName = person?.Name ?? name, PersonId = person?.Id, Roles = [.. roles] };
            acc.PasswordHash = hash;
            db.UserAccounts.Add(acc);
            return acc;
        }
        var accounts = new[]
        {
            Account(a.Id, "leader1", LeaderOne, Roles.Leader),
            Account(a.Id, "leader2", LeaderTwo, Roles.Leader),
            Account(a.Id, "staff1", StaffOne, Roles.Staff),
            Account(a.Id, "jiwei", DisciplinePerson, Roles.DisciplineOffice),
            Account(a.Id, "zuzhi", OrganisationPerson, Roles.OrganisationDept),
            Account(a.Id, "admin", null, Roles.SystemAdmin),
            Account(b.Id, "leaderb", PersonB, Roles.Leader),
        };
        db.SaveChanges();
        (Leader1, Leader2, Staff1, Jiwei, Zuzhi, Admin, LeaderB) =
            (PortalUser.From(accounts[0]), PortalUser.From(accounts[1]), PortalUser.From(accounts[2]), PortalUser.From(accounts[3]),
             PortalUser.From(accounts[4]), PortalUser.From(accounts[5]), PortalUser.From(accounts[6]));
    }

    private static OrgUnit Unit(int institution, int? parent, string name, OrgUnitKind kind) =>
        new() { InstitutionId = institution, ParentId = parent, Name = name, Kind = kind };

    private static Person NewPerson(int institution, int unit, string name, string number, string position, string? address) =>
        new() { InstitutionId = institution, UnitId = unit, Name = name, StaffNumber = number, Position = position, HomeAddress = address };

    /// <summary>A visit leader 1 plans to staff 1, tomorrow evening, with the given extra visitors.</summary>
    public VisitPlan PlanForLeaderOne(params int[] moreVisitors) => new()
    {
        ProgrammeKey = "lianzheng",
        Form = VisitForm.HomeVisit,
        PlannedStart = Clock.Today.AddDays(1).AddHours(19),
        DurationMinutes = 90,
        Place = "张老师家中",
        Purpose = "了解家庭家教家风",
        VisitorIds = [LeaderOne.Id, .. moreVisitors],
        TargetPersonIds = [StaffOne.Id],
    };

    public async Task<int> PlannedVisitAsync() => await Visits.SavePlanAsync(Leader1, PlanForLeaderOne());

    /// <summary>A done visit of leader 1 with one open follow-up owned by leader 1, deadline as given.</summary>
    public async Task<(int VisitId, int FollowUpId)> VisitWithFollowUpAsync(DateTime? deadline = null)
    {
        var visitId = await PlannedVisitAsync();
        var detail = await Visits.GetAsync(Leader1, visitId);
        await Visits.RecordOutcomeAsync(Leader1, visitId, new VisitOutcome
        {
            Version = detail.Version, ActualStart = Clock.GetLocalNow().DateTime.AddHours(-1), Record = "座谈一小时，家庭和睦。",
            ProblemsFound = "子女入学",
        });
        var id = await FollowUps.RaiseAsync(Leader1, new FollowUpRaise
        {
            VisitId = visitId, Kind = FollowUpKind.Request, Summary = "希望了解子女入学政策", RaisedByPersonId = StaffOne.Id,
            OwnerPersonId = LeaderOne.Id, Deadline = deadline ?? Clock.Today.AddDays(7),
        });
        return (visitId, id);
    }

    public PortalDbContext Context() => Db.CreateContext();

    public async Task<T> ReadAsync<T>(Func<PortalDbContext, Task<T>> query)
    {
        await using var db = Db.CreateContext();
        return await query(db);
    }

    public Task<Visit> VisitRowAsync(int id) => ReadAsync(db => db.Visits.AsNoTracking().SingleAsync(v => v.Id == id));

    public Task<FollowUpItem> FollowUpRowAsync(int id) => ReadAsync(db => db.FollowUpItems.AsNoTracking().SingleAsync(f => f.Id == id));

    public void Dispose() => Db.Dispose();
}
