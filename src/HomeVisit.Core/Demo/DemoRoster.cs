using HomeVisit.Core.Accounts;
using HomeVisit.Core.Institutions;
using HomeVisit.Core.People;
using Microsoft.AspNetCore.Identity;

namespace HomeVisit.Core.Demo;

/// <summary>
/// The demo university's organisation tree, staff, families, leadership and sign-ins, built in memory
/// and linked by navigation properties so one SaveChanges stores them all.
/// </summary>
public sealed class DemoRoster
{
    private readonly int _institutionId;
    private readonly DateOnly _today;
    private readonly DemoGenerator _gen;
    private int _nextStaffNumber = 1;
    private List<(Person Leader, string UnitCode)> _overseers = [];

    public List<OrgUnit> Units { get; } = [];
    public List<Person> People { get; } = [];
    public List<UnitLeadership> Leaderships { get; } = [];
    public List<UserAccount> Accounts { get; } = [];

    public OrgUnit Root { get; private set; } = null!;
    public Department PartyOffice { get; private set; } = null!;
    public Department DisciplineOffice { get; private set; } = null!;
    public Department OrganisationDept { get; private set; } = null!;
    public College Automotive { get; private set; } = null!;
    public College Transport { get; private set; } = null!;
    public College Information { get; private set; } = null!;

    public UserAccount Admin { get; private set; } = null!;
    public Person LeaderPerson => Automotive.Deputies[0];
    public Person LiaisonPerson => Automotive.OfficeHead;
    public Person StaffPerson => Automotive.Teachers[0];
    public Person DisciplinePerson => DisciplineOffice.SectionChief;
    public Person OrganisationPerson => OrganisationDept.SectionChief;
    public Person CaseManagementPerson => DisciplineOffice.Clerks[0];
    public Person DisciplineStaffPerson => DisciplineOffice.Clerks[1];
    public Person GeneralAffairsPerson => PartyOffice.SectionChief;

    public sealed record Department(OrgUnit Unit, Person Head, Person Deputy, Person SectionChief, List<Person> Clerks);

    public sealed record College(
        OrgUnit Unit, OrgUnit Branch1, OrgUnit Branch2, Person Secretary, Person Dean, List<Person> Deputies,
        Person OfficeHead, Person TeachingSecretary, List<Person> Counsellors, List<Person> Teachers);

    internal DemoRoster(int institutionId, DateOnly today, DemoGenerator generator)
    {
        _institutionId = institutionId;
        _today = today;
        _gen = generator;
    }

    internal void Build()
    {
        Root = Unit("广西示范职业技术学院", "GXSF", OrgUnitKind.School, null, 0);
        var officeBranch1 = Unit("机关第一党支部", "DZB-JG1", OrgUnitKind.PartyBranch, Root, 90);
        var officeBranch2 = Unit("机关第二党支部", "DZB-JG2", OrgUnitKind.PartyBranch, Root, 91);

        BuildSchoolLeadership(officeBranch1);
        PartyOffice = BuildDepartment("党委办公室", "DWBGS", 1, officeBranch1, "主任", "副主任", "秘书科科长");
        DisciplineOffice = BuildDepartment("纪检监察室", "JJJCS", 2, officeBranch2, "主任", "副主任", "监督检查科科长");
        OrganisationDept = BuildDepartment("组织部（党委组织部）", "ZZB", 3, officeBranch2, "部长", "副部长", "干部科科长");
        Automotive = BuildCollege("汽车工程学院", "QC", 4, teachers: 30);
        Transport = BuildCollege("交通工程学院", "JT", 5, teachers: 31);
        Information = BuildCollege("信息工程学院", "XX", 6, teachers: 31);

        Lead(officeBranch1, PartyOffice.Deputy, LeadershipRole.BranchSecretary, 2023);
        Lead(officeBranch2, OrganisationDept.Deputy, LeadershipRole.BranchSecretary, 2023);
        // 学校纪委委员 (seed 1 第三条, 第四条（三）): seats on the school's discipline committee in the organisation tree. Fixed
        // dates, no draw from the generator, so the rest of the demo stays as it was.
        foreach (var member in new[] { DisciplineOffice.Head, DisciplineOffice.Deputy, DisciplineOffice.SectionChief })
            Leaderships.Add(new UnitLeadership
            {
                InstitutionId = _institutionId, Unit = Root, Person = member, Role = LeadershipRole.DisciplineCommitteeMember, StartsOn = new DateOnly(2022, 9, 1),
            });

        // People the demo visits and accounts name get a full family, so their pages are never empty.
        HashSet<Person> fullFamily =
        [
            LeaderPerson, StaffPerson, LiaisonPerson, Automotive.Deputies[1], Automotive.Teachers[1],
            Automotive.Teachers[2], Automotive.Counsellors[0], Transport.Teachers[0], PartyOffice.Clerks[0],
        ];
        foreach (var person in People)
        {
            if (fullFamily.Contains(person)) AddFamily(person, complete: true);
            else if (_gen.Chance(0.88)) AddFamily(person, complete: false);
        }

        BuildAccounts();
    }

    private void BuildSchoolLeadership(OrgUnit branch)
    {
        var secretary = Add(Root, "党委书记", "副厅级", 1965, 1970, branch, Gender.Male);
        var president = Add(Root, "院长", "副厅级", 1966, 1972, branch, Gender.Male);
        var viceSecretary = Add(Root, "党委副书记", "正处级", 1968, 1975, branch);
        var vice1 = Add(Root, "副院长", "正处级", 1970, 1976, branch, Gender.Male);
        var vice2 = Add(Root, "副院长", "正处级", 1971, 1978, branch, Gender.Female);
        var vice3 = Add(Root, "副院长", "正处级", 1972, 1979, branch, Gender.Male);
        var disciplineSecretary = Add(Root, "纪委书记", "正处级", 1968, 1974, branch);

        // 书记 and 院长 are both the school's principal leaders (党政一把手); the rest form the leadership team.
        Lead(Root, secretary, LeadershipRole.Head, 2021);
        Lead(Root, president, LeadershipRole.Head, 2022);
        foreach (var deputy in new[] { viceSecretary, vice1, vice2, vice3, disciplineSecretary })
            Lead(Root, deputy, LeadershipRole.Deputy, 2022);

        // Who oversees (分管) which unit; AddOversight records it as each unit is created.
        _overseers = [(viceSecretary, "DWBGS"), (viceSecretary, "ZZB"), (disciplineSecretary, "JJJCS"), (vice1, "QC"), (vice2, "JT"), (vice3, "XX")];
    }

    private Department BuildDepartment(string name, string code, int order, OrgUnit branch, string headTitle, string deputyTitle, string chiefTitle)
    {
        var unit = Unit(name, code, OrgUnitKind.Department, Root, order);
        var head = Add(unit, headTitle, "正处级", 1968, 1978, branch);
        var deputy = Add(unit, deputyTitle, "副处级", 1972, 1984, branch);
        var chief = Add(unit, chiefTitle, "正科级", 1980, 1988, branch);
        var clerks = new List<Person>();
        for (var i = 0; i < 3; i++) clerks.Add(Add(unit, "科员", "科员", 1988, 1999, branch));
        Lead(unit, head, LeadershipRole.Head, 2022);
        Lead(unit, deputy, LeadershipRole.Deputy, 2023);
        AddOversight(unit);
        return new Department(unit, head, deputy, chief, clerks);
    }

    private College BuildCollege(string name, string code, int order, int teachers)
    {
        var unit = Unit(name, code, OrgUnitKind.College, Root, order);
        var branch1 = Unit($"{name}教工第一党支部", $"DZB-{code}1", OrgUnitKind.PartyBranch, unit, 1);
        var branch2 = Unit($"{name}教工第二党支部", $"DZB-{code}2", OrgUnitKind.PartyBranch, unit, 2);

        var secretary = Add(unit, "党总支书记", "正处级", 1968, 1977, branch1);
        var dean = Add(unit, "院长", "正处级", 1968, 1978, branch1);
        List<Person> deputies =
        [
            Add(unit, "副院长", "副处级", 1974, 1984, branch1),
            Add(unit, "副院长", "副处级", 1976, 1986, branch2),
        ];
        var officeHead = Add(unit, "办公室主任", "正科级", 1982, 1990, branch2);
        var teachingSecretary = Add(unit, "教学秘书", "科员", 1990, 1998, branch2);

        var counsellors = new List<Person>();
        for (var i = 0; i < 5; i++)
            counsellors.Add(Add(unit, "辅导员", "科员", 1990, 2000, i % 2 == 0 ? branch1 : branch2));

        var staff = new List<Person>();
        for (var i = 0; i < teachers; i++)
        {
            var birthYear = _gen.Between(1968, 1998);
            var age = _today.Year - birthYear;
            // Professional grade follows seniority: 教授 二到四级, 副教授 五到七级, 讲师 八到十级, 助教 十一至十二级.
            var grade = age switch
            {
                >= 52 => _gen.Between(3, 5),
                >= 42 => _gen.Between(5, 7),
                >= 32 => _gen.Between(8, 10),
                _ => _gen.Between(10, 12),
            };
            staff.Add(Add(unit, "教师", $"专技{ChineseNumber(grade)}级", birthYear, birthYear, i % 2 == 0 ? branch1 : branch2));
        }

        Lead(unit, secretary, LeadershipRole.Head, 2021);
        Lead(unit, dean, LeadershipRole.Head, 2022);
        foreach (var deputy in deputies) Lead(unit, deputy, LeadershipRole.Deputy, 2023);
        AddOversight(unit);

        // The branch secretary is the most senior party member among the teachers; the first teacher
        // stays an ordinary one because the demo "staff" account signs in as them.
        foreach (var branch in new[] { branch1, branch2 })
        {
            var branchSecretary = staff.Skip(1)
                .Where(p => p.PartyBranch == branch && p.Party == PartyMembership.Member)
                .MinBy(p => p.BirthDate) ?? secretary;
            Lead(branch, branchSecretary, LeadershipRole.BranchSecretary, 2024);
        }

        return new College(unit, branch1, branch2, secretary, dean, deputies, officeHead, teachingSecretary, counsellors, staff);
    }

    private void AddOversight(OrgUnit unit)
    {
        foreach (var (leader, code) in _overseers)
            if (code == unit.Code) Lead(unit, leader, LeadershipRole.Oversees, 2022);
    }

    private OrgUnit Unit(string name, string code, OrgUnitKind kind, OrgUnit? parent, int order)
    {
        var unit = new OrgUnit { InstitutionId = _institutionId, Name = name, Code = code, Kind = kind, Parent = parent, SortOrder = order };
        Units.Add(unit);
        return unit;
    }

    /// <summary>Cadres are always party members; for others a realistic mix. Only (probationary) members belong to a branch.</summary>
    private Person Add(OrgUnit unit, string position, string rank, int bornFrom, int bornTo, OrgUnit? branch, Gender? gender = null)
    {
        var g = gender ?? (_gen.Chance(0.55) ? Gender.Male : Gender.Female);
        var isCadre = rank.EndsWith("级", StringComparison.Ordinal) && !rank.StartsWith("专技", StringComparison.Ordinal);
        var party = isCadre ? PartyMembership.Member : RandomParty();
        var age = _today.Year - bornTo;
        var establishment = position switch
        {
            "辅导员" or "教学秘书" when _gen.Chance(0.3) => EstablishmentStatus.Contract,
            "教师" when age < 32 && _gen.Chance(0.25) => EstablishmentStatus.Contract,
            "教师" when _gen.Chance(0.06) => EstablishmentStatus.NonNamedEstablishment,
            _ => EstablishmentStatus.InEstablishment,
        };
        var person = new Person
        {
            InstitutionId = _institutionId,
            Name = _gen.UniqueName(g),
            Gender = g,
            BirthDate = _gen.BirthDate(bornFrom, bornTo),
            StaffNumber = $"T2026{_nextStaffNumber++:D3}",
            Unit = unit,
            Position = position,
            Rank = rank,
            Establishment = establishment,
            Party = party,
            PartyBranch = party is PartyMembership.Member or PartyMembership.Probationary ? branch : null,
            Phone = _gen.Phone(),
            HomeAddress = _gen.NanningAddress(),
        };
        People.Add(person);
        return person;
    }

    private PartyMembership RandomParty()
    {
        var roll = _gen.Next(100);
        return roll switch
        {
            < 62 => PartyMembership.Member,
            < 67 => PartyMembership.Probationary,
            < 73 => PartyMembership.Applicant,
            < 77 => PartyMembership.OtherParty,
            _ => PartyMembership.None,
        };
    }

    private void Lead(OrgUnit unit, Person person, LeadershipRole role, int sinceYear)
        => Leaderships.Add(new UnitLeadership
        {
            InstitutionId = _institutionId,
            Unit = unit,
            Person = person,
            Role = role,
            StartsOn = new DateOnly(sinceYear, role == LeadershipRole.BranchSecretary ? 1 : 9, 1).AddDays(_gen.Next(60)),
        });

    private void AddFamily(Person person, bool complete)
    {
        var born = person.BirthDate!.Value;
        var age = _today.Year - born.Year;
        var surname = _gen.Surname(person.Name);

        FamilyMember? spouse = null;
        if (complete || (age >= 27 && _gen.Chance(age >= 32 ? 0.92 : 0.6)))
        {
            var spouseGender = person.Gender == Gender.Female ? Gender.Male : Gender.Female;
            var (workplace, position) = _gen.SpouseJob();
            spouse = Member(person, FamilyRelation.Spouse, _gen.Name(spouseGender, _gen.OtherSurname(surname)), workplace, position, _gen.Phone(), _gen.Chance(0.95));
        }

        if (spouse is not null)
        {
            var children = complete ? _gen.Between(1, 2) : age < 30 ? _gen.Between(0, 1) : _gen.Between(0, 2);
            for (var i = 0; i < children; i++)
            {
                var childAge = Math.Max(1, age - _gen.Between(26, 33) - i * _gen.Between(2, 5));
                var gender = _gen.Chance(0.5) ? Gender.Male : Gender.Female;
                var name = _gen.Name(gender, person.Gender == Gender.Male ? surname : _gen.Surname(spouse.Name));
                if (childAge >= 22)
                {
                    var (workplace, position, local) = _gen.GrownChildJob();
                    Member(person, FamilyRelation.Child, name, workplace, position, _gen.Phone(), local);
                }
                else if (childAge >= 3)
                {
                    var school = childAge >= 18 ? "广西大学" : _gen.School();
                    Member(person, FamilyRelation.Child, name, school, childAge >= 18 ? "在读本科生" : "学生", childAge >= 15 ? _gen.Phone() : null, true);
                }
                else
                {
                    Member(person, FamilyRelation.Child, name, null, "学龄前", null, true);
                }
            }
        }

        // Parents of staff over ~60 are mostly deceased or very old; older staff list fewer of them.
        var parentChance = complete ? 1.0 : age < 45 ? 0.7 : age < 55 ? 0.45 : 0.15;
        if (_gen.Chance(parentChance)) AddParents(person, FamilyRelation.Parent, surname, age, both: complete || _gen.Chance(0.5));
        if (spouse is not null && _gen.Chance(complete ? 0.6 : 0.35))
            AddParents(person, FamilyRelation.ParentInLaw, _gen.Surname(spouse.Name), age, both: _gen.Chance(0.5));
    }

    private void AddParents(Person person, FamilyRelation relation, string surname, int childAge, bool both)
    {
        var local = _gen.Chance(0.5);
        var hometown = _gen.HomeTown();
        var retiredOrFarming = childAge > 40 || _gen.Chance(0.6);
        var workplace = local ? (retiredOrFarming ? "退休" : "南宁市某企业") : $"{hometown}（{(retiredOrFarming ? "退休" : "务农")}）";
        Member(person, relation, _gen.Name(Gender.Male, surname), workplace, null, _gen.Phone(), local);
        if (both)
            Member(person, relation, _gen.Name(Gender.Female, _gen.OtherSurname(surname)), workplace, null, _gen.Chance(0.7) ? _gen.Phone() : null, local);
    }

    private FamilyMember Member(Person person, FamilyRelation relation, string name, string? workplace, string? position, string? phone, bool local)
    {
        var member = new FamilyMember
        {
            InstitutionId = _institutionId,
            Person = person,
            Relation = relation,
            Name = name,
            Workplace = workplace,
            Position = position,
            Phone = phone,
            LivesLocally = local,
        };
        person.Family.Add(member);
        return member;
    }

    private void BuildAccounts()
    {
        Admin = Account(DemoAccounts.Admin, "系统管理员", null, Roles.SystemAdmin, Roles.ProgrammeAdmin);
        Account(DemoAccounts.Leader, LeaderPerson.Name, LeaderPerson, Roles.Leader);
        Account(DemoAccounts.DisciplineOffice, DisciplinePerson.Name, DisciplinePerson, Roles.DisciplineOffice, Roles.DisciplineHead);
        Account(DemoAccounts.OrganisationDept, OrganisationPerson.Name, OrganisationPerson, Roles.OrganisationDept);
        Account(DemoAccounts.Staff, StaffPerson.Name, StaffPerson, Roles.Staff);
        Account(DemoAccounts.Liaison, LiaisonPerson.Name, LiaisonPerson, Roles.Liaison);
        Account(DemoAccounts.CaseManagement, CaseManagementPerson.Name, CaseManagementPerson, Roles.Staff);
        Account(DemoAccounts.DisciplineStaff, DisciplineStaffPerson.Name, DisciplineStaffPerson, Roles.DisciplineOffice);
        Account(DemoAccounts.GeneralAffairs, GeneralAffairsPerson.Name, GeneralAffairsPerson, Roles.Staff);
    }

    // All demo accounts share one password, and PBKDF2 is deliberately slow (~70 ms a hash), so one
    // salted hash serves them all and keeps seeding fast.
    private string? _passwordHash;

    private UserAccount Account(string userName, string displayName, Person? person, params string[] roles)
    {
        var account = new UserAccount
        {
            InstitutionId = _institutionId,
            UserName = userName,
            DisplayName = displayName,
            Person = person,
            Roles = [.. roles],
        };
        account.PasswordHash = _passwordHash ??= new PasswordHasher<UserAccount>().HashPassword(account, DemoAccounts.Password);
        Accounts.Add(account);
        return account;
    }

    private static string ChineseNumber(int n) => n switch
    {
        1 => "一", 2 => "二", 3 => "三", 4 => "四", 5 => "五", 6 => "六",
        7 => "七", 8 => "八", 9 => "九", 10 => "十", 11 => "十一", 12 => "十二",
        _ => n.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
