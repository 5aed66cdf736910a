using HomeVisit.Core.Data;
using HomeVisit.Core.FollowUps;
using HomeVisit.Core.People;
using HomeVisit.Core.Visits;
using HomeVisit.Programmes.Qinglian;
using Microsoft.EntityFrameworkCore;
using HomeVisit.Programmes.Huifang;

namespace HomeVisit.Tests.Qinglian;

/// <summary>一人一档 (个人廉政档案): who may open a person's file, and what each reader finds in it.</summary>
public sealed class PersonFileTests : IDisposable
{
    private readonly QinglianWorld _w = new();

    public void Dispose() => _w.Dispose();

    /// <summary>
    /// 张老师's records: a done 清廉家访 by leader 1 with an opinion raised and a pledge, a 廉政家访 by leader 2 (who
    /// does not lead 张老师's unit), a 受处分人员回访关爱 by the discipline office, and a visit 张老师 made himself.
    /// </summary>
    private async Task<(int Qinglian, int Lianzheng, int Huifang, int AsVisitor, int FollowUp)> RecordsAsync()
    {
        var qinglian = await _w.PlanAsync(new DateTime(2026, 11, 23, 19, 0, 0));
        _w.S.Clock.Advance(TimeSpan.FromDays(4));
        await _w.RecordAsync(qinglian, new DateTime(2026, 11, 23, 19, 0, 0));
        var followUp = await _w.S.FollowUps.RaiseAsync(_w.S.Leader1, new FollowUpRaise
        {
            VisitId = qinglian, Kind = FollowUpKind.Suggestion, Summary = "建议组织家属开放日", RaisedByName = "张妻",
        });
        await _w.CommitmentAsync(qinglian);

        var lianzheng = await _w.S.Visits.SavePlanAsync(_w.S.Leader2, new VisitPlan
        {
            ProgrammeKey = "lianzheng", PlannedStart = _w.S.Clock.Today.AddDays(1).AddHours(19), VisitorIds = [_w.S.LeaderTwo.Id], TargetPersonIds = [_w.StaffOne],
        });

        int huifang, asVisitor;
        await using (var db = _w.S.Context())
        {
            Visit Direct(string programme, int visitor, int target, string record) => new()
            {
                InstitutionId = _w.S.InstitutionA, ProgrammeKey = programme, Form = HuifangForms.OnSiteTalk, Status = VisitStatus.Done,
                PlannedStart = new DateTime(2026, 11, 10, 10, 0, 0), PlannedEnd = new DateTime(2026, 11, 10, 11, 0, 0),
                ActualStart = new DateTime(2026, 11, 10, 10, 0, 0), Record = record, CreatedByUserId = _w.S.Jiwei.UserId,
                CreatedAt = DateTime.UtcNow, Visitors = [new VisitVisitor { PersonId = visitor, IsRecorder = true }],
                Targets = [new VisitTarget { PersonId = target }],
            };
            var h = Direct("huifang", _w.S.DisciplinePerson.Id, _w.StaffOne, "处分影响期内回访，思想稳定。");
            var v = Direct("lianxi", _w.StaffOne, _w.S.StaffTwo.Id, "谈心谈话。");
            v.Form = VisitForm.HeartTalk;
            db.Visits.AddRange(h, v);
            await db.SaveChangesAsync();
            (huifang, asVisitor) = (h.Id, v.Id);
        }
        return (qinglian, lianzheng, huifang, asVisitor, followUp);
    }

    [Fact]
    public async Task The_unit_leader_sees_the_visits_commitments_and_follow_ups_they_may_see_and_nothing_else()
    {
        var r = await RecordsAsync();

        var file = await _w.Files.GetAsync(_w.S.Leader1, _w.StaffOne);

        Assert.Equal("张老师", file.Name);
        Assert.Equal([r.Qinglian], file.VisitsAsTarget.Select(v => v.Id));
        Assert.Equal("张妻", file.VisitsAsTarget[0].FamilyMet);
        Assert.Contains("发放清廉大礼包", file.VisitsAsTarget[0].Record);
        Assert.Empty(file.VisitsAsVisitor);
        Assert.Equal("张妻", Assert.Single(file.Commitments).FamilyMemberName);
        var item = Assert.Single(file.FollowUps);
        Assert.Equal(r.FollowUp, item.Id);
        Assert.Equal(new DateOnly(2026, 12, 24), item.NextReportDue);
        Assert.True(await _w.S.ReadAsync(db => db.AuditEntries.AnyAsync(a =>
            a.Action == "read" && a.EntityType == nameof(Person) && a.EntityId == _w.StaffOne.ToString() && a.Detail == "个人廉政档案" && a.UserName == "leader1")));
    }

    [Fact]
    public async Task Records_of_受处分人员回访关爱_appear_only_for_the_discipline_office()
    {
        var r = await RecordsAsync();

        var admin = await _w.Files.GetAsync(_w.S.Admin, _w.StaffOne);
        var zuzhi = await _w.Files.GetAsync(_w.S.Zuzhi, _w.StaffOne);
        var jiwei = await _w.Files.GetAsync(_w.S.Jiwei, _w.StaffOne);

        Assert.Equal([r.Lianzheng, r.Qinglian], admin.VisitsAsTarget.Select(v => v.Id));
        Assert.DoesNotContain(zuzhi.VisitsAsTarget, v => v.ProgrammeKey == "huifang");
        Assert.Equal([r.Lianzheng, r.Qinglian, r.Huifang], jiwei.VisitsAsTarget.Select(v => v.Id));
        Assert.Equal([r.AsVisitor], admin.VisitsAsVisitor.Select(v => v.Id));
        Assert.Single(admin.Commitments);
        Assert.Single(admin.FollowUps);
    }

    [Fact]
    public async Task The_person_may_open_their_own_file_but_finds_only_what_they_may_see()
    {
        var r = await RecordsAsync();

        var own = await _w.Files.GetAsync(_w.S.Staff1, _w.StaffOne);

        // Visit records about a person are for those who made or oversee them; the person's own pledge and own visits are theirs.
        Assert.Empty(own.VisitsAsTarget);
        Assert.Equal([r.AsVisitor], own.VisitsAsVisitor.Select(v => v.Id));
        Assert.Single(own.Commitments);
        Assert.Empty(own.FollowUps);
    }

    [Fact]
    public async Task Staff_cannot_open_a_colleagues_file_nor_can_a_leader_of_another_unit()
    {
        await RecordsAsync();
        await using (var db = _w.S.Context())
        {
            // 赵老师 gets a sign-in as plain staff.
            db.UserAccounts.Add(new HomeVisit.Core.Accounts.UserAccount
            {
                InstitutionId = _w.S.InstitutionA, UserName = "staff2", DisplayName = "赵老师", PersonId = _w.S.StaffTwo.Id, Roles = ["Staff"],
            });
            await db.SaveChangesAsync();
        }
        var staff2 = await _w.S.ReadAsync(async db => HomeVisit.Core.Accounts.PortalUser.From(await db.UserAccounts.SingleAsync(a => a.UserName == "staff2")));

        await Assert.ThrowsAsync<AccessDeniedException>(() => _w.Files.GetAsync(staff2, _w.StaffOne));
        await Assert.ThrowsAsync<AccessDeniedException>(() => _w.Files.GetAsync(_w.S.Staff1, _w.S.StaffTwo.Id));
        // Leader 2 visited 张老师 in 廉政家访 but leads 乙学院, not 张老师's unit: no file.
        await Assert.ThrowsAsync<AccessDeniedException>(() => _w.Files.GetAsync(_w.S.Leader2, _w.StaffOne));
        await Assert.ThrowsAsync<AccessDeniedException>(() => _w.Files.GetAsync(_w.S.LeaderB, _w.StaffOne));
        Assert.False(await _w.Files.CanOpenAsync(_w.S.Leader2, _w.StaffOne));
        Assert.True(await _w.Files.CanOpenAsync(_w.S.Leader2, _w.S.StaffTwo.Id));
        // A refused opening reads nothing, so nothing is logged as read.
        Assert.False(await _w.S.ReadAsync(db => db.AuditEntries.AnyAsync(a => a.Detail == "个人廉政档案")));
    }

    [Fact]
    public async Task A_leader_of_a_unit_above_or_of_the_party_branch_may_open_the_file()
    {
        await using (var db = _w.S.Context())
        {
            var person = await db.People.SingleAsync(p => p.Id == _w.S.StaffTwo.Id);
            person.PartyBranchId = _w.S.BranchJia;
            db.UnitLeaderships.Add(new HomeVisit.Core.Institutions.UnitLeadership
            {
                InstitutionId = _w.S.InstitutionA, UnitId = _w.S.BranchJia, PersonId = _w.S.LeaderOne.Id, Role = HomeVisit.Core.Institutions.LeadershipRole.BranchSecretary,
            });
            db.UnitLeaderships.Add(new HomeVisit.Core.Institutions.UnitLeadership
            {
                InstitutionId = _w.S.InstitutionA, UnitId = _w.S.School, PersonId = _w.S.LeaderTwo.Id, Role = HomeVisit.Core.Institutions.LeadershipRole.Deputy,
                EndsOn = new DateOnly(2026, 1, 31),
            });
            await db.SaveChangesAsync();
        }

        Assert.True(await _w.Files.CanOpenAsync(_w.S.Leader1, _w.S.StaffTwo.Id));
        // A leadership that has ended opens nothing.
        Assert.False(await _w.Files.CanOpenAsync(_w.S.Leader2, _w.StaffOne));
    }
}
