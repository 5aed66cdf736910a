using HomeVisit.Core.Data;
using HomeVisit.Core.Institutions;
using HomeVisit.Core.People;
using HomeVisit.Programmes.Qinglian;
using HomeVisit.Core.Visits;
using HomeVisit.Tests.Services;
using Microsoft.EntityFrameworkCore;

namespace HomeVisit.Tests.Qinglian;

/// <summary>Seed 3 二: the family scope, who visits whom, and one visit per household each half year (二、2).</summary>
public sealed class HouseholdTests : IDisposable
{
    private readonly QinglianWorld _w = new();

    public void Dispose() => _w.Dispose();

    [Fact]
    public async Task A_visit_done_at_23_59_on_30_June_counts_for_the_first_half_year_and_not_for_the_second()
    {
        _w.SetBeijing(new DateTime(2026, 6, 20, 10, 0, 0));
        var id = await _w.PlanAsync(new DateTime(2026, 6, 30, 23, 0, 0));
        _w.SetBeijing(new DateTime(2026, 6, 30, 23, 59, 30));
        await _w.RecordAsync(id, new DateTime(2026, 6, 30, 23, 59, 0));

        var june = await _w.Households.ListAsync(_w.S.Leader1, new HouseholdQuery(PageSize: 200));
        var row = june.Rows.Items.Single(r => r.PersonId == _w.StaffOne);
        Assert.Equal("2026年上半年", june.Period.Label);
        Assert.Equal(HouseholdStatus.Visited, row.Status);
        Assert.Equal(id, row.VisitId);

        _w.SetBeijing(new DateTime(2026, 7, 1, 0, 0, 0));
        var july = await _w.Households.ListAsync(_w.S.Leader1, new HouseholdQuery(PageSize: 200));
        Assert.Equal("2026年下半年", july.Period.Label);
        Assert.Equal(HouseholdStatus.Due, july.Rows.Items.Single(r => r.PersonId == _w.StaffOne).Status);
        Assert.Equal(HouseholdStatus.Due, (await _w.Households.GetAsync(_w.S.Leader1, _w.StaffOne)).Status);
        // And a new plan in the second half year is not a repeat: no confirmation asked for.
        _w.SetBeijing(new DateTime(2026, 7, 1, 9, 0, 0));
        await _w.PlanAsync(new DateTime(2026, 7, 6, 19, 0, 0));
    }

    [Fact]
    public async Task A_visit_at_00_00_on_1_July_counts_for_the_second_half_year_only()
    {
        _w.SetBeijing(new DateTime(2026, 6, 20, 10, 0, 0));
        var id = await _w.PlanAsync(new DateTime(2026, 7, 1, 0, 0, 0));

        _w.SetBeijing(new DateTime(2026, 6, 30, 23, 59, 0));
        Assert.Equal(HouseholdStatus.Due, (await _w.RowAsync(_w.S.Leader1, _w.StaffOne)).Status);

        _w.SetBeijing(new DateTime(2026, 7, 1, 0, 0, 0));
        Assert.Equal(HouseholdStatus.Scheduled, (await _w.RowAsync(_w.S.Leader1, _w.StaffOne)).Status);
        _w.SetBeijing(new DateTime(2026, 7, 1, 0, 30, 0));
        await _w.RecordAsync(id, new DateTime(2026, 7, 1, 0, 0, 0));

        var row = await _w.RowAsync(_w.S.Leader1, _w.StaffOne);
        Assert.Equal(HouseholdStatus.Visited, row.Status);
        Assert.Equal(new DateTime(2026, 7, 1, 0, 0, 0), row.VisitedAt);
    }

    [Fact]
    public async Task A_second_visit_in_the_same_half_year_is_allowed_only_when_confirmed()
    {
        var first = await _w.PlanAsync(_w.S.Clock.Today.AddDays(3).AddHours(19));
        _w.S.Clock.Advance(TimeSpan.FromDays(4));
        await _w.RecordAsync(first, _w.S.Clock.Today.AddHours(-5));

        var error = await Assert.ThrowsAsync<PortalValidationException>(() => _w.PlanAsync(_w.S.Clock.Today.AddDays(10).AddHours(19)));
        Assert.True(error.IsWarning);
        Assert.StartsWith("本半年已家访过（2026年下半年，2026-11-23）", error.Errors[nameof(QinglianPlan.PlannedStart)]);
        Assert.Equal(1, await _w.S.ReadAsync(db => db.Visits.CountAsync()));

        var second = await _w.PlanAsync(_w.S.Clock.Today.AddDays(10).AddHours(19), confirmRepeat: true);
        Assert.Equal(VisitStatus.Planned, (await _w.S.VisitRowAsync(second)).Status);
        // The household stays visited this half year; the extra visit does not undo it.
        Assert.Equal(HouseholdStatus.Visited, (await _w.RowAsync(_w.S.Leader1, _w.StaffOne)).Status);
    }

    [Fact]
    public async Task A_household_with_a_visit_planned_is_scheduled_and_planning_another_is_warned()
    {
        await _w.PlanAsync(new DateTime(2026, 11, 27, 19, 0, 0));

        var row = await _w.RowAsync(_w.S.Leader1, _w.StaffOne);
        Assert.Equal(HouseholdStatus.Scheduled, row.Status);
        Assert.Equal(new DateTime(2026, 11, 27, 19, 0, 0), row.ScheduledFor);
        Assert.Equal(NoticeState.NotSent, row.Notice!.State);
        Assert.Equal(new DateOnly(2026, 11, 24), row.Notice.LatestSendDay);

        var error = await Assert.ThrowsAsync<PortalValidationException>(() => _w.PlanAsync(new DateTime(2026, 12, 10, 19, 0, 0)));
        Assert.Contains("本半年已安排家访（2026-11-27 19:00）", error.Errors[nameof(QinglianPlan.PlannedStart)]);
        // Next half year is another matter.
        await _w.PlanAsync(new DateTime(2027, 1, 8, 19, 0, 0));
    }

    [Fact]
    public async Task The_family_in_scope_is_the_spouse_and_the_children_and_parents_who_live_locally()
    {
        var row = await _w.RowAsync(_w.S.Leader1, _w.StaffOne);

        Assert.Equal(["张妻", "张小明", "张父"], row.Family.Select(f => f.Name));
        var detail = await _w.Households.GetAsync(_w.S.Leader1, _w.StaffOne);
        Assert.Equal(["张妻", "张小明", "张父"], detail.Family.Where(f => f.InScope).Select(f => f.Name));
        Assert.Equal(["张小红", "李岳父", "张叔"], detail.Family.Where(f => !f.InScope).Select(f => f.Name));
        Assert.True(await _w.S.ReadAsync(db => db.AuditEntries.AnyAsync(a =>
            a.Action == "read" && a.EntityType == nameof(Person) && a.EntityId == _w.StaffOne.ToString() && a.UserName == "leader1")));
    }

    [Fact]
    public async Task A_leader_sees_the_households_of_the_units_they_lead_and_no_others()
    {
        var one = await _w.Households.ListAsync(_w.S.Leader1, new HouseholdQuery(PageSize: 200));
        var two = await _w.Households.ListAsync(_w.S.Leader2, new HouseholdQuery(PageSize: 200));
        var staff = await _w.Households.ListAsync(_w.S.Staff1, new HouseholdQuery(PageSize: 200));
        var admin = await _w.Households.ListAsync(_w.S.Admin, new HouseholdQuery(PageSize: 200));

        // 李院长 oversees 甲学院: 张老师 and the 23 teachers of 甲系, never himself.
        Assert.Contains(one.Rows.Items, r => r.PersonId == _w.StaffOne);
        Assert.DoesNotContain(one.Rows.Items, r => r.PersonId == _w.S.StaffTwo.Id || r.PersonId == _w.S.LeaderOne.Id);
        Assert.Equal(1 + Scenario.ExtraTeachers, one.Counts.Total);
        Assert.Equal([_w.S.StaffTwo.Id], two.Rows.Items.Select(r => r.PersonId));
        Assert.False(staff.HasScope);
        Assert.Empty(staff.Rows.Items);
        Assert.True(admin.SeesAll);
        Assert.Contains(admin.Rows.Items, r => r.PersonId == _w.S.StaffTwo.Id);

        await Assert.ThrowsAsync<AccessDeniedException>(() => _w.PlanAsync(_w.S.Clock.Today.AddDays(5).AddHours(19), personId: _w.S.StaffTwo.Id));
        await Assert.ThrowsAsync<NotFoundException>(() => _w.Households.GetAsync(_w.S.Leader2, _w.StaffOne));
    }

    [Fact]
    public async Task A_deputy_visits_the_units_staff_but_not_the_head_who_is_visited_by_the_head_himself()
    {
        var teachers = await _w.S.ReadAsync(db => db.People.Where(p => p.StaffNumber == "T001" || p.StaffNumber == "T002").OrderBy(p => p.StaffNumber).ToListAsync());
        await using (var db = _w.S.Context())
        {
            db.UnitLeaderships.RemoveRange(db.UnitLeaderships.Where(l => l.PersonId == _w.S.LeaderOne.Id));
            db.UnitLeaderships.Add(new UnitLeadership { InstitutionId = _w.S.InstitutionA, UnitId = _w.S.CollegeJia, PersonId = _w.S.LeaderOne.Id, Role = LeadershipRole.Deputy });
            db.UnitLeaderships.Add(new UnitLeadership { InstitutionId = _w.S.InstitutionA, UnitId = _w.S.CollegeJia, PersonId = teachers[0].Id, Role = LeadershipRole.Head });
            // A head whose term ended is no longer one.
            db.UnitLeaderships.Add(new UnitLeadership
            {
                InstitutionId = _w.S.InstitutionA, UnitId = _w.S.CollegeJia, PersonId = teachers[1].Id, Role = LeadershipRole.Head, EndsOn = new DateOnly(2025, 12, 31),
            });
            await db.SaveChangesAsync();
        }

        var deputy = await _w.Households.ListAsync(_w.S.Leader1, new HouseholdQuery(PageSize: 200));

        Assert.DoesNotContain(deputy.Rows.Items, r => r.PersonId == teachers[0].Id);
        Assert.Contains(deputy.Rows.Items, r => r.PersonId == teachers[1].Id);
        Assert.Contains(deputy.Rows.Items, r => r.PersonId == _w.StaffOne);
    }

    [Fact]
    public async Task Filters_count_and_page_in_the_database()
    {
        await _w.PlanAsync(new DateTime(2026, 11, 27, 19, 0, 0));

        var scheduled = await _w.Households.ListAsync(_w.S.Leader1, new HouseholdQuery(Status: HouseholdStatus.Scheduled));
        var due = await _w.Households.ListAsync(_w.S.Leader1, new HouseholdQuery(Status: HouseholdStatus.Due, PageSize: 5, Page: 2));
        var search = await _w.Households.ListAsync(_w.S.Leader1, new HouseholdQuery(Search: "张老"));

        Assert.Equal([_w.StaffOne], scheduled.Rows.Items.Select(r => r.PersonId));
        Assert.Equal(new HouseholdCounts(Scenario.ExtraTeachers, 1, 0), due.Counts);
        Assert.Equal(Scenario.ExtraTeachers, due.Rows.Total);
        Assert.Equal(5, due.Rows.Items.Count);
        Assert.All(due.Rows.Items, r => Assert.Equal(HouseholdStatus.Due, r.Status));
        Assert.Equal([_w.StaffOne], search.Rows.Items.Select(r => r.PersonId));
    }

    [Fact]
    public async Task Another_leaders_visit_shows_on_the_household_by_date_and_state_only()
    {
        // The discipline office (an overseer) visits 张老师's family; 李院长 is responsible for the household.
        var plan = new QinglianPlan
        {
            PersonId = _w.StaffOne, PlannedStart = new DateTime(2026, 11, 25, 19, 0, 0), VisitorIds = [_w.S.DisciplinePerson.Id],
        };
        var id = await _w.Households.PlanAsync(_w.S.Jiwei, plan);

        var row = await _w.RowAsync(_w.S.Leader1, _w.StaffOne);
        var detail = await _w.Households.GetAsync(_w.S.Leader1, _w.StaffOne);

        Assert.Equal(HouseholdStatus.Scheduled, row.Status);
        Assert.Null(row.VisitId);
        var visit = Assert.Single(detail.Visits);
        Assert.Equal(id, visit.Id);
        Assert.False(visit.Visible);
        Assert.Null(visit.Visitors);
    }
}
