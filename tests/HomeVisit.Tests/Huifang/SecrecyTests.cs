using HomeVisit.Core.Audit;
using HomeVisit.Core.Data;
using HomeVisit.Core.FollowUps;
using HomeVisit.Programmes.Huifang;
using HomeVisit.Core.Visits;

namespace HomeVisit.Tests.Huifang;

/// <summary>
/// Nobody but the discipline office and the case management office reaches anything of sanctions through the
/// services: not the records, not the revisits (even named as owner of an item), not their audit entries.
/// </summary>
public sealed class SecrecyTests : IDisposable
{
    private readonly HuifangWorld _w = new();

    private async Task<(int Record, int Visit)> RevisitAsync()
    {
        var record = await _w.WarningAsync(_w.S.StaffOne, DateOnly.FromDateTime(_w.S.Clock.Today).AddMonths(-2));
        var visit = await _w.Revisits.PlanAsync(_w.Anguan, _w.Plan(record));
        return (record, visit);
    }

    [Fact]
    public async Task Other_roles_get_not_found_for_records_revisits_and_their_forms()
    {
        var (record, visit) = await RevisitAsync();

        foreach (var other in _w.Others)
        {
            await Assert.ThrowsAsync<NotFoundException>(() => _w.Sanctions.ListAsync(other, new SanctionQuery()));
            await Assert.ThrowsAsync<NotFoundException>(() => _w.Sanctions.GetAsync(other, record));
            await Assert.ThrowsAsync<NotFoundException>(() => _w.Revisits.GetAsync(other, visit));
            await Assert.ThrowsAsync<NotFoundException>(() => _w.Revisits.RegistrationFormAsync(other, visit));
            await Assert.ThrowsAsync<NotFoundException>(() => _w.Visits.GetAsync(other, visit));
        }
        Assert.Equal(record, (await _w.Sanctions.GetAsync(_w.Jiwei, record)).Id);
        Assert.Equal(visit, (await _w.Revisits.GetAsync(_w.Jiwei, visit)).VisitId);
    }

    [Fact]
    public async Task Searching_visits_by_the_persons_name_finds_no_revisit_for_other_roles()
    {
        var (_, visit) = await RevisitAsync();

        foreach (var other in _w.Others)
        {
            var found = await _w.Visits.ListAsync(other, new VisitQuery(Search: "张老师", PageSize: 200));
            Assert.DoesNotContain(found.Items, v => v.Id == visit || v.ProgrammeKey == "huifang");
            Assert.Empty((await _w.Visits.ListAsync(other, new VisitQuery(ProgrammeKey: "huifang"))).Items);
        }
        Assert.Contains((await _w.Visits.ListAsync(_w.Jiwei, new VisitQuery(Search: "张老师"))).Items, v => v.Id == visit);
    }

    [Fact]
    public async Task A_revisits_follow_up_item_cannot_be_given_to_a_leader_and_stays_hidden_from_one_named_as_owner()
    {
        var (_, visit) = await RevisitAsync();
        var refused = await Assert.ThrowsAsync<PortalValidationException>(() => _w.FollowUps.RaiseAsync(_w.Anguan, new FollowUpRaise
        {
            VisitId = visit, Kind = FollowUpKind.Difficulty, Summary = "受处分人员家庭困难", OwnerPersonId = _w.S.LeaderOne.Id,
        }));
        Assert.Equal("所选责任人无权查看本项目的事项。", refused.Errors[nameof(FollowUpRaise.OwnerPersonId)]);

        // Even an item that names a leader as owner (say, entered before the rule) stays hidden from them, reminders included.
        var item = await _w.FollowUps.RaiseAsync(_w.Anguan, new FollowUpRaise
        {
            VisitId = visit, Kind = FollowUpKind.Difficulty, Summary = "受处分人员家庭困难", Deadline = _w.S.Clock.Today,
        });
        await using (var db = _w.S.Context())
        {
            var row = db.FollowUpItems.Single(f => f.Id == item);
            row.OwnerPersonId = _w.S.LeaderOne.Id;
            row.Deadline = DateOnly.FromDateTime(_w.S.Clock.Today).AddDays(-1);
            await db.SaveChangesAsync();
        }

        Assert.DoesNotContain((await _w.FollowUps.ListAsync(_w.S.Leader1, new FollowUpQuery(PageSize: 200))).Items, f => f.Id == item);
        await Assert.ThrowsAsync<NotFoundException>(() => _w.FollowUps.GetAsync(_w.S.Leader1, item));
        await Assert.ThrowsAsync<NotFoundException>(() => _w.FollowUps.GetAsync(_w.S.Admin, item));
        Assert.Equal(item, (await _w.FollowUps.GetAsync(_w.Jiwei, item)).Id);

        await using var context = _w.S.Context();
        var accounts = new[] { _w.S.Leader1, _w.Anguan }
            .Select(u => new HomeVisit.Core.Reminders.ReminderAccount(u.UserId, u.PersonId!.Value, u.Roles)).ToList();
        var reminders = await new HomeVisit.Core.Reminders.OverdueFollowUpsSource(_w.Catalog)
            .CollectAsync(new HomeVisit.Core.Reminders.ReminderContext(context, _w.S.InstitutionA, DateOnly.FromDateTime(_w.S.Clock.Today), accounts), default);
        Assert.DoesNotContain(reminders, r => r.UserId == _w.S.Leader1.UserId);
        Assert.Contains(reminders, r => r.UserId == _w.Anguan.UserId && r.Title.Contains("受处分人员家庭困难"));
    }

    [Fact]
    public async Task The_audit_log_shows_sanction_entries_to_the_discipline_office_and_none_to_a_system_admin()
    {
        var (record, visit) = await RevisitAsync();
        await _w.Sanctions.GetAsync(_w.Jiwei, record);

        var admin = await _w.Audit.ListAsync(_w.S.Admin, new AuditQuery(PageSize: 200));
        Assert.DoesNotContain(admin.Items, a => SanctionAccess.EntityTypes.Contains(a.EntityType));
        Assert.DoesNotContain(admin.Items, a => a.EntityType == nameof(Visit) && a.EntityId == visit.ToString());
        Assert.DoesNotContain(admin.Items, a => a.Detail != null && a.Detail.Contains("违规收受礼品礼金"));

        var jiwei = await _w.Audit.ListAsync(_w.Jiwei, new AuditQuery(PageSize: 200));
        Assert.Contains(jiwei.Items, a => a.EntityType == nameof(SanctionRecord) && a.EntityId == record.ToString() && a.Action == AuditActions.Create);
        Assert.Contains(jiwei.Items, a => a.EntityType == nameof(Visit) && a.EntityId == visit.ToString());
    }

    [Fact]
    public async Task Nobody_outside_the_two_offices_can_plan_a_revisit_or_join_its_team()
    {
        var record = await _w.WarningAsync(_w.S.StaffOne, DateOnly.FromDateTime(_w.S.Clock.Today).AddMonths(-2));
        var plan = new VisitPlan
        {
            ProgrammeKey = "huifang", Form = HuifangForms.OnSiteTalk, PlannedStart = _w.S.Clock.Today.AddDays(1).AddHours(10),
            VisitorIds = [_w.S.LeaderOne.Id, _w.S.LeaderTwo.Id], TargetPersonIds = [_w.S.StaffOne.Id],
        };
        var leader = await Assert.ThrowsAsync<PortalValidationException>(() => _w.Visits.SavePlanAsync(_w.S.Leader1, plan));
        Assert.Equal("请选择家访项目。", leader.Errors[nameof(VisitPlan.ProgrammeKey)]);
        await Assert.ThrowsAsync<NotFoundException>(() => _w.Revisits.PlanAsync(_w.S.Admin, _w.Plan(record)));
    }

    public void Dispose() => _w.Dispose();
}
