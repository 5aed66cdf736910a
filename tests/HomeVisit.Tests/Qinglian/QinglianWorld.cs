using HomeVisit.Core.Access;
using HomeVisit.Core.Accounts;
using HomeVisit.Core.Content;
using HomeVisit.Core.Data;
using HomeVisit.Core.FollowUps;
using HomeVisit.Core.Institutions;
using HomeVisit.Core.People;
using HomeVisit.Core.Programmes;
using HomeVisit.Programmes.Qinglian;
using HomeVisit.Core.Visits;
using HomeVisit.Tests.Services;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace HomeVisit.Tests.Qinglian;

/// <summary>
/// The shared <see cref="Scenario"/> plus 清廉家访's services and leadership: 李院长 (leader 1) oversees 甲学院 (so 张老师
/// of 甲系 is his), 王院长 (leader 2) is the head of 乙学院 (赵老师). 张老师's family: the spouse from the scenario, a child
/// and a father living locally, a daughter, a parent-in-law and an uncle who do not count.
/// </summary>
public sealed class QinglianWorld : IDisposable
{
    public Scenario S { get; }
    public string UploadRoot { get; } = Directory.CreateTempSubdirectory("hv-uploads-").FullName;
    public ProgrammeCatalog Catalog { get; } = new(HomeVisit.Portal.Programmes.ProgrammesServiceCollectionExtensions.Modules);
    public FollowUpReportOptions ReportOptions { get; } = new();

    public ContentTemplateService Templates { get; }
    public ProgrammeAccess Access { get; }
    public ScanStore Store { get; }
    public QinglianNoticeService Notices { get; }
    public CommitmentService Commitments { get; }
    public QinglianHouseholdService Households { get; }
    /// <summary>The core visit service with 清廉家访's rules hooked in, as the portal wires it (every route).</summary>
    public VisitService Visits { get; }
    public FollowUpReportService Reports { get; }
    public PersonFileService Files { get; }
    public QinglianPrintService Print { get; }
    public QinglianListService Lists { get; }
    /// <summary>A 综合部 account (the admin's account holding only the role that confirms the household list, 三、1).</summary>
    public PortalUser GeneralAffairs => S.Admin with { Roles = new HashSet<string> { QinglianProgramme.GeneralAffairsRole } };

    public FamilyMember LocalChild { get; }
    public FamilyMember AwayChild { get; }
    public FamilyMember LocalFather { get; }
    public FamilyMember AwayParentInLaw { get; }
    public FamilyMember LocalUncle { get; }

    /// <param name="listCheck">
    /// Whether visits wait for the half year's household list to be confirmed (三、1, <see cref="QinglianListCheck"/>), as
    /// in the portal; off for the tests of the other rules, which do not confirm a list first.
    /// </param>
    /// <param name="provider">The database the scenario runs on (SQLite unless a test asks for PostgreSQL).</param>
    public QinglianWorld(bool listCheck = false, PortalDatabaseProvider provider = PortalDatabaseProvider.Sqlite)
    {
        S = new(provider);
        var content = new MarkdownContent(Path.Combine(AppContext.BaseDirectory, "wwwroot-content"));
        Templates = new ContentTemplateService(S.Db.Factory, content, QinglianProgramme.Templates, S.Clock);
        Store = new ScanStore(UploadRoot);
        // Programme:qinglian through the framework's authorisation service and the core's handler, as the portal registers them.
        Access = new ServiceCollection().AddLogging().AddSingleton(Catalog).AddSingleton(S.Rules).AddPortalAuthorization()
            .BuildServiceProvider().GetRequiredService<ProgrammeAccess>();
        Notices = new QinglianNoticeService(S.Db.Factory, Catalog, S.Rules, Templates, Access, S.Clock);
        Commitments = new CommitmentService(S.Db.Factory, Catalog, Templates, Store, Access, S.Clock);
        var qinglianRules = new QinglianVisitRules(Catalog, S.Clock);
        Visits = listCheck
            ? new VisitService(S.Db.Factory, Catalog, S.Rules, S.Clock, [qinglianRules, new QinglianListCheck()], [qinglianRules])
            : new VisitService(S.Db.Factory, Catalog, S.Rules, S.Clock, [qinglianRules], [qinglianRules]);
        Lists = new QinglianListService(S.Db.Factory, S.Rules, Access, S.Clock);
        Households = new QinglianHouseholdService(S.Db.Factory, Catalog, S.Rules, Visits, Notices, Commitments, Access, S.Clock);
        Reports = new FollowUpReportService(S.Db.Factory, Catalog, Options.Create(ReportOptions), S.Clock);
        Files = new PersonFileService(S.Db.Factory, Catalog, [new CommitmentsInPersonFile(Commitments)], Reports, S.Clock);
        Print = new QinglianPrintService(S.Db.Factory, Catalog, Templates, Access, S.Clock);

        using var db = S.Context();
        db.UnitLeaderships.AddRange(
            new UnitLeadership { InstitutionId = S.InstitutionA, UnitId = S.CollegeJia, PersonId = S.LeaderOne.Id, Role = LeadershipRole.Oversees },
            new UnitLeadership { InstitutionId = S.InstitutionA, UnitId = S.CollegeYi, PersonId = S.LeaderTwo.Id, Role = LeadershipRole.Head });
        FamilyMember Member(FamilyRelation relation, string name, bool local) =>
            new() { InstitutionId = S.InstitutionA, PersonId = S.StaffOne.Id, Relation = relation, Name = name, LivesLocally = local };
        LocalChild = Member(FamilyRelation.Child, "张小明", true);
        AwayChild = Member(FamilyRelation.Child, "张小红", false);
        LocalFather = Member(FamilyRelation.Parent, "张父", true);
        AwayParentInLaw = Member(FamilyRelation.ParentInLaw, "李岳父", false);
        LocalUncle = Member(FamilyRelation.Other, "张叔", true);
        db.FamilyMembers.AddRange(LocalChild, AwayChild, LocalFather, AwayParentInLaw, LocalUncle);
        db.SaveChanges();
    }

    public int StaffOne => S.StaffOne.Id;

    /// <summary>Sets the fake clock to a Beijing wall-clock time (forwards or back).</summary>
    public void SetBeijing(DateTime beijing) =>
        S.Clock.Advance(new DateTimeOffset(beijing, TimeSpan.FromHours(8)) - S.Clock.GetUtcNow());

    /// <summary>Leader 1 plans 张老师's household visit at the given Beijing time.</summary>
    public Task<int> PlanAsync(DateTime at, PortalUser? user = null, bool confirmRepeat = false, int personId = 0) =>
        Households.PlanAsync(user ?? S.Leader1, new QinglianPlan
        {
            PersonId = personId == 0 ? StaffOne : personId,
            PlannedStart = at,
            Place = "张老师家中",
            VisitorIds = [(user ?? S.Leader1) == S.Leader2 ? S.LeaderTwo.Id : S.LeaderOne.Id],
            AcceptWarnings = confirmRepeat,
        });

    /// <summary>Records the written notice as delivered on the day the visit was planned (if none was), as a careful visitor does.</summary>
    public async Task NoticeAsync(int visitId, PortalUser? user = null)
    {
        user ??= S.Leader1;
        var state = await Notices.StatusAsync(user, visitId);
        if (state.State is NoticeState.InTime or NoticeState.NotRequired) return;
        var created = await S.ReadAsync(db => db.Visits.Where(v => v.Id == visitId).Select(v => v.CreatedAt).SingleAsync());
        var detail = await Visits.GetAsync(user, visitId);
        await Notices.RecordSentAsync(user, visitId, new NoticeSent
        {
            Version = detail.Version, SentOn = created.ToInstitutionTime().Date, Method = NoticeMethod.HandDelivered, Recipient = "张老师及家属",
        });
    }

    /// <summary>
    /// Records the visit as done at the given Beijing time (the clock must be at or after it), meeting the spouse; the written
    /// notice is recorded first (delivered the day it was planned) unless <paramref name="notice"/> is false.
    /// </summary>
    public async Task RecordAsync(int visitId, DateTime actual, PortalUser? user = null, bool notice = true)
    {
        user ??= S.Leader1;
        if (notice) await NoticeAsync(visitId, user);
        var detail = await Visits.GetAsync(user, visitId);
        await Visits.RecordOutcomeAsync(user, visitId, new VisitOutcome
        {
            Version = detail.Version,
            ActualStart = actual,
            Record = "与家属座谈，发放清廉大礼包，家属签订承诺书。",
            FamilyMetIds = [S.StaffOneSpouse.Id],
            FormData = new() { ["GiftPack"] = "清廉家访登记表、家庭助廉承诺书", ["CommitmentSigned"] = "true" },
        });
    }

    public async Task<HouseholdRow> RowAsync(PortalUser user, int personId) =>
        (await Households.ListAsync(user, new HouseholdQuery(PageSize: 200))).Rows.Items.Single(r => r.PersonId == personId);

    public static ScanUpload Pdf(string name = "承诺书.pdf", int size = 2048)
    {
        var bytes = new byte[size];
        "%PDF-1.7\n"u8.CopyTo(bytes);
        return new ScanUpload(name, bytes.Length, new MemoryStream(bytes));
    }

    public static ScanUpload Png(string name = "承诺书.png")
    {
        byte[] bytes = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13];
        return new ScanUpload(name, bytes.Length, new MemoryStream(bytes));
    }

    /// <summary>Leader 1 records the spouse's signed commitment with a PDF scan.</summary>
    public Task<int> CommitmentAsync(int? visitId = null, PortalUser? user = null) =>
        Commitments.RecordAsync(user ?? S.Leader1, new CommitmentInput
        {
            PersonId = StaffOne, FamilyMemberId = S.StaffOneSpouse.Id, VisitId = visitId, SignedOn = S.Clock.Today,
        }, Pdf());

    public void Dispose()
    {
        S.Dispose();
        try
        {
            Directory.Delete(UploadRoot, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
