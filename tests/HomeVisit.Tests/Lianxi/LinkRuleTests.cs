using HomeVisit.Core.Data;
using HomeVisit.Core.Institutions;
using HomeVisit.Programmes.Lianxi;
using HomeVisit.Core.People;
using HomeVisit.Core.Visits;
using Microsoft.EntityFrameworkCore;

namespace HomeVisit.Tests.Lianxi;

/// <summary>Issue 16 item 9, seed 4 三、1 and 三、2: where links are normally made, whom a 书记 or 校长 links, and the 深入 forms.</summary>
public sealed class LinkRuleTests : IDisposable
{
    private readonly LianxiWorld _w = new();

    public void Dispose() => _w.Dispose();

    private async Task<int> AddAsync<T>(T entity) where T : class
    {
        await using var db = _w.S.Context();
        db.Add(entity);
        await db.SaveChangesAsync();
        return (int)db.Entry(entity).Property("Id").CurrentValue!;
    }

    [Fact]
    public async Task A_college_leaders_branch_in_another_college_is_warned_and_saved_only_when_confirmed()
    {
        var yiBranch = await AddAsync(new OrgUnit { InstitutionId = _w.S.InstitutionA, ParentId = _w.S.CollegeYi, Name = "乙学院第一党支部", Kind = OrgUnitKind.PartyBranch });
        var edit = new BranchLinksEdit { LeaderId = _w.S.LeaderOne.Id, BranchIds = [_w.S.BranchJia, yiBranch], StartsOn = LianxiWorld.At(9, 1) };

        var warned = await Assert.ThrowsAsync<PortalValidationException>(() => _w.Links.SaveBranchesAsync(_w.S.Zuzhi, edit));

        Assert.Equal("乙学院第一党支部 不在甲学院，学院班子成员一般联系本学院的党支部（三、1）；如确需联系，请勾选“确认跨学院联系”。",
            warned.Errors[nameof(BranchLinksEdit.ConfirmOutsideCollege)]);
        Assert.Empty((await _w.Links.ForLeaderAsync(_w.S.Zuzhi, _w.S.LeaderOne.Id)).Branches);
        edit.ConfirmOutsideCollege = true;
        await _w.Links.SaveBranchesAsync(_w.S.Zuzhi, edit);
        Assert.Equal(2, (await _w.Links.ForLeaderAsync(_w.S.Zuzhi, _w.S.LeaderOne.Id)).Branches.Count);
        // Within the own college nothing is asked.
        await _w.Links.SaveBranchesAsync(_w.S.Zuzhi, new BranchLinksEdit { LeaderId = _w.S.LeaderOne.Id, BranchIds = [_w.BranchTwo], StartsOn = LianxiWorld.At(10, 1) });
    }

    [Fact]
    public async Task The_party_secretary_and_a_college_secretary_are_warned_without_party_activists_among_their_contacts()
    {
        var secretary = await AddAsync(new Person { InstitutionId = _w.S.InstitutionA, UnitId = _w.S.School, Name = "党委书记甲", StaffNumber = "X001", Position = "党委书记" });
        var collegeSecretary = await AddAsync(new Person { InstitutionId = _w.S.InstitutionA, UnitId = _w.S.CollegeJia, Name = "总支书记乙", StaffNumber = "X002", Position = "党总支书记" });
        IndividualLinksEdit Set(int leader, LinkedPersonCategory second) => new()
        {
            LeaderId = leader, StartsOn = LianxiWorld.At(9, 1),
            People = [new() { PersonId = _w.S.StaffOne.Id, Category = LinkedPersonCategory.Expert }, new() { PersonId = _w.Teacher2.Id, Category = second }],
        };

        var school = await Assert.ThrowsAsync<PortalValidationException>(() => _w.Links.SaveIndividualsAsync(_w.Office, Set(secretary, LinkedPersonCategory.YoungTeacher)));
        var college = await Assert.ThrowsAsync<PortalValidationException>(() => _w.Links.SaveIndividualsAsync(_w.Office, Set(collegeSecretary, LinkedPersonCategory.Expert)));

        Assert.Equal("学校党委书记、党员校长应带头联系 1 至 2 名优秀青年教师入党积极分子（三、2），本次为 0 名；如确有原因，请勾选“确认联系对象安排”。",
            school.Errors[nameof(IndividualLinksEdit.ConfirmWithoutActivists)]);
        Assert.Equal("院部党组织书记应常态化联系青年教师入党积极分子（三、2），本次没有；如确有原因，请勾选“确认联系对象安排”。",
            college.Errors[nameof(IndividualLinksEdit.ConfirmWithoutActivists)]);
        await _w.Links.SaveIndividualsAsync(_w.Office, Set(secretary, LinkedPersonCategory.PartyActivist));
        var confirmed = Set(collegeSecretary, LinkedPersonCategory.Expert);
        confirmed.ConfirmWithoutActivists = true;
        await _w.Links.SaveIndividualsAsync(_w.Office, confirmed);
        Assert.Equal(2, await _w.S.ReadAsync(db => db.Set<LianxiLink>().Select(l => l.LeaderPersonId).Distinct().CountAsync()));
    }

    [Fact]
    public async Task Classroom_canteen_and_dormitory_visits_are_forms_of_the_programme()
    {
        var day = new DateTime(2026, 11, 10, 12, 0, 0);
        var classroom = await _w.ActivityAsync(LianxiForms.ClassroomVisit, day.AddHours(-2), person: _w.Teacher2.Id);
        var canteen = await _w.ActivityAsync(LianxiForms.CanteenVisit, day, person: _w.Teacher3.Id);
        var dormitory = await _w.ActivityAsync(LianxiForms.DormitoryVisit, day.AddHours(7), branch: _w.S.BranchJia);

        Assert.Equal(new[] { LianxiForms.ClassroomVisit, LianxiForms.CanteenVisit, LianxiForms.DormitoryVisit },
            new[] { (await _w.S.VisitRowAsync(classroom)).Form, (await _w.S.VisitRowAsync(canteen)).Form, (await _w.S.VisitRowAsync(dormitory)).Form });
        Assert.Equal("深入宿舍（公寓）", VisitForms.NameOf(LianxiForms.DormitoryVisit, new LianxiModule()));
    }
}
