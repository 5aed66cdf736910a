using HomeVisit.Core.Accounts;
using HomeVisit.Core.Calendar;
using HomeVisit.Core.Data;
using HomeVisit.Core.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HomeVisit.Tests.Performance;

/// <summary>A calendar range with more visits than a calendar shows says so, with the real total, instead of dropping the rest.</summary>
[Collection(LargeDatabaseCollection.Name)]
public sealed class CalendarCapTests(LargeDatabaseFixture portal)
{
    [Fact]
    public async Task A_year_of_the_whole_institution_is_shown_as_its_first_visits_with_the_total()
    {
        PortalUser user;
        await using (var db = await portal.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync())
            user = PortalUser.From(await db.UserAccounts.SingleAsync(a => a.UserName == DemoAccounts.DisciplineOffice));
        var from = new DateTime(DateTime.UtcNow.Year - 1, 1, 1);
        var to = from.AddYears(1);

        var entries = await portal.Services.GetRequiredService<CalendarService>().OverviewEntriesAsync(user, null, null, from, to);

        Assert.True(entries.IsCapped, $"{entries.Count} of {entries.Total}");
        Assert.Equal(CalendarService.MaxEntries, entries.Count);
        Assert.True(entries.Total > CalendarService.MaxEntries);
        // The first ones by start, so what is shown is the beginning of the range without gaps.
        Assert.Equal(entries.OrderBy(e => e.Start).Select(e => e.VisitId), entries.Select(e => e.VisitId));

        var month = await portal.Services.GetRequiredService<CalendarService>().OverviewEntriesAsync(user, null, null, from, from.AddDays(7));
        Assert.False(month.IsCapped);
        Assert.Equal(month.Count, month.Total);
    }
}
