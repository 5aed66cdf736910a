using System.Diagnostics;
using HomeVisit.Core.Accounts;
using HomeVisit.Core.Data;
using HomeVisit.Core.Demo;
using HomeVisit.Core.FollowUps;
using HomeVisit.Programmes.Ganbu;
using HomeVisit.Core.Institutions;
using HomeVisit.Programmes.Lianxi;
using HomeVisit.Core.People;
using HomeVisit.Programmes.Huifang;
using HomeVisit.Programmes.Qinglian;
using HomeVisit.Core.Visits;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;

namespace HomeVisit.DataGen;

public sealed record GeneratorOptions(string DatabasePath, int Seed = 20261207, double Scale = 1.0, DateOnly? Today = null);

public sealed record GeneratorResult(string DatabasePath, IReadOnlyDictionary<string, int> Rows, TimeSpan Elapsed);

/// <summary>
/// Builds a database of county scale for benchmarks and the smoke test: a large university (the default
/// programme rules are written for a school's tree, so every quota, ledger and reminder path has work to do)
/// with 20,000 staff and their families, leadership, ~2,000 accounts, 300,000 visits over five years across
/// the five programmes in every status, ~100,000 follow-up items, ~30,000 干部家访 requests, sanctions with
/// revisits, 联系师生 links, 清廉家访 notices, notifications and audit entries. Counts scale linearly with
/// <see cref="GeneratorOptions.Scale"/>; the same seed, scale and day give the same database.
/// The well-known demo user names (admin, leader, jiwei, zuzhi, staff, liaison, anguan, jijian) exist with
/// the demo password, so the benchmark signs in the same way on both databases.
/// </summary>
public sealed class LargeInstitutionGenerator
{
    private const string Lianzheng = "lianzheng", Qinglian = "qinglian", Ganbu = "ganbu", Lianxi = "lianxi", Huifang = "huifang";
    private static readonly TimeSpan BeijingOffset = TimeSpan.FromHours(8);

    private readonly GeneratorOptions _options;
    private readonly Random _random;
    private readonly DateOnly _today;
    private readonly DateTime _nowUtc;

    // Per person (index = id): unit, first family member id and count, name, whether they lead.
    private readonly List<int> _personUnit = [0];
    private readonly List<int> _familyStart = [0];
    private readonly List<int> _familyCount = [0];
    private readonly List<string> _personName = [""];
    private readonly List<(int Id, string Name, int ParentId, OrgUnitKind Kind)> _units = [];
    private readonly Dictionary<int, List<int>> _unitPeople = [];
    private readonly Dictionary<int, int> _unitBranch = [];
    private readonly List<int> _leaders = [];
    private readonly List<int> _liaisons = [];
    private readonly List<int> _discipline = [];
    private readonly Dictionary<int, int> _unitHead = [];
    private readonly Dictionary<int, int> _unitLiaison = [];
    private readonly Dictionary<int, int> _branchSecretary = [];
    private readonly List<int> _branches = [];
    private readonly List<(int Id, int Person)> _accounts = [];
    private readonly Dictionary<string, int> _rows = [];
    private int _adminUserId, _caseUserId, _leaderPerson;
    private readonly DemoNames _names;

    public LargeInstitutionGenerator(GeneratorOptions options)
    {
        _options = options;
        _random = new Random(options.Seed);
        _names = new DemoNames(_random);
        _today = options.Today ?? DateOnly.FromDateTime(DateTime.UtcNow + BeijingOffset);
        _nowUtc = _today.ToDateTime(new TimeOnly(2, 0), DateTimeKind.Utc);
    }

    private int Scaled(int full) => Math.Max(1, (int)Math.Round(full * _options.Scale));

    /// <summary>Deletes any file at the path, migrates a new one through the portal's start-up path, then fills it.</summary>
    public static async Task<GeneratorResult> GenerateAsync(GeneratorOptions options, CancellationToken ct = default)
    {
        var stopwatch = Stopwatch.StartNew();
        var path = Path.GetFullPath(options.DatabasePath);
        foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(path + suffix);
        await MigrateAsync(path, ct);

        var generator = new LargeInstitutionGenerator(options);
        await using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString()))
        {
            await connection.OpenAsync(ct);
            using (var pragma = connection.CreateCommand())
            {
                // Only for the bulk load: a crash leaves a half-built file that is deleted and rebuilt anyway, and
                // without a journal and with a large page cache each page is written once instead of twice.
                pragma.CommandText = "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA cache_size=-262144; PRAGMA foreign_keys=ON;";
                pragma.ExecuteNonQuery();
            }
            using var transaction = connection.BeginTransaction();
            generator.Fill(connection, transaction);
            using (var counting = connection.CreateCommand())
            {
                // The rows are inserted with plain SQL, past the portal's save that keeps these columns (VisitCounting).
                counting.Transaction = transaction;
                counting.CommandText = HomeVisit.Core.Visits.VisitCounting.FillSql;
                counting.ExecuteNonQuery();
            }
            transaction.Commit();
            using var analyse = connection.CreateCommand();
            // Statistics for the query planner, as a long-running database would have them.
            analyse.CommandText = "ANALYZE; PRAGMA journal_mode=WAL;";
            analyse.ExecuteNonQuery();
        }
        return new GeneratorResult(path, generator._rows, stopwatch.Elapsed);
    }

    /// <summary>The portal's own start-up: migrations and WAL mode, no demo seed.</summary>
    private static async Task MigrateAsync(string path, CancellationToken ct)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Portal"] = $"Data Source={path}",
            [DatabaseServiceCollectionExtensions.DemoSeedKey] = "false",
        }).Build();
        var env = new HostingEnvironment
        {
            EnvironmentName = Environments.Production,
            ApplicationName = "HomeVisit.DataGen",
            ContentRootPath = Path.GetDirectoryName(path)!,
            ContentRootFileProvider = new NullFileProvider(),
        };
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton<IHostEnvironment>(env)
            .AddLogging();
        services.AddPortalDatabase(configuration, env);
        await using var provider = services.BuildServiceProvider();
        await provider.InitialisePortalDatabaseAsync(ct);
        SqliteConnection.ClearAllPools();
    }

    private void Fill(SqliteConnection c, SqliteTransaction t)
    {
        using (var institutions = new BulkTable(c, t, "Institutions", "Id", "Name", "ShortName", "Kind", "CreatedAt", "Version"))
            institutions.Insert(1, "桂南大学", "桂大", InstitutionKind.University, _nowUtc.AddYears(-6), 0);
        BuildUnits(c, t);
        BuildPeople(c, t);
        BuildLeadership(c, t);
        BuildAccounts(c, t);
        BuildVisits(c, t);
        BuildGanbuRequests(c, t);
        BuildLianxiLinks(c, t);
        BuildNotificationsAndAudit(c, t);
    }

    private void Count(string table, BulkTable bulk) => _rows[table] = _rows.GetValueOrDefault(table) + bulk.Count;

    // ---- organisation tree -------------------------------------------------------------------------

    private static readonly string[] Departments =
    [
        "党委办公室", "校长办公室", "纪委办公室（监察专员办公室）", "党委组织部", "党委宣传部", "党委统战部", "党委学生工作部", "人事处",
        "教务处", "科学技术处", "社会科学处", "财务处", "国有资产管理处", "审计处", "保卫处", "后勤管理处", "国际合作与交流处", "研究生院",
        "图书馆", "信息网络中心", "校工会", "校团委", "离退休工作处", "基建处", "招生就业处", "实验室与设备管理处", "发展规划处", "档案馆",
        "校医院", "继续教育学院办公室", "分析测试中心", "学报编辑部", "博物馆", "采购与招标管理中心", "巡察工作办公室", "教师工作部",
        "机关党委", "校友工作办公室", "出版社", "资产经营有限公司",
    ];

    private static readonly string[] Colleges =
    [
        "机械工程学院", "电气工程学院", "计算机与电子信息学院", "土木建筑工程学院", "化学化工学院", "资源环境与材料学院", "轻工与食品工程学院",
        "海洋学院", "数学与信息科学学院", "物理科学与工程技术学院", "生命科学与技术学院", "农学院", "动物科学技术学院", "林学院", "医学院",
        "经济学院", "工商管理学院", "公共管理学院", "法学院", "马克思主义学院", "文学院", "新闻与传播学院", "外国语学院", "艺术学院",
        "体育学院", "教育学院", "国际学院", "商学院", "软件学院", "行健文理学院",
    ];

    private void BuildUnits(SqliteConnection c, SqliteTransaction t)
    {
        using var units = new BulkTable(c, t, "OrgUnits", "Id", "InstitutionId", "ParentId", "Name", "Code", "Kind", "SortOrder", "Version");
        var id = 0;
        void Add(string name, int? parent, OrgUnitKind kind, int sort)
        {
            id++;
            units.Insert(id, 1, parent, name, $"U{id:D4}", kind, sort, 0);
            _units.Add((id, name, parent ?? 0, kind));
            _unitPeople[id] = [];
        }
        Add("桂南大学", null, OrgUnitKind.School, 0);
        for (var i = 0; i < Departments.Length; i++) Add(Departments[i], 1, OrgUnitKind.Department, i + 1);
        for (var i = 0; i < Colleges.Length; i++) Add(Colleges[i], 1, OrgUnitKind.College, 100 + i);
        foreach (var unit in _units.Where(u => u.Kind is OrgUnitKind.College or OrgUnitKind.Department).ToList())
        {
            var staffBranches = unit.Kind == OrgUnitKind.College ? 4 : 1;
            for (var b = 1; b <= staffBranches; b++)
            {
                Add(unit.Kind == OrgUnitKind.College ? $"{unit.Name}教工第{Numeral(b)}党支部" : $"{unit.Name}党支部", unit.Id, OrgUnitKind.PartyBranch, b);
                _unitBranch.TryAdd(unit.Id, id);
                _branches.Add(id);
            }
            if (unit.Kind == OrgUnitKind.College)
            {
                for (var b = 1; b <= 3; b++)
                {
                    Add($"{unit.Name}学生第{Numeral(b)}党支部", unit.Id, OrgUnitKind.PartyBranch, 10 + b);
                    _branches.Add(id);
                }
            }
        }
        Count("OrgUnits", units);
    }

    private static string Numeral(int n) => "一二三四五六七八九十"[n - 1].ToString();

    // ---- people and families -------------------------------------------------------------------------

    private static readonly string[] CollegePositions = ["教师", "教师", "教师", "教师", "实验员", "辅导员", "教学秘书", "科研秘书", "办公室主任"];
    private static readonly string[] DepartmentPositions = ["科员", "科员", "副科长", "科长", "主任科员", "办事员"];
    private static readonly string[] Ranks = ["助教", "讲师", "副教授", "教授", "科员", "副科级", "正科级", "副处级", "正处级"];

    private void BuildPeople(SqliteConnection c, SqliteTransaction t)
    {
        using var people = new BulkTable(c, t, "People", "Id", "InstitutionId", "Name", "Gender", "BirthDate", "StaffNumber", "UnitId", "Position",
            "Rank", "Establishment", "Party", "PartyBranchId", "Phone", "HomeAddress", "Version");
        using var family = new BulkTable(c, t, "FamilyMembers", "Id", "InstitutionId", "PersonId", "Relation", "Name", "Workplace", "Position", "Phone",
            "LivesLocally", "Version");
        var total = Scaled(20_000);
        var workUnits = _units.Where(u => u.Kind is OrgUnitKind.School or OrgUnitKind.College or OrgUnitKind.Department).ToList();
        // Colleges are about four times the size of a department; the school unit holds the leadership team.
        var weights = workUnits.Select(u => u.Kind switch { OrgUnitKind.College => 8, OrgUnitKind.Department => 2, _ => 1 }).ToArray();
        var weightSum = weights.Sum();
        var familyId = 0;
        for (var personId = 1; personId <= total; personId++)
        {
            // The first people go round the units, so each unit has enough staff for its leadership.
            var unitIndex = personId <= workUnits.Count * 6 ? (personId - 1) % workUnits.Count : PickWeighted(weights, weightSum);
            var unit = workUnits[unitIndex];
            var gender = _random.NextDouble() < 0.52 ? Gender.Male : Gender.Female;
            var name = _names.Person(gender);
            var birth = new DateOnly(_random.Next(1962, 2000), 1, 1).AddDays(_random.Next(365));
            var partyMember = _random.NextDouble() < 0.62;
            var position = unit.Kind == OrgUnitKind.College ? CollegePositions[_random.Next(CollegePositions.Length)]
                : unit.Kind == OrgUnitKind.Department ? DepartmentPositions[_random.Next(DepartmentPositions.Length)] : "校领导";
            people.Insert(personId, 1, name, gender, birth, $"{2000000 + personId}", unit.Id, position, Ranks[_random.Next(Ranks.Length)],
                _random.NextDouble() < 0.85 ? EstablishmentStatus.InEstablishment : EstablishmentStatus.Contract,
                partyMember ? PartyMembership.Member : _random.NextDouble() < 0.1 ? PartyMembership.Applicant : PartyMembership.None,
                partyMember && _unitBranch.TryGetValue(unit.Id, out var branch) ? branch : null, _names.Phone(), _names.Address(), 0);
            _personUnit.Add(unit.Id);
            _personName.Add(name);
            _unitPeople[unit.Id].Add(personId);

            _familyStart.Add(familyId + 1);
            var surname = name[..1];
            var members = new List<(FamilyRelation, string, string?, string?, bool)>();
            if (_random.NextDouble() < 0.82)
                members.Add((FamilyRelation.Spouse, _names.Person(gender == Gender.Male ? Gender.Female : Gender.Male), "南宁市某单位", "职员", true));
            for (var k = _random.Next(3); k > 0; k--)
                members.Add((FamilyRelation.Child, surname + _names.Given(), _random.NextDouble() < 0.5 ? "南宁市第三中学" : null, null, true));
            if (_random.NextDouble() < 0.5) members.Add((FamilyRelation.Parent, surname + _names.Given(Gender.Male), null, "退休", _random.NextDouble() < 0.5));
            foreach (var (relation, memberName, workplace, memberPosition, local) in members)
                family.Insert(++familyId, 1, personId, relation, memberName, workplace, memberPosition, _names.Phone(), local, 0);
            _familyCount.Add(members.Count);
        }
        Count("People", people);
        Count("FamilyMembers", family);
    }

    private int PickWeighted(int[] weights, int sum)
    {
        var roll = _random.Next(sum);
        for (var i = 0; i < weights.Length; i++)
        {
            if (roll < weights[i]) return i;
            roll -= weights[i];
        }
        return weights.Length - 1;
    }

    // ---- leadership --------------------------------------------------------------------------------

    private void BuildLeadership(SqliteConnection c, SqliteTransaction t)
    {
        using var leadership = new BulkTable(c, t, "UnitLeaderships", "Id", "InstitutionId", "UnitId", "PersonId", "Role", "StartsOn", "EndsOn");
        var id = 0;
        var since = _today.AddYears(-6);
        var school = _units[0];
        var schoolPeople = _unitPeople[school.Id];
        // 党委书记 and 校长, eight deputies who each oversee (分管) a share of the colleges and departments.
        for (var i = 0; i < Math.Min(10, schoolPeople.Count); i++)
        {
            var person = schoolPeople[i];
            leadership.Insert(++id, 1, school.Id, person, i < 2 ? LeadershipRole.Head : LeadershipRole.Deputy, since, null);
            _leaders.Add(person);
        }
        var deputies = schoolPeople.Skip(2).Take(8).ToList();
        var units = _units.Where(u => u.Kind is OrgUnitKind.College or OrgUnitKind.Department).ToList();
        for (var i = 0; i < units.Count && deputies.Count > 0; i++)
            leadership.Insert(++id, 1, units[i].Id, deputies[i % deputies.Count], LeadershipRole.Oversees, since, null);
        foreach (var unit in units)
        {
            var staff = _unitPeople[unit.Id];
            var heads = unit.Kind == OrgUnitKind.College ? 2 : 1;
            var deputiesHere = unit.Kind == OrgUnitKind.College ? 3 : 2;
            for (var i = 0; i < heads + deputiesHere && i < staff.Count; i++)
            {
                leadership.Insert(++id, 1, unit.Id, staff[i], i < heads ? LeadershipRole.Head : LeadershipRole.Deputy, since.AddDays(_random.Next(900)), null);
                _leaders.Add(staff[i]);
                if (i == 0) _unitHead[unit.Id] = staff[i];
            }
            // A former deputy, so the history of who led when is not empty.
            if (staff.Count > 6) leadership.Insert(++id, 1, unit.Id, staff[6], LeadershipRole.Deputy, since, _today.AddYears(-2));
            if (staff.Count > 7) _unitLiaison[unit.Id] = staff[7];
        }
        foreach (var branch in _branches)
        {
            var parent = _units[branch - 1].ParentId;
            var staff = _unitPeople[parent];
            if (staff.Count <= 8) continue;
            var secretary = staff[8 + _random.Next(staff.Count - 8)];
            leadership.Insert(++id, 1, branch, secretary, LeadershipRole.BranchSecretary, since, null);
            _branchSecretary[branch] = secretary;
        }
        _liaisons.AddRange(_unitLiaison.Values);
        var disciplineUnit = _units.First(u => u.Name.StartsWith("纪委办公室", StringComparison.Ordinal)).Id;
        _discipline.AddRange(_unitPeople[disciplineUnit].Take(6));
        _leaderPerson = _unitPeople[_units.First(u => u.Name == "机械工程学院").Id][0];
        Count("UnitLeaderships", leadership);
    }

    // ---- accounts --------------------------------------------------------------------------------

    private void BuildAccounts(SqliteConnection c, SqliteTransaction t)
    {
        using var accounts = new BulkTable(c, t, "UserAccounts", "Id", "InstitutionId", "UserName", "NormalizedUserName", "DisplayName", "PasswordHash", "PersonId", "Roles",
            "IsDisabled", "AccessFailedCount", "SecurityStamp", "PreferredCulture", "Version");
        // One hash for every account: hashing 2,000 passwords would take longer than the rest of the database.
        var hash = new PasswordHasher<UserAccount>().HashPassword(new UserAccount { UserName = "x", DisplayName = "x" }, DemoAccounts.Password);
        var id = 0;
        var used = new HashSet<int>();
        var disciplineUnit = _units.First(u => u.Name.StartsWith("纪委办公室", StringComparison.Ordinal)).Id;
        var organisationUnit = _units.First(u => u.Name == "党委组织部").Id;
        var officeUnit = _units.First(u => u.Name == "党委办公室").Id;
        int Free(int unit) => _unitPeople[unit].First(p => !used.Contains(p) && !_leaders.Contains(p));
        void Add(string userName, int person, params string[] roles)
        {
            used.Add(person);
            accounts.Insert(++id, 1, userName, UserAccount.NormalizeUserName(userName), _personName[person], hash, person, System.Text.Json.JsonSerializer.Serialize(roles), false, 0,
                Guid.NewGuid().ToString("N"), "zh-CN", 0);
            _accounts.Add((id, person));
        }
        Add(DemoAccounts.Admin, Free(officeUnit), Roles.SystemAdmin, Roles.ProgrammeAdmin);
        _adminUserId = id;
        Add(DemoAccounts.Leader, _leaderPerson, Roles.Leader);
        Add(DemoAccounts.DisciplineOffice, _discipline[0], Roles.DisciplineOffice);
        Add(DemoAccounts.OrganisationDept, Free(organisationUnit), Roles.OrganisationDept);
        Add(DemoAccounts.Staff, Free(_personUnit[_leaderPerson]), Roles.Staff);
        Add(DemoAccounts.Liaison, _unitLiaison[_personUnit[_leaderPerson]], Roles.Liaison);
        Add(DemoAccounts.CaseManagement, _discipline[1], SanctionAccess.CaseManagement);
        _caseUserId = id;
        Add(DemoAccounts.DisciplineStaff, _discipline[2], Roles.DisciplineOffice);
        Add("dangwei", Free(officeUnit), Roles.PartyCommittee);
        foreach (var leader in _leaders.Where(p => !used.Contains(p)).Distinct().ToList()) Add($"u{2000000 + leader}", leader, Roles.Leader);
        foreach (var liaison in _liaisons.Where(p => !used.Contains(p)).ToList()) Add($"u{2000000 + liaison}", liaison, Roles.Liaison);
        var target = Math.Max(Scaled(2_000), id);
        var person = 1;
        while (id < target && person < _personName.Count)
        {
            if (!used.Contains(person)) Add($"u{2000000 + person}", person, Roles.Staff);
            person += 7;
        }
        Count("UserAccounts", accounts);
    }

    // ---- visits, follow-ups, programme specifics -----------------------------------------------------

    private static readonly string[] Purposes =
    [
        "了解八小时以外生活圈、社交圈及家庭家教家风情况", "宣讲廉洁从教要求，与家属共话清廉家风", "了解家庭困难情况，传达组织关怀",
        "听取对学院发展的意见建议", "了解思想、工作和生活情况", "节日前廉洁提醒", "了解子女教育和家庭生活情况",
    ];

    private static readonly string[] Problems =
    [
        "子女入学需要政策咨询", "父亲患病住院，家庭经济压力较大", "希望调整课程安排", "实验室设备老化", "希望学校解决停车难问题",
        "职称评审受挫，思想波动", "家属反映应酬较多、经常晚归", "住房困难，希望了解周转房政策", "配偶工作调动需要协调",
    ];

    private static readonly string[] Places = ["家中", "学院会议室", "办公室", "校医院", "党员活动室", "教工之家"];

    private void BuildVisits(SqliteConnection c, SqliteTransaction t)
    {
        using var visits = new BulkTable(c, t, "Visits", "Id", "InstitutionId", "ProgrammeKey", "Form", "PlannedStart", "PlannedEnd", "ActualStart",
            "Place", "Purpose", "Record", "ProblemsFound", "Resolution", "Status", "NotifiedAt", "CancelReason", "Trigger", "Approval",
            "CreatedByUserId", "CreatedAt", "CompletedAt", "ParentVisitId", "Version");
        using var visitors = new BulkTable(c, t, "VisitVisitors", "VisitId", "PersonId", "IsRecorder");
        using var targets = new BulkTable(c, t, "VisitTargets", "VisitId", "PersonId", "OrgUnitId");
        using var met = new BulkTable(c, t, "VisitFamilyMet", "VisitId", "FamilyMemberId");
        using var followUps = new BulkTable(c, t, "FollowUpItems", "Id", "InstitutionId", "ProgrammeKey", "VisitId", "Kind", "Category", "Summary",
            "RaisedByPersonId", "RaisedByName", "OwnerPersonId", "Deadline", "ResponsibleUnitId", "Status", "Resolution", "Feedback", "WithdrawReason",
            "CreatedByUserId", "CreatedAt", "ClosedAt", "ClosedByUserId", "RestrictedToRole", "Version");
        using var notices = new BulkTable(c, t, "QinglianNotices", "InstitutionId", "VisitId", "SentOn", "Method", "Recipient", "VisitTime", "LeadDays",
            "SentByUserId", "SentByName", "RecordedAt");
        using var plans = new BulkTable(c, t, "LianzhengPlanItems", "InstitutionId", "VisitorPersonId", "Year", "TargetPersonId", "Month", "CreatedByUserId",
            "CreatedAt", "Version");
        using var sanctions = new BulkTable(c, t, "SanctionRecords", "Id", "InstitutionId", "PersonId", "CaseNumber", "Reason", "PartyKind", "PartyDecidedOn",
            "PartyInfluenceMonths", "GovernmentKind", "GovernmentDecidedOn", "GovernmentInfluenceMonths", "InfluenceStartsOn", "InfluenceEndsOn",
            "CreatedByUserId", "CreatedAt", "Version");
        using var revisits = new BulkTable(c, t, "Revisits", "InstitutionId", "VisitId", "SanctionRecordId", "Approach", "FedBackToPersonOn", "ArchivedOn",
            "CreatedByUserId", "CreatedAt", "Version");

        var start = _today.AddYears(-5).ToDateTime(TimeOnly.MinValue);
        var end = _today.AddDays(60).ToDateTime(TimeOnly.MinValue);
        var span = (end - start).TotalDays;
        var todayStart = _today.ToDateTime(TimeOnly.MinValue);
        var visitId = 0;
        var followUpId = 0;
        var people = _personName.Count - 1;
        var visitorPool = _leaders.Concat(_branchSecretary.Values).Distinct().ToArray();
        var total = Scaled(300_000);
        var sanctionCount = Scaled(600);
        var huifangVisits = sanctionCount * 2;
        string[] programmes = [Lianzheng, Lianzheng, Lianzheng, Qinglian, Qinglian, Ganbu, Ganbu, Lianxi, Lianxi, Lianxi];

        (VisitStatus Status, DateTime? Actual) Outcome(DateTime planned)
        {
            var roll = _random.NextDouble();
            if (planned >= todayStart) return (roll < 0.7 ? VisitStatus.Planned : roll < 0.95 ? VisitStatus.Notified : VisitStatus.Cancelled, null);
            if (roll < 0.86) return (VisitStatus.Done, planned.AddMinutes(_random.Next(-30, 60)));
            if (roll < 0.94) return (VisitStatus.Cancelled, null);
            // Past and never recorded: the overdue records overseers chase.
            return (roll < 0.97 ? VisitStatus.Planned : VisitStatus.Notified, null);
        }

        int AddVisit(string programme, VisitForm form, DateTime planned, int leader, int? recorder, int? targetPerson, int? targetBranch, string? trigger, int? parent)
        {
            var (status, actual) = Outcome(planned);
            var done = status == VisitStatus.Done;
            var problem = done && _random.NextDouble() < 0.33 ? Problems[_random.Next(Problems.Length)] : null;
            var id = ++visitId;
            var targetName = targetPerson is { } tp ? _personName[tp] : _units[targetBranch!.Value - 1].Name;
            visits.Insert(id, 1, programme, form, planned, planned.AddMinutes(90), actual,
                form == VisitForm.HomeVisit ? "家中" : Places[_random.Next(Places.Length)], Purposes[_random.Next(Purposes.Length)],
                done ? $"与{targetName}交流约一个半小时，了解思想、工作和家庭情况，宣讲有关纪律要求。" : null, problem,
                problem is null ? null : "已转有关部门跟进。", status, status is VisitStatus.Notified || done ? ToUtc(planned).AddDays(-5) : null,
                status == VisitStatus.Cancelled ? "被访人临时外出，改期另行安排。" : null, trigger, ApprovalStatus.NotRequired,
                _adminUserId, ToUtc(planned).AddDays(-10), done ? ToUtc(planned).AddDays(1) : null, parent, 0);
            visitors.Insert(id, leader, recorder is null);
            if (recorder is { } r && r != leader) visitors.Insert(id, r, true);
            targets.Insert(id, targetPerson, targetBranch);
            if (done && form == VisitForm.HomeVisit && targetPerson is { } home && _familyCount[home] > 0)
            {
                for (var k = 0; k < Math.Min(2, _familyCount[home]); k++) met.Insert(id, _familyStart[home] + k);
            }
            if (problem is not null)
            {
                var created = ToUtc(planned).AddDays(1);
                var age = (_nowUtc - created).TotalDays;
                var fstatus = age > 120 ? (_random.NextDouble() < 0.9 ? FollowUpStatus.Resolved : FollowUpStatus.Withdrawn)
                    : age > 30 ? (FollowUpStatus)_random.Next(4) : (_random.NextDouble() < 0.6 ? FollowUpStatus.Open : FollowUpStatus.InProgress);
                var closed = fstatus is FollowUpStatus.Resolved or FollowUpStatus.Withdrawn;
                var closedAt = closed ? Min(created.AddDays(_random.Next(3, 60)), _nowUtc.AddHours(-1)) : (DateTime?)null;
                followUps.Insert(++followUpId, 1, programme, id, (FollowUpKind)_random.Next(4), "家访反映", problem, targetPerson,
                    targetPerson is null ? "支部党员" : null, leader, DateOnly.FromDateTime(planned).AddDays(30),
                    programme == Lianxi && _random.NextDouble() < 0.3 ? _units[_random.Next(1, Departments.Length + 1)].Id : null,
                    fstatus, fstatus == FollowUpStatus.Resolved ? "已协调解决并向本人反馈。" : null,
                    fstatus == FollowUpStatus.Resolved ? "本人表示满意。" : null, fstatus == FollowUpStatus.Withdrawn ? "本人表示已自行解决，撤回。" : null,
                    _adminUserId, created, closedAt, closed ? _adminUserId : null,
                    programme == Lianzheng && _random.NextDouble() < 0.02 ? Roles.DisciplineOffice : null, 0);
                // About one item in five carries a second point raised in the same visit.
                if (_random.NextDouble() < 0.2)
                {
                    followUps.Insert(++followUpId, 1, programme, id, FollowUpKind.Suggestion, "意见建议", Problems[_random.Next(Problems.Length)], targetPerson,
                        null, leader, DateOnly.FromDateTime(planned).AddDays(45), null, fstatus, null, null,
                        fstatus == FollowUpStatus.Withdrawn ? "合并至其他事项。" : null, _adminUserId, created, closedAt, closed ? _adminUserId : null, null, 0);
                }
            }
            if (programme == Qinglian && status is VisitStatus.Notified or VisitStatus.Done)
            {
                var sent = DateOnly.FromDateTime(planned).AddDays(-7);
                notices.Insert(1, id, sent, NoticeMethod.HandDelivered, $"{targetName}家属", planned, 7, _adminUserId, "系统管理员",
                    sent.ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc));
            }
            return id;
        }

        // The demo leader's own share, so "my visits" and the calendar are as full as a busy leader's.
        var leaderShare = Math.Max(20, total / 1000);
        for (var i = 0; i < total - huifangVisits; i++)
        {
            var programme = programmes[_random.Next(programmes.Length)];
            var planned = start.AddDays(_random.NextDouble() * span);
            planned = planned.Date.AddHours(_random.Next(8, 21)).AddMinutes(_random.Next(2) * 30);
            var leader = i < leaderShare ? _leaderPerson : visitorPool[_random.Next(visitorPool.Length)];
            var unit = _personUnit[leader];
            int? recorder = _unitLiaison.TryGetValue(unit, out var l) && _random.NextDouble() < 0.7 ? l : null;
            if (programme == Lianxi && _random.NextDouble() < 0.4)
            {
                var branch = _branches[_random.Next(_branches.Count)];
                AddVisit(programme, _random.NextDouble() < 0.5 ? new VisitForm("BranchActivity") : new VisitForm("BranchReport"), planned, leader, null, null, branch, null, null);
                continue;
            }
            var target = _random.Next(1, people + 1);
            var form = programme switch
            {
                Lianzheng => _random.NextDouble() < 0.8 ? VisitForm.HomeVisit : VisitForm.KeyAppointment,
                Ganbu => _random.NextDouble() < 0.7 ? VisitForm.HomeVisit : VisitForm.KeyAppointment,
                Lianxi => _random.NextDouble() < 0.7 ? VisitForm.HeartTalk : VisitForm.HomeVisit,
                _ => VisitForm.HomeVisit,
            };
            var trigger = form == VisitForm.KeyAppointment && programme == Lianzheng ? "思想认识出现偏差或工作上受到挫折的" : null;
            var root = AddVisit(programme, form, planned, leader, recorder, target, null, trigger, null);
            // A 重点约访 is followed by a 定期回访 about a month later (the chains of 廉政家访).
            if (trigger is not null && planned.AddDays(30) < end)
                AddVisit(programme, VisitForm.RegularRevisit, planned.AddDays(30), leader, recorder, target, null, trigger, root);
        }

        // 受处分人员回访关爱: sanction records decided over the last five years, each with revisits by the discipline office.
        var sanctionId = 0;
        for (var i = 0; i < sanctionCount; i++)
        {
            var person = _random.Next(1, people + 1);
            var decided = _today.AddDays(-_random.Next(30, 5 * 365));
            var party = _random.NextDouble() < 0.7 ? (PartySanction?)(PartySanction)_random.Next(4) : null;
            var government = party is null || _random.NextDouble() < 0.3 ? (GovernmentSanction?)(GovernmentSanction)_random.Next(6) : null;
            var record = new SanctionRecord
            {
                PersonId = person, Reason = "违反工作纪律。", PartyKind = party, PartyDecidedOn = party is null ? null : decided,
                PartyInfluenceMonths = party is { } pk ? InfluencePeriods.DefaultMonths(pk) : null,
                GovernmentKind = government, GovernmentDecidedOn = government is null ? null : decided,
                GovernmentInfluenceMonths = government is { } gk ? InfluencePeriods.DefaultMonths(gk) : null,
            };
            var period = EligibilityRule.Period(record);
            sanctions.Insert(++sanctionId, 1, person, $"桂大纪〔{decided.Year}〕{i + 1}号", record.Reason, party, record.PartyDecidedOn,
                record.PartyInfluenceMonths, government, record.GovernmentDecidedOn, record.GovernmentInfluenceMonths, period?.Start, period?.End,
                _caseUserId, decided.ToDateTime(new TimeOnly(2, 0), DateTimeKind.Utc), 0);
            for (var k = 0; k < 2; k++)
            {
                var planned = decided.AddMonths(3 + 6 * k).ToDateTime(new TimeOnly(10, 0));
                var id = AddVisit(Huifang, k == 0 ? new VisitForm("OnSiteTalk") : VisitForm.HeartTalk, planned, _discipline[2], _discipline[3], person, null, null, null);
                var done = planned < todayStart;
                revisits.Insert(1, id, sanctionId, "谈心谈话，了解思想和工作情况", done ? DateOnly.FromDateTime(planned).AddDays(7) : null,
                    done && planned < todayStart.AddDays(-60) ? DateOnly.FromDateTime(planned).AddDays(30) : null, _caseUserId, ToUtc(planned).AddDays(-14), 0);
            }
        }

        // This year's 廉政家访 plans: each leader four people, a plan the ledger and quotas compare with.
        foreach (var leader in _leaders.Distinct())
        {
            var chosen = new HashSet<int>();
            while (chosen.Count < 4) chosen.Add(_random.Next(1, people + 1));
            foreach (var target in chosen)
                plans.Insert(1, leader, _today.Year, target, _random.Next(1, 13), _adminUserId, _nowUtc.AddDays(-_today.DayOfYear), 0);
        }

        Count("Visits", visits);
        Count("VisitVisitors", visitors);
        Count("VisitTargets", targets);
        Count("VisitFamilyMet", met);
        Count("FollowUpItems", followUps);
        Count("QinglianNotices", notices);
        Count("LianzhengPlanItems", plans);
        Count("SanctionRecords", sanctions);
        Count("Revisits", revisits);
        _ganbuVisitsUpTo = visitId;
    }

    private int _ganbuVisitsUpTo;

    // ---- 干部家访 requests ---------------------------------------------------------------------------

    private static readonly string[] RequestSummaries =
    [
        "父亲患病住院，申请困难帮扶", "子女入学咨询", "配偶工作调动", "家中遭遇意外，申请慰问", "工作压力大，希望组织谈心",
        "住房困难，申请周转房", "婚丧事项报备", "希望了解职称评审政策",
    ];

    private void BuildGanbuRequests(SqliteConnection c, SqliteTransaction t)
    {
        using var requests = new BulkTable(c, t, "GanbuRequests", "Id", "InstitutionId", "RequesterPersonId", "UnitId", "Category", "Tier", "HandlingTier",
            "Summary", "Description", "HandlerPersonId", "Deadline", "EscalationLevel", "EscalatedOn", "OverdueSince", "Status", "Source", "Resolution", "Feedback",
            "WithdrawReason", "CreatedByUserId", "CreatedAt", "FiledOn", "ClosedAt", "ClosedOn", "ClosedByUserId", "Version");
        using var steps = new BulkTable(c, t, "GanbuRequestSteps", "InstitutionId", "RequestId", "At", "Kind", "ActorUserId", "ActorName", "HandlerPersonId", "Note");
        using var links = new BulkTable(c, t, "GanbuRequestVisits", "InstitutionId", "RequestId", "VisitId", "Purpose", "CreatedAt");
        var people = _personName.Count - 1;
        var total = Scaled(30_000);
        for (var id = 1; id <= total; id++)
        {
            var requester = _random.Next(1, people + 1);
            var unit = _personUnit[requester];
            var handler = _unitHead.GetValueOrDefault(unit, _leaderPerson);
            var filed = _today.AddDays(-_random.Next(0, 5 * 365));
            var tier = (GanbuTier)(_random.NextDouble() < 0.75 ? 0 : _random.NextDouble() < 0.7 ? 1 : 2);
            var deadline = filed.AddDays(tier switch { GanbuTier.Ordinary => 15, GanbuTier.Special => 10, _ => 7 });
            var age = _today.DayNumber - filed.DayNumber;
            var status = age > 60 ? (_random.NextDouble() < 0.93 ? GanbuRequestStatus.Resolved : GanbuRequestStatus.Withdrawn)
                : (GanbuRequestStatus)_random.Next(4);
            var closed = status is GanbuRequestStatus.Resolved or GanbuRequestStatus.Withdrawn;
            var closedOn = closed ? Min(filed.AddDays(_random.Next(1, 20)), _today) : (DateOnly?)null;
            var createdAt = filed.ToDateTime(new TimeOnly(1, 30), DateTimeKind.Utc);
            // Overdue ones as the escalation worker leaves them (escalated the day after the deadline), so starting the
            // portal on the database does not first escalate thousands of requests.
            var overdue = !closed && deadline < _today ? deadline.AddDays(1) : (DateOnly?)null;
            requests.Insert(id, 1, requester, unit, (GanbuCategory)_random.Next(7), tier, tier, RequestSummaries[_random.Next(RequestSummaries.Length)],
                "本人提出，请组织协调。", handler, deadline, overdue is null ? 0 : 1, overdue, overdue, status,
                (GanbuRequestSource)_random.Next(3), status == GanbuRequestStatus.Resolved ? "已协调解决。" : null,
                status == GanbuRequestStatus.Resolved ? "已向本人反馈。" : null, status == GanbuRequestStatus.Withdrawn ? "本人撤回。" : null,
                _adminUserId, createdAt, filed, closedOn?.ToDateTime(new TimeOnly(8, 0), DateTimeKind.Utc), closedOn, closed ? _adminUserId : null, 0);
            steps.Insert(1, id, createdAt, GanbuStepKind.Filed, _adminUserId, "系统管理员", null, null);
            steps.Insert(1, id, createdAt.AddMinutes(30), GanbuStepKind.Assigned, _adminUserId, "系统管理员", handler, null);
            if (closed)
                steps.Insert(1, id, closedOn!.Value.ToDateTime(new TimeOnly(8, 0), DateTimeKind.Utc),
                    status == GanbuRequestStatus.Resolved ? GanbuStepKind.Resolved : GanbuStepKind.Withdrawn, _adminUserId, "系统管理员", null, null);
            if (_random.NextDouble() < 0.3 && _ganbuVisitsUpTo > 0)
                links.Insert(1, id, _random.Next(1, _ganbuVisitsUpTo + 1), GanbuVisitPurpose.Handling, createdAt.AddDays(1));
        }
        Count("GanbuRequests", requests);
        Count("GanbuRequestSteps", steps);
        Count("GanbuRequestVisits", links);
    }

    // ---- 联系师生 links ---------------------------------------------------------------------------------

    private void BuildLianxiLinks(SqliteConnection c, SqliteTransaction t)
    {
        using var links = new BulkTable(c, t, "LianxiLinks", "InstitutionId", "LeaderPersonId", "Kind", "BranchId", "PersonId", "Category", "StartsOn",
            "EndsOn", "AssignedByUserId", "AssignedAt", "Version");
        var people = _personName.Count - 1;
        var since = new DateOnly(_today.Year - 1, 9, 1);
        foreach (var leader in _leaders.Distinct())
        {
            for (var k = 0; k < 2; k++)
                links.Insert(1, leader, LinkKind.Branch, _branches[_random.Next(_branches.Count)], null, null, since, null, _adminUserId,
                    since.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), 0);
            for (var k = 0; k < 3; k++)
                links.Insert(1, leader, LinkKind.Individual, null, _random.Next(1, people + 1), (LinkedPersonCategory)_random.Next(4), since, null,
                    _adminUserId, since.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), 0);
        }
        Count("LianxiLinks", links);
    }

    // ---- notifications and audit ------------------------------------------------------------------------

    private void BuildNotificationsAndAudit(SqliteConnection c, SqliteTransaction t)
    {
        using var notifications = new BulkTable(c, t, "Notifications", "InstitutionId", "UserId", "Kind", "Title", "Link", "DueOn", "DedupKey", "CreatedAt", "ReadAt");
        using var audit = new BulkTable(c, t, "AuditEntries", "InstitutionId", "At", "UserId", "UserName", "Action", "EntityType", "EntityId", "Detail");
        var perAccount = 25;
        foreach (var (userId, _) in _accounts)
        {
            for (var k = 0; k < perAccount; k++)
            {
                var created = _nowUtc.AddDays(-k * 15 - _random.Next(10));
                var due = DateOnly.FromDateTime(created).AddDays(7);
                notifications.Insert(1, userId, "upcoming-visit", "近期家访安排", "/calendar", due, $"gen:{userId}:{k}", created,
                    created < _nowUtc.AddDays(-20) ? created.AddDays(1) : null);
            }
        }
        var entries = Scaled(250_000);
        string[] actions = ["read", "update", "create", "sign-in", "read", "read"];
        string[] types = ["Visit", "Person", "FollowUpItem", "GanbuRequest", "UserAccount"];
        for (var i = 0; i < entries; i++)
        {
            var account = _accounts[_random.Next(_accounts.Count)];
            var at = _nowUtc.AddMinutes(-_random.Next(3 * 365 * 24 * 60));
            audit.Insert(1, at, account.Id, $"u{account.Id}", actions[_random.Next(actions.Length)], types[_random.Next(types.Length)],
                _random.Next(1, 100_000).ToString(System.Globalization.CultureInfo.InvariantCulture), null);
        }
        Count("Notifications", notifications);
        Count("AuditEntries", audit);
    }

    private static DateTime ToUtc(DateTime beijing) => DateTime.SpecifyKind(beijing - BeijingOffset, DateTimeKind.Utc);
    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;
    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}
