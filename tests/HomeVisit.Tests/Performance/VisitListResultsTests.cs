using HomeVisit.Core.Accounts;
using HomeVisit.Core.Calendar;
using HomeVisit.Core.Data;
using HomeVisit.Core.Demo;
using HomeVisit.Core.Programmes;
using HomeVisit.Core.Visits;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HomeVisit.Tests.Performance;

/// <summary>
/// The visit list and the calendars, reshaped for speed (docs/performance.md, fourth round), give the rows, totals and
/// order of the plain query they replaced, written here the straightforward way, on the generated database.
/// </summary>
[Collection(LargeDatabaseCollection.Name)]
public sealed class VisitListResultsTests(LargeDatabaseFixture portal)
{
    public static TheoryData<string, VisitQuery> Lists => new()
    {
        { DemoAccounts.Leader, new VisitQuery() },
        { DemoAccounts.Leader, new VisitQuery(Page: 3, PageSize: 7) },
        { DemoAccounts.Leader, new VisitQuery(Status: VisitStatus.Done) },
        { DemoAccounts.DisciplineOffice, new VisitQuery() },
        { DemoAccounts.DisciplineOffice, new VisitQuery(Page: 40, PageSize: 50) },
        { DemoAccounts.DisciplineOffice, new VisitQuery(ProgrammeKey: "qinglian", Status: VisitStatus.Planned) },
        { DemoAccounts.DisciplineOffice, new VisitQuery(MineOnly: true) },
        { DemoAccounts.DisciplineOffice, new VisitQuery(Open: VisitOpenFilter.Overdue) },
        { DemoAccounts.OrganisationDept, new VisitQuery(Page: 2) },
    };

    [Theory]
    [MemberData(nameof(Lists))]
    public async Task A_visit_list_page_has_the_rows_total_and_order_of_the_plain_query(string userName, VisitQuery query)
    {
        var user = await UserAsync(userName);
        var catalog = portal.Services.GetRequiredService<ProgrammeCatalog>();
        var page = await portal.Services.GetRequiredService<VisitService>().ListAsync(user, query);

        await using var db = await portal.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        var visits = VisitService.Visible(db, user, catalog.OverseenBy(user), catalog.HiddenFrom(user));
        var me = user.PersonId ?? -1;
        if (query.MineOnly) visits = visits.Where(v => v.Visitors.Any(x => x.PersonId == me));
        if (query.ProgrammeKey is { } key) visits = visits.Where(v => v.ProgrammeKey == key);
        if (query.Status is { } status) visits = visits.Where(v => v.Status == status);
        if (query.Open == VisitOpenFilter.Overdue)
        {
            var startOfToday = DateTime.UtcNow.AddHours(8).Date;
            visits = visits.Where(v => (v.Status == VisitStatus.Planned || v.Status == VisitStatus.Notified) && v.PlannedStart < startOfToday);
        }
        var expected = await visits.OrderByDescending(v => v.PlannedStart).ThenByDescending(v => v.Id)
            .Skip((query.Page - 1) * query.PageSize).Take(query.PageSize)
            .Select(v => v.Id).ToListAsync();

        Assert.Equal(await visits.CountAsync(), page.Total);
        Assert.NotEmpty(expected);
        Assert.Equal(expected, page.Items.Select(r => r.Id));
        // Visitors as the visit's page lists them (the recorder last, otherwise in the order they were added), targets in order.
        var visitors = (await db.VisitVisitors.Where(x => expected.Contains(x.VisitId)).OrderBy(x => x.IsRecorder).ThenBy(x => x.Id)
            .Select(x => new { x.VisitId, x.Person!.Name }).ToListAsync()).ToLookup(x => x.VisitId, x => x.Name);
        var targets = (await db.VisitTargets.Where(t => expected.Contains(t.VisitId)).OrderBy(t => t.Id)
            .Select(t => new { t.VisitId, Name = t.Person != null ? t.Person.Name : t.OrgUnit!.Name }).ToListAsync()).ToLookup(x => x.VisitId, x => x.Name);
        Assert.All(page.Items, r =>
        {
            Assert.Equal(string.Join("、", visitors[r.Id]), r.Visitors);
            Assert.Equal(string.Join("、", targets[r.Id]), r.Targets);
        });
    }

    [Theory]
    [InlineData(DemoAccounts.DisciplineOffice, "王")]
    [InlineData(DemoAccounts.DisciplineOffice, "学院")]
    public async Task A_searchs_pages_add_up_to_its_total_in_order(string userName, string search)
    {
        var user = await UserAsync(userName);
        var service = portal.Services.GetRequiredService<VisitService>();
        var first = await service.ListAsync(user, new VisitQuery(Search: search, PageSize: 200));
        var rows = first.Items.ToList();
        for (var p = 2; p <= first.PageCount; p++) rows.AddRange((await service.ListAsync(user, new VisitQuery(Search: search, Page: p, PageSize: 200))).Items);

        Assert.True(first.Total > 0);
        Assert.Equal(first.Total, rows.Select(r => r.Id).Distinct().Count());
        Assert.Equal(rows.OrderByDescending(r => r.PlannedStart).ThenByDescending(r => r.Id).Select(r => r.Id), rows.Select(r => r.Id));
    }

    public static TheoryData<string, int, int> Ranges => new()
    {
        // (user, months from this one, days long)
        { DemoAccounts.Leader, 0, 31 },
        { DemoAccounts.Leader, -1, 31 },
        { DemoAccounts.Leader, -25, 31 },
        { DemoAccounts.Leader, -3, 92 },
        { DemoAccounts.DisciplineOffice, 0, 31 },
        { DemoAccounts.DisciplineOffice, -13, 31 },
        { DemoAccounts.DisciplineOffice, 1, 1 },
        { DemoAccounts.DisciplineOffice, -2, 366 },
    };

    [Theory]
    [MemberData(nameof(Ranges))]
    public async Task A_calendar_range_has_the_visits_total_and_order_of_the_plain_overlap_query(string userName, int months, int days)
    {
        var user = await UserAsync(userName);
        var catalog = portal.Services.GetRequiredService<ProgrammeCatalog>();
        var calendar = portal.Services.GetRequiredService<CalendarService>();
        var today = DateTime.UtcNow.AddHours(8);
        var from = new DateTime(today.Year, today.Month, 1).AddMonths(months);
        var to = from.AddDays(days);
        var overview = userName != DemoAccounts.Leader;
        var entries = overview ? await calendar.OverviewEntriesAsync(user, null, null, from, to) : await calendar.MyEntriesAsync(user, from, to);

        await using var db = await portal.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        var me = user.PersonId ?? -1;
        var overseen = catalog.OverseenBy(user);
        var hidden = catalog.HiddenFrom(user);
        var visits = overview
            ? db.Visits.Where(v => v.InstitutionId == user.InstitutionId && overseen.Contains(v.ProgrammeKey))
            : db.Visits.Where(v => v.InstitutionId == user.InstitutionId && v.Visitors.Any(x => x.PersonId == me) && !hidden.Contains(v.ProgrammeKey));
        var inRange = visits.Where(v => v.PlannedStart < to && v.PlannedEnd > from);
        var expected = await inRange.OrderBy(v => v.PlannedStart).ThenBy(v => v.Id).Take(CalendarService.MaxEntries).Select(v => v.Id).ToListAsync();

        Assert.NotEmpty(expected);
        Assert.Equal(expected, entries.Select(e => e.VisitId));
        Assert.Equal(await inRange.CountAsync(), entries.Total);
        var visitors = (await db.VisitVisitors.Where(x => expected.Contains(x.VisitId)).Select(x => new { x.VisitId, x.PersonId, x.Person!.Name }).ToListAsync())
            .ToLookup(x => x.VisitId);
        var targets = (await db.VisitTargets.Where(t => expected.Contains(t.VisitId))
            .Select(t => new { t.VisitId, Name = t.Person != null ? t.Person.Name : t.OrgUnit!.Name }).ToListAsync()).ToLookup(x => x.VisitId, x => x.Name);
        Assert.All(entries, e =>
        {
            Assert.Equal(visitors[e.VisitId].Select(x => x.Name).Order(StringComparer.Ordinal), e.Visitors.Split('、').Order(StringComparer.Ordinal));
            Assert.Equal(targets[e.VisitId].Order(StringComparer.Ordinal), e.Targets.Split('、').Order(StringComparer.Ordinal));
            Assert.Equal(visitors[e.VisitId].Any(x => x.PersonId == me), e.TakesPart);
        });
    }

    private async Task<PortalUser> UserAsync(string userName)
    {
        await using var db = await portal.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        return PortalUser.From(await db.UserAccounts.SingleAsync(a => a.UserName == userName));
    }
}
