using HomeVisit.Core.Access;
using HomeVisit.Core.Accounts;
using HomeVisit.Core.Archives;
using HomeVisit.Core.Institutions;
using HomeVisit.Programmes.Lianzheng;
using HomeVisit.Core.People;
using HomeVisit.Core.Programmes;
using HomeVisit.Core.Quotas;
using HomeVisit.Core.Visits;
using HomeVisit.Tests.Services;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HomeVisit.Tests.Lianzheng;

/// <summary>
/// The <see cref="Scenario"/> world (clock at 2026-11-20 Beijing) with the 廉政家访 service, and helpers to record
/// visits at chosen times, add accounts and leadership rows.
/// </summary>
public sealed class LianzhengWorld : IDisposable
{
    public const string Key = "lianzheng";

    public Scenario S { get; } = new();
    public ProgrammeCatalog Catalog { get; } = new(HomeVisit.Portal.Programmes.ProgrammesServiceCollectionExtensions.Modules);
    public QuotaService Quotas { get; }
    public LianzhengService Lianzheng { get; }
    public ProgrammeAccess Access { get; }
    /// <summary>The core's record archive with 廉政家访's contribution, as the host registers it.</summary>
    public RecordArchiveService Archives { get; }

    public LianzhengWorld()
    {
        Quotas = new QuotaService(S.Db.Factory, S.Rules, Catalog);
        // The Programme:{key} policy as the host registers it, over the world's catalogue and rules.
        Access = new ServiceCollection().AddLogging().AddSingleton(Catalog).AddSingleton(S.Rules).AddPortalAuthorization()
            .BuildServiceProvider().GetRequiredService<ProgrammeAccess>();
        Lianzheng = new LianzhengService(S.Db.Factory, Catalog, S.Rules, Quotas, Access, S.Clock);
        Archives = new RecordArchiveService(S.Db.Factory, Catalog, Access, [new LianzhengArchive()], S.Clock);
    }

    /// <summary>A person of institution A in the unit, with an account holding the roles (none: no account).</summary>
    public async Task<(Person Person, PortalUser? User)> PersonAsync(string name, int unitId, string position, string? address = null, params string[] roles)
    {
        await using var db = S.Context();
        var person = new Person
        {
            InstitutionId = S.InstitutionA, UnitId = unitId, Name = name, StaffNumber = "X" + Guid.NewGuid().ToString("N")[..8],
            Position = position, HomeAddress = address,
        };
        db.People.Add(person);
        await db.SaveChangesAsync();
        if (roles.Length == 0) return (person, null);
        var account = new UserAccount
        {
            InstitutionId = S.InstitutionA, UserName = "u" + Guid.NewGuid().ToString("N")[..8], DisplayName = name, PersonId = person.Id,
            Roles = [.. roles],
        };
        db.UserAccounts.Add(account);
        await db.SaveChangesAsync();
        return (person, PortalUser.From(account));
    }

    public async Task LeadsAsync(int personId, int unitId, LeadershipRole role)
    {
        await using var db = S.Context();
        db.UnitLeaderships.Add(new UnitLeadership { InstitutionId = S.InstitutionA, PersonId = personId, UnitId = unitId, Role = role });
        await db.SaveChangesAsync();
    }

    /// <summary>Plans a visit through the service and, when <paramref name="done"/>, records it as having taken place at that time.</summary>
    public async Task<int> VisitAsync(PortalUser by, DateTime at, int[] visitors, int[] targets, VisitForm form = default /* 上门家访 */,
        bool done = true, int? recorder = null, string record = "座谈约一小时，了解家庭家教家风情况。", string? resolution = null,
        string? problems = null)
    {
        var id = await S.Visits.SavePlanAsync(by, new VisitPlan
        {
            ProgrammeKey = Key, Form = form, PlannedStart = at, DurationMinutes = 60, VisitorIds = [.. visitors], RecorderId = recorder,
            TargetPersonIds = [.. targets],
        });
        if (done) await RecordAsync(by, id, at, record, resolution, problems);
        return id;
    }

    public async Task RecordAsync(PortalUser by, int visitId, DateTime at, string record = "回访了解情况。", string? resolution = null, string? problems = null)
    {
        var detail = await S.Visits.GetAsync(by, visitId);
        await S.Visits.RecordOutcomeAsync(by, visitId, new VisitOutcome
        {
            Version = detail.Version, ActualStart = at, Record = record, Resolution = resolution, ProblemsFound = problems,
        });
    }

    public async Task<long> VersionAsync(int visitId) => (await S.VisitRowAsync(visitId)).Version;

    public Task<T> ReadAsync<T>(Func<Core.Data.PortalDbContext, Task<T>> query) => S.ReadAsync(query);

    public async Task<int> AuditReadsAsync(string entityType, int id, int userId) =>
        await ReadAsync(db => db.AuditEntries.CountAsync(a => a.Action == Core.Audit.AuditActions.Read && a.EntityType == entityType && a.EntityId == id.ToString() && a.UserId == userId));

    public void Dispose() => S.Dispose();
}
