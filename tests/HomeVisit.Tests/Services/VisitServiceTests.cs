using HomeVisit.Core.Data;
using HomeVisit.Core.Visits;
using Microsoft.EntityFrameworkCore;

namespace HomeVisit.Tests.Services;

/// <summary>Run on both providers: <see cref="VisitServiceTestsOnSqlite"/> and <see cref="VisitServiceTestsOnPostgreSql"/>.</summary>
public abstract class VisitServiceTests(PortalDatabaseProvider provider) : IDisposable
{
    private readonly Scenario _s = new(provider);

    public void Dispose() => _s.Dispose();

    [Fact]
    public async Task A_leader_plans_a_visit_they_take_part_in_and_sees_it()
    {
        var id = await _s.PlannedVisitAsync();

        var detail = await _s.Visits.GetAsync(_s.Leader1, id);
        Assert.Equal(VisitStatus.Planned, detail.Status);
        Assert.Equal("李院长", Assert.Single(detail.Visitors).Name);
        Assert.True(detail.Visitors[0].IsRecorder);
        Assert.Equal("张老师", Assert.Single(detail.Targets).Name);
        Assert.True(detail.CanRecord);
        var mine = await _s.Visits.ListAsync(_s.Leader1, new VisitQuery(MineOnly: true));
        Assert.Equal(id, Assert.Single(mine.Items).Id);
    }

    [Fact]
    public async Task A_leader_cannot_plan_a_visit_without_being_a_visitor()
    {
        var plan = _s.PlanForLeaderOne();
        plan.VisitorIds = [_s.LeaderTwo.Id];

        var error = await Assert.ThrowsAsync<PortalValidationException>(() => _s.Visits.SavePlanAsync(_s.Leader1, plan));

        Assert.Equal("您本人须是家访人员之一。", error.Errors[nameof(VisitPlan.VisitorIds)]);
        Assert.Equal(0, await _s.ReadAsync(db => db.Visits.CountAsync()));
    }

    [Fact]
    public async Task Staff_cannot_plan_visits()
    {
        var plan = _s.PlanForLeaderOne();
        plan.VisitorIds = [_s.StaffOne.Id];
        plan.TargetPersonIds = [_s.StaffTwo.Id];

        await Assert.ThrowsAsync<AccessDeniedException>(() => _s.Visits.SavePlanAsync(_s.Staff1, plan));
    }

    [Fact]
    public async Task Another_leader_can_neither_see_nor_change_the_visit()
    {
        var id = await _s.PlannedVisitAsync();
        var version = (await _s.Visits.GetAsync(_s.Leader1, id)).Version;

        Assert.Empty((await _s.Visits.ListAsync(_s.Leader2, new VisitQuery())).Items);
        await Assert.ThrowsAsync<NotFoundException>(() => _s.Visits.GetAsync(_s.Leader2, id));
        await Assert.ThrowsAsync<NotFoundException>(() => _s.Visits.GetPlanAsync(_s.Leader2, id));
        await Assert.ThrowsAsync<NotFoundException>(() => _s.Visits.RecordOutcomeAsync(_s.Leader2, id,
            new VisitOutcome { Version = version, ActualStart = _s.Clock.GetLocalNow().DateTime, Record = "冒名登记" }));
        await Assert.ThrowsAsync<NotFoundException>(() => _s.Visits.CancelAsync(_s.Leader2, id, version, "不去了"));

        var row = await _s.VisitRowAsync(id);
        Assert.Equal(VisitStatus.Planned, row.Status);
        Assert.Null(row.Record);
    }

    [Theory]
    [InlineData("jiwei")]
    [InlineData("zuzhi")]
    [InlineData("admin")]
    public async Task Oversight_roles_see_every_visit_of_their_institution(string who)
    {
        var id = await _s.PlannedVisitAsync();
        var user = who switch { "jiwei" => _s.Jiwei, "zuzhi" => _s.Zuzhi, _ => _s.Admin };

        var list = await _s.Visits.ListAsync(user, new VisitQuery());
        var detail = await _s.Visits.GetAsync(user, id);

        Assert.Equal(id, Assert.Single(list.Items).Id);
        Assert.Equal("张老师家中", detail.Place);
    }

    [Fact]
    public async Task Recording_needs_the_record_text_and_the_actual_time_and_leaves_the_visit_planned()
    {
        var id = await _s.PlannedVisitAsync();
        var version = (await _s.Visits.GetAsync(_s.Leader1, id)).Version;

        var error = await Assert.ThrowsAsync<PortalValidationException>(() =>
            _s.Visits.RecordOutcomeAsync(_s.Leader1, id, new VisitOutcome { Version = version, Record = "   " }));

        Assert.Equal(new[] { nameof(VisitOutcome.ActualStart), nameof(VisitOutcome.Record) }, error.Errors.Keys.Order().ToArray());
        Assert.Equal("请填写实际家访时间。", error.Errors[nameof(VisitOutcome.ActualStart)]);
        Assert.Equal("请填写家访情况记录。", error.Errors[nameof(VisitOutcome.Record)]);
        var row = await _s.VisitRowAsync(id);
        Assert.Equal(VisitStatus.Planned, row.Status);
        Assert.Equal(version, row.Version);
    }

    [Fact]
    public async Task The_actual_time_cannot_be_in_the_future()
    {
        var id = await _s.PlannedVisitAsync();
        var version = (await _s.Visits.GetAsync(_s.Leader1, id)).Version;

        var error = await Assert.ThrowsAsync<PortalValidationException>(() => _s.Visits.RecordOutcomeAsync(_s.Leader1, id,
            new VisitOutcome { Version = version, ActualStart = _s.Clock.GetLocalNow().DateTime.AddHours(2), Record = "提前写好的记录" }));

        Assert.Equal("实际家访时间不能晚于现在。", error.Errors[nameof(VisitOutcome.ActualStart)]);
    }

    [Fact]
    public async Task A_recorded_visit_is_done_with_the_family_met_and_cannot_be_recorded_again()
    {
        var id = await _s.PlannedVisitAsync();
        var version = (await _s.Visits.GetAsync(_s.Leader1, id)).Version;
        var actual = _s.Clock.GetLocalNow().DateTime.AddHours(-2);

        await _s.Visits.RecordOutcomeAsync(_s.Leader1, id, new VisitOutcome
        {
            Version = version, ActualStart = actual, Record = "  与张老师及配偶座谈。 ", FamilyMetIds = [_s.StaffOneSpouse.Id],
        });

        var done = await _s.Visits.GetAsync(_s.Leader1, id);
        Assert.Equal(VisitStatus.Done, done.Status);
        Assert.Equal("与张老师及配偶座谈。", done.Record);
        Assert.Equal(actual, done.ActualStart);
        Assert.Equal([_s.StaffOneSpouse.Id], done.FamilyMetIds);
        Assert.False(done.CanRecord);

        var again = await Assert.ThrowsAsync<PortalValidationException>(() => _s.Visits.RecordOutcomeAsync(_s.Leader1, id,
            new VisitOutcome { Version = done.Version, ActualStart = actual, Record = "改写的记录" }));
        Assert.Equal("该家访已完成或已取消，不能再次登记。", again.Errors[nameof(VisitOutcome.Record)]);
        Assert.Equal("与张老师及配偶座谈。", (await _s.VisitRowAsync(id)).Record);
    }

    [Fact]
    public async Task Family_met_must_belong_to_the_people_visited()
    {
        var plan = _s.PlanForLeaderOne();
        plan.TargetPersonIds = [_s.StaffTwo.Id];
        var id = await _s.Visits.SavePlanAsync(_s.Leader1, plan);
        var version = (await _s.Visits.GetAsync(_s.Leader1, id)).Version;

        var error = await Assert.ThrowsAsync<PortalValidationException>(() => _s.Visits.RecordOutcomeAsync(_s.Leader1, id, new VisitOutcome
        {
            Version = version, ActualStart = _s.Clock.GetLocalNow().DateTime, Record = "记录", FamilyMetIds = [_s.StaffOneSpouse.Id],
        }));

        Assert.Equal("所选家属不属于家访对象。", error.Errors[nameof(VisitOutcome.FamilyMetIds)]);
    }

    [Fact]
    public async Task Cancelling_needs_a_reason_and_a_cancelled_visit_stays_cancelled()
    {
        var id = await _s.PlannedVisitAsync();
        var version = (await _s.Visits.GetAsync(_s.Leader1, id)).Version;

        var error = await Assert.ThrowsAsync<PortalValidationException>(() => _s.Visits.CancelAsync(_s.Leader1, id, version, " "));
        Assert.Equal("请填写取消原因。", error.Errors["CancelReason"]);
        Assert.Equal(VisitStatus.Planned, (await _s.VisitRowAsync(id)).Status);

        await _s.Visits.CancelAsync(_s.Leader1, id, version, "被访人出差");
        var row = await _s.VisitRowAsync(id);
        Assert.Equal(VisitStatus.Cancelled, row.Status);
        Assert.Equal("被访人出差", row.CancelReason);

        await Assert.ThrowsAsync<PortalValidationException>(() => _s.Visits.RecordOutcomeAsync(_s.Leader1, id,
            new VisitOutcome { Version = row.Version, ActualStart = _s.Clock.GetLocalNow().DateTime, Record = "记录" }));
        var plan = await _s.Visits.GetPlanAsync(_s.Leader1, id);
        await Assert.ThrowsAsync<PortalValidationException>(() => _s.Visits.SavePlanAsync(_s.Leader1, plan));
    }

    [Fact]
    public async Task Two_users_change_the_same_version_the_first_wins_and_the_second_gets_a_conflict()
    {
        // 李院长 and 组织部 open the visit at the same version; 李院长 marks it notified, 组织部 then records it.
        var id = await _s.PlannedVisitAsync();
        var seenByLeader = await _s.Visits.GetAsync(_s.Leader1, id);
        var seenByZuzhi = await _s.Visits.GetAsync(_s.Zuzhi, id);
        Assert.Equal(seenByLeader.Version, seenByZuzhi.Version);

        await _s.Visits.MarkNotifiedAsync(_s.Leader1, id, seenByLeader.Version);
        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => _s.Visits.RecordOutcomeAsync(_s.Zuzhi, id,
            new VisitOutcome { Version = seenByZuzhi.Version, ActualStart = _s.Clock.GetLocalNow().DateTime, Record = "组织部的记录" }));

        Assert.Equal("该记录已被他人修改，请重新加载后再编辑。", conflict.Message);
        var row = await _s.VisitRowAsync(id);
        Assert.Equal(VisitStatus.Notified, row.Status);
        Assert.Null(row.Record);
        Assert.Null(row.ActualStart);
    }

    [Fact]
    public async Task A_second_record_from_the_same_version_is_refused_and_the_first_record_stays()
    {
        var id = await _s.PlannedVisitAsync();
        var version = (await _s.Visits.GetAsync(_s.Leader1, id)).Version;
        var now = _s.Clock.GetLocalNow().DateTime;

        await _s.Visits.RecordOutcomeAsync(_s.Leader1, id, new VisitOutcome { Version = version, ActualStart = now, Record = "李院长的记录" });
        await Assert.ThrowsAsync<PortalValidationException>(() => _s.Visits.RecordOutcomeAsync(_s.Zuzhi, id,
            new VisitOutcome { Version = version, ActualStart = now.AddMinutes(-30), Record = "组织部的记录" }));

        var row = await _s.VisitRowAsync(id);
        Assert.Equal("李院长的记录", row.Record);
        Assert.Equal(now, row.ActualStart);
    }

    [Fact]
    public async Task A_plan_change_from_a_stale_copy_is_refused_and_changes_nothing()
    {
        var id = await _s.PlannedVisitAsync();
        var first = await _s.Visits.GetPlanAsync(_s.Leader1, id);
        var stale = await _s.Visits.GetPlanAsync(_s.Zuzhi, id);
        first.Place = "学院会议室";
        stale.Place = "组织部办公室";
        stale.VisitorIds = [_s.LeaderOne.Id, _s.DisciplinePerson.Id]; // 纪委 may visit in 廉政家访 (seed 1 §3)

        await _s.Visits.SavePlanAsync(_s.Leader1, first);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => _s.Visits.SavePlanAsync(_s.Zuzhi, stale));

        var detail = await _s.Visits.GetAsync(_s.Leader1, id);
        Assert.Equal("学院会议室", detail.Place);
        Assert.Equal(["李院长"], detail.Visitors.Select(v => v.Name).ToArray());
        Assert.Equal("张老师", Assert.Single(detail.Targets).Name);
    }

    [Fact]
    public async Task Re_planning_keeps_one_set_of_visitors_and_targets()
    {
        var id = await _s.PlannedVisitAsync();
        var plan = await _s.Visits.GetPlanAsync(_s.Leader1, id);
        plan.VisitorIds = [_s.LeaderOne.Id, _s.DisciplinePerson.Id];
        plan.RecorderId = _s.DisciplinePerson.Id;
        plan.TargetPersonIds = [_s.StaffTwo.Id];

        await _s.Visits.SavePlanAsync(_s.Leader1, plan);

        var detail = await _s.Visits.GetAsync(_s.Leader1, id);
        Assert.Equal(["李院长", "纪委干事"], detail.Visitors.Select(v => v.Name).Order().ToArray());
        Assert.Equal("纪委干事", Assert.Single(detail.Visitors, v => v.IsRecorder).Name);
        Assert.Equal("赵老师", Assert.Single(detail.Targets).Name);
        Assert.Equal(2, await _s.ReadAsync(db => db.VisitVisitors.CountAsync(v => v.VisitId == id)));
        Assert.Equal(1, await _s.ReadAsync(db => db.VisitTargets.CountAsync(t => t.VisitId == id)));
    }

    [Fact]
    public async Task Reading_a_visit_is_audited()
    {
        var id = await _s.PlannedVisitAsync();

        await _s.Visits.GetAsync(_s.Jiwei, id);

        var entry = await _s.ReadAsync(db => db.AuditEntries.AsNoTracking()
            .SingleAsync(a => a.Action == "read" && a.EntityType == nameof(Visit)));
        Assert.Equal(id.ToString(), entry.EntityId);
        Assert.Equal("jiwei", entry.UserName);
    }
}

public sealed class VisitServiceTestsOnSqlite() : VisitServiceTests(PortalDatabaseProvider.Sqlite);

public sealed class VisitServiceTestsOnPostgreSql() : VisitServiceTests(PortalDatabaseProvider.PostgreSQL);
