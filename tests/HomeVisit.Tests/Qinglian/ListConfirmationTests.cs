using HomeVisit.Core.Accounts;
using HomeVisit.Core.Data;
using HomeVisit.Core.People;
using HomeVisit.Core.Visits;
using HomeVisit.Programmes.Qinglian;
using Microsoft.EntityFrameworkCore;

namespace HomeVisit.Tests.Qinglian;

/// <summary>
/// Issue 16 item 8, seed 3 三、1 “综合部负责……确定家访对象名单”: the half year's household list is confirmed by the role the
/// rules name (default 综合部) before any visit of that half year is planned, on every route (the general 安排家访 form,
/// the household page, the calendar), and confirmed again after it changes.
/// </summary>
public sealed class ListConfirmationTests : IDisposable
{
    private const string NotConfirmed = "2026年下半年的家访名单尚未确认：请综合部（名单确认角色）在“家访对象家庭”中确认名单后再安排家访（三、1）。";

    private readonly QinglianWorld _w = new(listCheck: true);

    public void Dispose() => _w.Dispose();

    private VisitPlan GeneralPlan(DateTime at) => new()
    {
        ProgrammeKey = QinglianProgramme.Key, Form = VisitForm.HomeVisit, PlannedStart = at, DurationMinutes = 60,
        VisitorIds = [_w.S.LeaderOne.Id], TargetPersonIds = [_w.StaffOne],
    };

    [Fact]
    public async Task The_general_form_refuses_a_visit_until_the_half_years_list_is_confirmed_beside_the_date()
    {
        var error = await Assert.ThrowsAsync<PortalValidationException>(() =>
            _w.Visits.SavePlanAsync(_w.S.Leader1, GeneralPlan(new DateTime(2026, 11, 27, 19, 0, 0))));

        Assert.Equal(NotConfirmed, error.Errors[nameof(VisitPlan.PlannedStart)]);
        Assert.False(await _w.S.ReadAsync(db => db.Visits.AnyAsync()));
        await _w.Lists.ConfirmAsync(_w.GeneralAffairs);
        Assert.True(await _w.Visits.SavePlanAsync(_w.S.Leader1, GeneralPlan(new DateTime(2026, 11, 27, 19, 0, 0))) > 0);
    }

    [Fact]
    public async Task The_household_page_refuses_a_visit_until_the_list_is_confirmed()
    {
        var error = await Assert.ThrowsAsync<PortalValidationException>(() => _w.PlanAsync(new DateTime(2026, 11, 27, 19, 0, 0)));

        Assert.Equal(NotConfirmed, error.Errors[nameof(VisitPlan.PlannedStart)]);
        await _w.Lists.ConfirmAsync(_w.GeneralAffairs);
        Assert.True(await _w.PlanAsync(new DateTime(2026, 11, 27, 19, 0, 0)) > 0);
    }

    [Fact]
    public async Task A_calendar_move_into_a_half_year_whose_list_is_not_confirmed_is_refused_and_the_visit_stays()
    {
        await _w.Lists.ConfirmAsync(_w.GeneralAffairs);
        var id = await _w.Visits.SavePlanAsync(_w.S.Leader1, GeneralPlan(new DateTime(2026, 12, 28, 19, 0, 0)));
        var version = (await _w.S.VisitRowAsync(id)).Version;

        var error = await Assert.ThrowsAsync<PortalValidationException>(() =>
            _w.Visits.RescheduleAsync(_w.S.Leader1, id, version, new DateTime(2027, 1, 8, 19, 0, 0)));

        Assert.Equal("2027年上半年的家访名单尚未确认：请综合部（名单确认角色）在“家访对象家庭”中确认名单后再安排家访（三、1）。",
            error.Errors[nameof(VisitPlan.PlannedStart)]);
        Assert.Equal(new DateTime(2026, 12, 28, 19, 0, 0), (await _w.S.VisitRowAsync(id)).PlannedStart);
        // Inside its own half year the visit moves freely: that list was confirmed when it was planned.
        await _w.Visits.RescheduleAsync(_w.S.Leader1, id, version, new DateTime(2026, 12, 29, 19, 0, 0));
        await _w.Lists.ConfirmAsync(_w.GeneralAffairs, next: true);
        await _w.Visits.RescheduleAsync(_w.S.Leader1, id, (await _w.S.VisitRowAsync(id)).Version, new DateTime(2027, 1, 8, 19, 0, 0));
        Assert.Equal(new DateTime(2027, 1, 8, 19, 0, 0), (await _w.S.VisitRowAsync(id)).PlannedStart);
    }

    [Fact]
    public async Task In_the_last_days_of_a_half_year_the_general_affairs_office_confirms_the_coming_ones_list_ahead_so_its_first_visits_can_be_planned()
    {
        _w.SetBeijing(new DateTime(2026, 12, 29, 9, 0, 0));
        var early = GeneralPlan(new DateTime(2027, 1, 2, 19, 0, 0)); // three days' written notice reaches into the new half year
        var error = await Assert.ThrowsAsync<PortalValidationException>(() => _w.Visits.SavePlanAsync(_w.S.Leader1, early));
        Assert.Equal("2027年上半年的家访名单尚未确认：请综合部（名单确认角色）在“家访对象家庭”中确认名单后再安排家访（三、1）。",
            error.Errors[nameof(VisitPlan.PlannedStart)]);

        var coming = await _w.Lists.NextStatusAsync(_w.GeneralAffairs);
        Assert.Equal(new DateOnly(2027, 1, 1), coming.Period.Start);
        Assert.False(coming.Confirmed);
        Assert.True(coming.CanConfirm);
        Assert.False((await _w.Lists.NextStatusAsync(_w.S.Leader1)).CanConfirm);
        await Assert.ThrowsAsync<AccessDeniedException>(() => _w.Lists.ConfirmAsync(_w.S.Leader1, next: true));

        await _w.Lists.ConfirmAsync(_w.GeneralAffairs, next: true);

        coming = await _w.Lists.NextStatusAsync(_w.S.Leader1);
        Assert.True(coming.Confirmed);
        Assert.Equal(_w.GeneralAffairs.DisplayName, coming.ConfirmedBy);
        Assert.False((await _w.Lists.NextStatusAsync(_w.GeneralAffairs)).CanConfirm);
        // This half year's list is another list: still to be confirmed.
        Assert.False((await _w.Lists.StatusAsync(_w.S.Leader1)).Confirmed);
        Assert.True(await _w.Visits.SavePlanAsync(_w.S.Leader1, GeneralPlan(new DateTime(2027, 1, 2, 19, 0, 0))) > 0);
    }

    [Fact]
    public async Task A_staff_member_added_after_confirmation_waits_for_the_list_to_be_confirmed_again_while_the_others_are_still_visited()
    {
        await _w.Lists.ConfirmAsync(_w.GeneralAffairs);
        int newcomer;
        await using (var db = _w.S.Context())
        {
            // A new colleague joins (a roster import, say): the list the 综合部 confirmed does not hold them.
            var person = new Person { InstitutionId = _w.S.InstitutionA, Name = "新同事", StaffNumber = "N-0001", UnitId = _w.S.StaffOne.UnitId };
            db.People.Add(person);
            await db.SaveChangesAsync();
            newcomer = person.Id;
        }

        var status = await _w.Lists.StatusAsync(_w.GeneralAffairs);
        Assert.False(status.Confirmed);
        Assert.True(status.Changed);
        Assert.True(status.CanConfirm);
        // What the 综合部 would confirm: who came.
        Assert.Equal((1, 0), (status.Change!.Added, status.Change.Removed));
        Assert.Equal(["新同事"], status.Change.AddedNames);
        Assert.Equal("新增 1 人：新同事", status.Change.Message().ToString());
        // Everyone on the list can still be visited: a new hire does not stop the institution's visits.
        var planned = await _w.PlanAsync(new DateTime(2026, 11, 27, 19, 0, 0));
        Assert.True(planned > 0);
        // Nor can the newcomer be slipped into a visit already planned: the edit is refused for the person it adds.
        var edit = await _w.Visits.GetPlanAsync(_w.S.Leader1, planned);
        edit.TargetPersonIds = [.. edit.TargetPersonIds, newcomer];
        var sideDoor = await Assert.ThrowsAsync<PortalValidationException>(() => _w.Visits.SavePlanAsync(_w.S.Leader1, edit));
        Assert.StartsWith("新同事不在", sideDoor.Errors[nameof(VisitPlan.PlannedStart)]);
        Assert.Equal([_w.StaffOne], await _w.S.ReadAsync(db => db.VisitTargets.Where(t => t.VisitId == planned).Select(t => t.PersonId!.Value).ToListAsync()));
        // The newcomer cannot, on any route, until the list is confirmed again; the message names them beside the date.
        var plan = GeneralPlan(new DateTime(2026, 11, 28, 19, 0, 0));
        plan.TargetPersonIds = [newcomer];
        var error = await Assert.ThrowsAsync<PortalValidationException>(() => _w.Visits.SavePlanAsync(_w.S.Leader1, plan));
        Assert.Equal("新同事不在2026年下半年已确认的家访名单中：请综合部（名单确认角色）在“家访对象家庭”中重新确认名单后再安排家访（三、1）。",
            error.Errors[nameof(VisitPlan.PlannedStart)]);
        var householdPage = await Assert.ThrowsAsync<PortalValidationException>(() => _w.PlanAsync(new DateTime(2026, 11, 28, 19, 0, 0), personId: newcomer));
        Assert.Contains("新同事不在", householdPage.Errors[nameof(VisitPlan.PlannedStart)]);

        await _w.Lists.ConfirmAsync(_w.GeneralAffairs);
        Assert.True((await _w.Lists.StatusAsync(_w.S.Leader1)).Confirmed);
        Assert.Null((await _w.Lists.StatusAsync(_w.S.Leader1)).Change);
        Assert.True(await _w.PlanAsync(new DateTime(2026, 11, 28, 19, 0, 0), personId: newcomer) > 0);
    }

    [Fact]
    public async Task The_change_names_the_first_five_newcomers_and_counts_those_gone_from_the_staff()
    {
        int leaving;
        await using (var db = _w.S.Context())
        {
            var person = new Person { InstitutionId = _w.S.InstitutionA, Name = "离校者", StaffNumber = "L-0001", UnitId = _w.S.StaffOne.UnitId };
            db.People.Add(person);
            await db.SaveChangesAsync();
            leaving = person.Id;
        }
        await _w.Lists.ConfirmAsync(_w.GeneralAffairs);
        var households = (await _w.Lists.StatusAsync(_w.S.Leader1)).Households;
        await using (var db = _w.S.Context())
        {
            // Removed from the roster by hand (the portal itself never deletes a person): the kept member goes with the row.
            await db.People.Where(p => p.Id == leaving).ExecuteDeleteAsync();
        }

        var status = await _w.Lists.StatusAsync(_w.S.Leader1);
        Assert.False(status.Confirmed);
        Assert.True(status.Changed);
        Assert.Equal(households - 1, status.Households);
        Assert.Equal("减少 1 人", status.Change!.Message().ToString());

        await using (var db = _w.S.Context())
        {
            for (var i = 1; i <= 6; i++)
                db.People.Add(new Person { InstitutionId = _w.S.InstitutionA, Name = $"新人{i}", StaffNumber = $"N-{i:D4}", UnitId = _w.S.StaffOne.UnitId });
            await db.SaveChangesAsync();
        }
        status = await _w.Lists.StatusAsync(_w.S.Leader1);
        Assert.Equal(households + 5, status.Households);
        Assert.Equal("新增 6 人：新人1、新人2、新人3、新人4、新人5等；减少 1 人", status.Change!.Message().ToString());
    }

    [Fact]
    public async Task A_family_member_registered_after_confirmation_leaves_the_list_confirmed()
    {
        await _w.Lists.ConfirmAsync(_w.GeneralAffairs);
        await using (var db = _w.S.Context())
        {
            // 赵老师's spouse is registered: a household's particulars change, the list of households does not.
            db.FamilyMembers.Add(new FamilyMember
            {
                InstitutionId = _w.S.InstitutionA, PersonId = _w.S.StaffTwo.Id, Relation = FamilyRelation.Spouse, Name = "赵妻", LivesLocally = true,
            });
            await db.SaveChangesAsync();
        }

        Assert.True((await _w.Lists.StatusAsync(_w.S.Leader1)).Confirmed);
        Assert.True(await _w.PlanAsync(new DateTime(2026, 11, 27, 19, 0, 0)) > 0);
    }

    [Fact]
    public async Task Only_the_role_the_rules_name_confirms_and_the_confirmation_records_who_and_when_and_is_audited()
    {
        Assert.False((await _w.Lists.StatusAsync(_w.S.Leader1)).CanConfirm);
        Assert.False((await _w.Lists.StatusAsync(_w.S.Admin)).CanConfirm);
        await Assert.ThrowsAsync<AccessDeniedException>(() => _w.Lists.ConfirmAsync(_w.S.Leader1));
        await Assert.ThrowsAsync<AccessDeniedException>(() => _w.Lists.ConfirmAsync(_w.S.Admin));

        await _w.Lists.ConfirmAsync(_w.GeneralAffairs);

        var status = await _w.Lists.StatusAsync(_w.S.Leader1);
        Assert.True(status.Confirmed);
        Assert.Equal(_w.GeneralAffairs.DisplayName, status.ConfirmedBy);
        Assert.Equal(_w.S.Clock.GetUtcNow().UtcDateTime, status.ConfirmedAt);
        Assert.False((await _w.Lists.StatusAsync(_w.GeneralAffairs)).CanConfirm);
        Assert.True(await _w.S.ReadAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == nameof(QinglianListConfirmation) && a.UserId == _w.S.Admin.UserId)));
    }

    [Fact]
    public async Task The_confirming_role_is_set_in_the_programmes_rules_without_code()
    {
        var rules = await _w.S.Rules.CurrentRulesAsync(_w.S.InstitutionA, QinglianProgramme.Key);
        rules.ListConfirmerRole = Roles.Office;
        await _w.S.Rules.SaveAsync(_w.S.Admin, QinglianProgramme.Key, rules, DateOnly.FromDateTime(_w.S.Clock.Today), "名单由办公室确认");
        var office = _w.S.Admin with { Roles = new HashSet<string> { Roles.Office } };

        await Assert.ThrowsAsync<AccessDeniedException>(() => _w.Lists.ConfirmAsync(_w.GeneralAffairs));
        Assert.True((await _w.Lists.StatusAsync(office)).CanConfirm);
        await _w.Lists.ConfirmAsync(office);
        Assert.True(await _w.PlanAsync(new DateTime(2026, 11, 27, 19, 0, 0)) > 0);
    }
}
