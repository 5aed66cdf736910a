using HomeVisit.Core.Demo;
using HomeVisit.Core.Visits;
using HomeVisit.Tests.Browser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace HomeVisit.Tests.Calendar;

[Collection(BrowserCollection.Name)]
public sealed class CalendarBrowserTests(BrowserFixture app)
{
    [Fact]
    public async Task The_leader_sees_this_months_visits_coloured_by_programme_opens_one_and_gets_a_feed_url()
    {
        await using var db = app.Portal.OpenDatabase();
        var leader = await db.UserAccounts.SingleAsync(a => a.UserName == DemoAccounts.Leader);
        var today = DateTime.UtcNow.AddHours(8).Date;
        var monthStart = new DateTime(today.Year, today.Month, 1);
        var visit = await db.Visits.Where(v => v.Visitors.Any(x => x.PersonId == leader.PersonId) && v.PlannedStart >= monthStart &&
                                               v.PlannedStart < monthStart.AddMonths(1) && v.ProgrammeKey == "lianzheng")
            .OrderBy(v => v.PlannedStart).FirstAsync();

        await using var session = await app.SignInAsync(DemoAccounts.Leader);
        var page = session.Page;
        await page.GotoAsync("/calendar");
        await BrowserFixture.WaitForInteractiveAsync(page);

        var appointment = page.Locator($"[data-visit-id='{visit.Id}']").First;
        await Assertions.Expect(appointment).ToBeVisibleAsync();
        Assert.Contains("background:#c0392b", await appointment.GetAttributeAsync("style") ?? "");
        // The scheduler re-renders its events once after measuring the page; a click in that moment lands on
        // a replaced element, so click again until the visit opens.
        for (var attempt = 0; !page.Url.EndsWith($"/visits/{visit.Id}", StringComparison.Ordinal); attempt++)
        {
            Assert.True(attempt < 5, "Clicking the event never opened the visit.");
            await appointment.ClickAsync();
            try { await page.WaitForURLAsync($"**/visits/{visit.Id}", new() { Timeout = 3000 }); }
            catch (TimeoutException) { }
        }

        await page.GotoAsync("/calendar");
        await BrowserFixture.WaitForInteractiveAsync(page);
        await page.GetByTestId("feed-create").ClickAsync();
        var url = await page.GetByTestId("feed-url").TextContentAsync();
        Assert.Matches(@"/calendar/[A-Za-z0-9_-]{40,}\.ics$", url);
        var response = await session.Context.APIRequest.GetAsync(url!);
        Assert.Equal(200, response.Status);
        Assert.Contains($"UID:visit-{visit.Id}-", await response.TextAsync());
    }
}
