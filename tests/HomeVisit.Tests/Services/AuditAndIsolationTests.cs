using HomeVisit.Core.Audit;
using HomeVisit.Core.Data;
using HomeVisit.Core.FollowUps;
using HomeVisit.Core.People;
using HomeVisit.Core.Visits;
using Microsoft.EntityFrameworkCore;

namespace HomeVisit.Tests.Services;

/// <summary>Run on both providers: <see cref="AuditAndIsolationTestsOnSqlite"/> and <see cref="AuditAndIsolationTestsOnPostgreSql"/>.</summary>
public abstract class AuditAndIsolationTests(PortalDatabaseProvider provider) : IDisposable
{
    private readonly Scenario _s = new(provider);

    public void Dispose() => _s.Dispose();

    private Task<List<AuditEntry>> AuditAfterAsync(long afterId) =>
        _s.ReadAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.Id > afterId).OrderBy(a => a.Id).ToListAsync());

    private Task<long> LastAuditIdAsync() => _s.ReadAsync(db => db.AuditEntries.MaxAsync(a => a.Id));

    [Fact]
    public async Task Every_change_writes_an_audit_entry_naming_the_user_and_what_changed()
    {
        var before = await LastAuditIdAsync();
        _s.Clock.Advance(TimeSpan.FromMinutes(5));

        var (visitId, followUpId) = await _s.VisitWithFollowUpAsync();
        var person = PersonEdit.From(await _s.People.GetAsync(_s.Zuzhi, _s.StaffOne.Id));
        person.Phone = "13800001111";
        await _s.People.SaveAsync(_s.Zuzhi, person);

        var changes = (await AuditAfterAsync(before)).Where(a => a.Action != AuditActions.Read).ToList();
        Assert.All(changes, a =>
        {
            Assert.NotNull(a.UserId);
            Assert.Equal(_s.InstitutionA, a.InstitutionId);
            Assert.Equal(_s.Clock.GetUtcNow().UtcDateTime, a.At);
        });
        Assert.Contains(changes, a => a.Action == AuditActions.Create && a.EntityType == nameof(Visit) && a.EntityId == visitId.ToString() && a.UserName == "leader1");
        var recorded = Assert.Single(changes, a => a.Action == AuditActions.Update && a.EntityType == nameof(Visit));
        Assert.Equal("leader1", recorded.UserName);
        Assert.Contains("座谈一小时，家庭和睦。", recorded.Detail);
        Assert.Contains(changes, a => a.Action == AuditActions.Create && a.EntityType == nameof(FollowUpItem) && a.EntityId == followUpId.ToString());
        var phone = Assert.Single(changes, a => a.EntityType == nameof(Person));
        Assert.Equal(("zuzhi", AuditActions.Update, _s.StaffOne.Id.ToString()), (phone.UserName, phone.Action, phone.EntityId));
        Assert.Contains("13800001111", phone.Detail);
    }

    [Fact]
    public async Task Audit_entries_cannot_be_changed_or_deleted()
    {
        await _s.People.GetAsync(_s.Leader1, _s.StaffOne.Id);

        await using (var db = _s.Context())
        {
            var entry = await db.AuditEntries.OrderBy(a => a.Id).LastAsync();
            entry.UserName = "someone-else";
            Assert.Throws<InvalidOperationException>(() => db.SaveChanges());
        }
        await using (var db = _s.Context())
        {
            db.AuditEntries.RemoveRange(await db.AuditEntries.ToListAsync());
            await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        }

        var last = await _s.ReadAsync(db => db.AuditEntries.OrderBy(a => a.Id).LastAsync());
        Assert.Equal("leader1", last.UserName);
        Assert.Equal(AuditActions.Read, last.Action);
    }

    [Fact]
    public async Task A_refused_save_writes_nothing_not_even_audit()
    {
        var id = await _s.PlannedVisitAsync();
        var version = (await _s.Visits.GetAsync(_s.Leader1, id)).Version;
        var before = await LastAuditIdAsync();
        var visitBefore = await _s.VisitRowAsync(id);

        await Assert.ThrowsAsync<PortalValidationException>(() =>
            _s.Visits.RecordOutcomeAsync(_s.Leader1, id, new VisitOutcome { Version = version, ActualStart = _s.Clock.GetLocalNow().DateTime }));
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => _s.Visits.RecordOutcomeAsync(_s.Leader1, id,
            new VisitOutcome { Version = version - 1, ActualStart = _s.Clock.GetLocalNow().DateTime, Record = "旧版本上的记录" }));

        Assert.Empty(await AuditAfterAsync(before));
        var visitAfter = await _s.VisitRowAsync(id);
        Assert.Equal((visitBefore.Version, visitBefore.Status, visitBefore.Record), (visitAfter.Version, visitAfter.Status, visitAfter.Record));
        Assert.Equal(0, await _s.ReadAsync(db => db.VisitFamilyMet.CountAsync()));
    }

    [Fact]
    public async Task A_user_of_another_institution_sees_none_of_its_people_or_visits()
    {
        var visitId = await _s.PlannedVisitAsync();

        var people = await _s.People.SearchAsync(_s.LeaderB, new PersonQuery(PageSize: 200));
        Assert.Equal(["乙县干部"], people.Items.Select(p => p.Name).ToArray());
        Assert.Empty(await _s.People.PickAsync(_s.LeaderB, "张"));
        await Assert.ThrowsAsync<NotFoundException>(() => _s.People.GetAsync(_s.LeaderB, _s.StaffOne.Id));
        Assert.Empty((await _s.Visits.ListAsync(_s.LeaderB, new VisitQuery())).Items);
        await Assert.ThrowsAsync<NotFoundException>(() => _s.Visits.GetAsync(_s.LeaderB, visitId));
        Assert.Equal(["乙县政府"], (await _s.Org.GetOptionsAsync(_s.LeaderB)).Select(u => u.Name).ToArray());
    }

    [Fact]
    public async Task A_user_of_another_institution_cannot_plan_a_visit_to_its_people()
    {
        var plan = new VisitPlan
        {
            ProgrammeKey = "lianzheng", PlannedStart = _s.Clock.Today.AddDays(1).AddHours(9),
            VisitorIds = [_s.PersonB.Id], TargetPersonIds = [_s.StaffOne.Id],
        };

        var error = await Assert.ThrowsAsync<PortalValidationException>(() => _s.Visits.SavePlanAsync(_s.LeaderB, plan));

        Assert.Equal("所选人员不存在。", error.Errors[nameof(VisitPlan.TargetPersonIds)]);
        Assert.Equal(0, await _s.ReadAsync(db => db.Visits.CountAsync()));
    }
}

public sealed class AuditAndIsolationTestsOnSqlite() : AuditAndIsolationTests(PortalDatabaseProvider.Sqlite);

public sealed class AuditAndIsolationTestsOnPostgreSql() : AuditAndIsolationTests(PortalDatabaseProvider.PostgreSQL);
