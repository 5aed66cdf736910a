using HomeVisit.Core.Data;
using HomeVisit.Core.Institutions;

namespace HomeVisit.Tests.Services;

/// <summary>Run on both providers: <see cref="OrgServiceTestsOnSqlite"/> and <see cref="OrgServiceTestsOnPostgreSql"/>.</summary>
public abstract class OrgServiceTests(PortalDatabaseProvider provider) : IDisposable
{
    private readonly Scenario _s = new(provider);

    public void Dispose() => _s.Dispose();

    [Fact]
    public async Task The_organisation_department_adds_a_branch_under_a_college_and_it_appears_in_the_tree()
    {
        var id = await _s.Org.SaveUnitAsync(_s.Zuzhi, new OrgUnitEdit
        {
            ParentId = _s.CollegeJia, Name = "甲学院学生党支部", Code = "JIA-S1", Kind = OrgUnitKind.PartyBranch,
        });

        var tree = await _s.Org.GetTreeAsync(_s.Zuzhi);
        var node = Assert.Single(tree, n => n.Id == id);
        Assert.Equal(_s.CollegeJia, node.ParentId);
        Assert.Equal(OrgUnitKind.PartyBranch, node.Kind);
        // Another institution does not see it.
        Assert.DoesNotContain(await _s.Org.GetTreeAsync(_s.LeaderB), n => n.Id == id);
    }

    [Fact]
    public async Task A_unit_cannot_move_below_itself_and_codes_stay_unique()
    {
        var college = await _s.Org.GetUnitAsync(_s.Zuzhi, _s.CollegeJia);
        college.ParentId = _s.DeptJia; // 甲系 is below 甲学院
        var cycle = await Assert.ThrowsAsync<PortalValidationException>(() => _s.Org.SaveUnitAsync(_s.Zuzhi, college));
        Assert.Contains(nameof(OrgUnitEdit.ParentId), cycle.Errors.Keys);

        await _s.Org.SaveUnitAsync(_s.Zuzhi, new OrgUnitEdit { ParentId = _s.School, Name = "新部门", Code = "DUP-1", Kind = OrgUnitKind.Department });
        var duplicate = await Assert.ThrowsAsync<PortalValidationException>(() =>
            _s.Org.SaveUnitAsync(_s.Zuzhi, new OrgUnitEdit { ParentId = _s.School, Name = "另一个部门", Code = "DUP-1", Kind = OrgUnitKind.Department }));
        Assert.Contains(nameof(OrgUnitEdit.Code), duplicate.Errors.Keys);

        var unchanged = await _s.Org.GetUnitAsync(_s.Zuzhi, _s.CollegeJia);
        Assert.Equal(_s.School, unchanged.ParentId);
    }

    [Fact]
    public async Task A_second_editor_of_a_unit_is_told_instead_of_overwriting()
    {
        var first = await _s.Org.GetUnitAsync(_s.Zuzhi, _s.CollegeYi);
        var second = await _s.Org.GetUnitAsync(_s.Admin, _s.CollegeYi);
        first.Name = "乙学院（更名）";
        await _s.Org.SaveUnitAsync(_s.Zuzhi, first);

        second.Name = "乙学院（另一名称）";
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => _s.Org.SaveUnitAsync(_s.Admin, second));
        Assert.Equal("乙学院（更名）", (await _s.Org.GetUnitAsync(_s.Zuzhi, _s.CollegeYi)).Name);
    }

    [Fact]
    public async Task Leaders_are_assigned_by_roster_managers_only_and_show_on_the_unit()
    {
        await Assert.ThrowsAsync<AccessDeniedException>(() =>
            _s.Org.AddLeaderAsync(_s.Leader1, _s.CollegeYi, new LeadershipEdit { PersonId = _s.LeaderOne.Id, Role = LeadershipRole.Oversees }));

        await _s.Org.AddLeaderAsync(_s.Zuzhi, _s.CollegeYi, new LeadershipEdit { PersonId = _s.LeaderOne.Id, Role = LeadershipRole.Oversees });
        var node = (await _s.Org.GetTreeAsync(_s.Zuzhi)).Single(n => n.Id == _s.CollegeYi);
        Assert.Contains(node.Leaders, l => l.PersonId == _s.LeaderOne.Id && l.Role == LeadershipRole.Oversees);

        var again = await Assert.ThrowsAsync<PortalValidationException>(() =>
            _s.Org.AddLeaderAsync(_s.Zuzhi, _s.CollegeYi, new LeadershipEdit { PersonId = _s.LeaderOne.Id, Role = LeadershipRole.Oversees }));
        Assert.Contains(nameof(LeadershipEdit.PersonId), again.Errors.Keys);

        await _s.Org.RemoveLeaderAsync(_s.Zuzhi, _s.CollegeYi, _s.LeaderOne.Id, LeadershipRole.Oversees);
        node = (await _s.Org.GetTreeAsync(_s.Zuzhi)).Single(n => n.Id == _s.CollegeYi);
        Assert.DoesNotContain(node.Leaders, l => l.PersonId == _s.LeaderOne.Id && l.Role == LeadershipRole.Oversees);
    }

    [Fact]
    public async Task A_unit_of_another_institution_is_not_found()
    {
        await Assert.ThrowsAsync<NotFoundException>(() => _s.Org.GetUnitAsync(_s.LeaderB, _s.CollegeJia));
    }
}

public sealed class OrgServiceTestsOnSqlite() : OrgServiceTests(PortalDatabaseProvider.Sqlite);

public sealed class OrgServiceTestsOnPostgreSql() : OrgServiceTests(PortalDatabaseProvider.PostgreSQL);
