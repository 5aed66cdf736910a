using HomeVisit.Core.Audit;
using HomeVisit.Core.Data;
using HomeVisit.Core.People;
using Microsoft.EntityFrameworkCore;

namespace HomeVisit.Tests.Services;

/// <summary>Run on both providers: <see cref="PeopleServiceTestsOnSqlite"/> and <see cref="PeopleServiceTestsOnPostgreSql"/>.</summary>
public abstract class PeopleServiceTests(PortalDatabaseProvider provider) : IDisposable
{
    private readonly Scenario _s = new(provider);

    public void Dispose() => _s.Dispose();

    [Fact]
    public async Task Search_pages_through_a_unit_subtree_and_counts_all_matches()
    {
        // 甲学院 holds 李院长 directly and 张老师 + 23 teachers in 甲系 below it: 25 people.
        var first = await _s.People.SearchAsync(_s.Zuzhi, new PersonQuery(UnitId: _s.CollegeJia, Page: 1, PageSize: 10));
        var last = await _s.People.SearchAsync(_s.Zuzhi, new PersonQuery(UnitId: _s.CollegeJia, Page: 3, PageSize: 10));

        Assert.Equal(25, first.Total);
        Assert.Equal(3, first.PageCount);
        Assert.Equal(10, first.Items.Count);
        Assert.Equal(5, last.Items.Count);
        var all = first.Items.Concat((await _s.People.SearchAsync(_s.Zuzhi, new PersonQuery(UnitId: _s.CollegeJia, Page: 2, PageSize: 10))).Items)
            .Concat(last.Items).Select(p => p.Name).ToList();
        Assert.Equal(25, all.Distinct().Count());
        Assert.Contains("李院长", all);
        Assert.Contains("张老师", all);
        Assert.DoesNotContain("王院长", all);   // 乙学院
        Assert.DoesNotContain("纪委干事", all); // the school itself, above the filter
        Assert.DoesNotContain("乙县干部", all); // another institution
    }

    [Fact]
    public async Task Search_by_name_or_staff_number_prefix()
    {
        var byName = await _s.People.SearchAsync(_s.Zuzhi, new PersonQuery(Search: "院长"));
        var byNumber = await _s.People.SearchAsync(_s.Zuzhi, new PersonQuery(Search: "T01"));

        Assert.Equal(["李院长", "王院长"], byName.Items.Select(p => p.Name).Order().ToArray());
        Assert.Equal(10, byNumber.Total); // T010..T019
        Assert.All(byNumber.Items, p => Assert.StartsWith("T01", p.StaffNumber));
    }

    [Fact]
    public async Task Plain_staff_find_only_themselves()
    {
        var result = await _s.People.SearchAsync(_s.Staff1, new PersonQuery());

        Assert.Equal("张老师", Assert.Single(result.Items).Name);
    }

    [Fact]
    public async Task Staff_can_open_their_own_page_but_not_someone_elses()
    {
        var own = await _s.People.GetAsync(_s.Staff1, _s.StaffOne.Id);
        Assert.Equal("南宁市江南区星光大道88号", own.HomeAddress);
        Assert.False(own.CanEdit);

        await Assert.ThrowsAsync<NotFoundException>(() => _s.People.GetAsync(_s.Staff1, _s.StaffTwo.Id));
        await Assert.ThrowsAsync<NotFoundException>(() => _s.People.GetAsync(_s.Staff1, _s.LeaderOne.Id));
    }

    [Fact]
    public async Task Reading_a_person_writes_a_read_audit_entry_with_the_reader()
    {
        var at = _s.Clock.GetUtcNow().UtcDateTime;

        var detail = await _s.People.GetAsync(_s.Leader1, _s.StaffOne.Id);

        Assert.Equal("张妻", Assert.Single(detail.Family).Name);
        var read = await _s.ReadAsync(db => db.AuditEntries.AsNoTracking()
            .Where(a => a.Action == AuditActions.Read && a.EntityType == nameof(Person)).ToListAsync());
        var entry = Assert.Single(read);
        Assert.Equal(_s.StaffOne.Id.ToString(), entry.EntityId);
        Assert.Equal(_s.Leader1.UserId, entry.UserId);
        Assert.Equal("leader1", entry.UserName);
        Assert.Equal(_s.InstitutionA, entry.InstitutionId);
        Assert.Equal(at, entry.At);
    }

    [Fact]
    public async Task A_taken_staff_number_is_refused_beside_the_staff_number_field_in_chinese()
    {
        var edit = new PersonEdit { Name = "新老师", StaffNumber = " S001 ", UnitId = _s.DeptJia };

        var error = await Assert.ThrowsAsync<PortalValidationException>(() => _s.People.SaveAsync(_s.Zuzhi, edit));

        Assert.Equal(["StaffNumber"], error.Errors.Keys.ToArray());
        Assert.Equal("工号 S001 已被他人使用。", error.Errors["StaffNumber"]);
        Assert.False(await _s.ReadAsync(db => db.People.AnyAsync(p => p.Name == "新老师")));
    }

    [Fact]
    public async Task The_same_staff_number_in_another_institution_is_fine_and_a_person_keeps_their_own_number()
    {
        // PersonB in institution B has L001, like 李院长 in A; 李院长 can be saved with his own number.
        var leader = PersonEdit.From(await _s.People.GetAsync(_s.Zuzhi, _s.LeaderOne.Id));
        leader.Position = "院长";
        await _s.People.SaveAsync(_s.Zuzhi, leader);

        var newId = await _s.People.SaveAsync(_s.Zuzhi, new PersonEdit { Name = "新老师", StaffNumber = "S999", UnitId = _s.DeptJia });

        Assert.Equal("院长", (await _s.People.GetAsync(_s.Zuzhi, _s.LeaderOne.Id)).Position);
        Assert.Equal("S999", (await _s.People.GetAsync(_s.Zuzhi, newId)).StaffNumber);
    }

    [Fact]
    public async Task Leaders_and_staff_cannot_change_the_roster()
    {
        var edit = PersonEdit.From(await _s.People.GetAsync(_s.Leader1, _s.StaffOne.Id));
        edit.HomeAddress = "被改的地址";

        await Assert.ThrowsAsync<AccessDeniedException>(() => _s.People.SaveAsync(_s.Leader1, edit));
        await Assert.ThrowsAsync<AccessDeniedException>(() => _s.People.SaveAsync(_s.Staff1, edit));
        Assert.Equal("南宁市江南区星光大道88号", (await _s.People.GetAsync(_s.Zuzhi, _s.StaffOne.Id)).HomeAddress);
    }

    [Fact]
    public async Task Two_editors_of_one_person_first_save_wins()
    {
        var first = PersonEdit.From(await _s.People.GetAsync(_s.Zuzhi, _s.StaffOne.Id));
        var second = PersonEdit.From(await _s.People.GetAsync(_s.Admin, _s.StaffOne.Id));
        first.Phone = "0771-1234567";
        second.Phone = "0771-7654321";

        await _s.People.SaveAsync(_s.Zuzhi, first);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => _s.People.SaveAsync(_s.Admin, second));

        Assert.Equal("0771-1234567", (await _s.People.GetAsync(_s.Zuzhi, _s.StaffOne.Id)).Phone);
    }
}

public sealed class PeopleServiceTestsOnSqlite() : PeopleServiceTests(PortalDatabaseProvider.Sqlite);

public sealed class PeopleServiceTestsOnPostgreSql() : PeopleServiceTests(PortalDatabaseProvider.PostgreSQL);
