using System.Net;
using HomeVisit.Core.Accounts;
using HomeVisit.Core.Calendar;
using HomeVisit.Core.Demo;
using HomeVisit.Tests.Host;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HomeVisit.Tests.Calendar;

public sealed class CalendarFeedHostTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task A_calendar_app_fetches_the_feed_without_signing_in_until_the_token_is_revoked()
    {
        var calendar = portal.Services.GetRequiredService<CalendarService>();
        await using var db = portal.OpenDatabase();
        var leader = PortalUser.From(await db.UserAccounts.SingleAsync(a => a.UserName == DemoAccounts.Leader));
        var token = await calendar.CreateFeedAsync(leader, "Outlook");
        using var app = portal.CreateBrowserLikeClient(); // no cookies: a calendar app

        using var ok = await app.GetAsync($"/calendar/{token}.ics");
        var ics = await ok.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal("text/calendar", ok.Content.Headers.ContentType!.MediaType);
        var mine = await db.Visits.CountAsync(v => v.Visitors.Any(x => x.PersonId == leader.PersonId) && v.PlannedStart >= DateTime.Now.AddDays(-90));
        Assert.Equal(mine, Ical.Net.Calendar.Load(ics)!.Events.Count);
        Assert.True(mine > 0);

        using var unknown = await app.GetAsync($"/calendar/{token[..^2]}xx.ics");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);

        var feed = (await calendar.FeedsAsync(leader)).Single(f => f.Name == "Outlook");
        await calendar.RevokeFeedAsync(leader, feed.Id);
        using var revoked = await app.GetAsync($"/calendar/{token}.ics");
        Assert.Equal(HttpStatusCode.NotFound, revoked.StatusCode);
    }
}
