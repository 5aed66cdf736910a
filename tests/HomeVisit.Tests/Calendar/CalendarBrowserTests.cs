using HomeVisit.Core.Demo;
using HomeVisit.Core.Visits;
using HomeVisit.Tests.Browser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace HomeVisit.Tests.Calendar;

[Collection(BrowserCollection.Name)]

[Trait("Category", "Browser")]
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

        var appointment = page.Locator($"[data-testid=calendar] .fc-event[data-visit-id='{visit.Id}']").First;
        await Assertions.Expect(appointment).ToBeVisibleAsync();
        // The programme's colour (廉政家访 #c0392b), as the browser paints it.
        Assert.Equal("rgb(192, 57, 43)", await appointment.EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor"));
        await appointment.ClickAsync();
        await page.WaitForURLAsync($"**/visits/{visit.Id}");

        await page.GotoAsync("/calendar");
        await BrowserFixture.WaitForInteractiveAsync(page);
        await page.GetByTestId("feed-create").ClickAsync();
        var url = await page.GetByTestId("feed-url").TextContentAsync();
        Assert.Matches(@"/calendar/[A-Za-z0-9_-]{40,}\.ics$", url);
        var response = await session.Context.APIRequest.GetAsync(url!);
        Assert.Equal(200, response.Status);
        Assert.Contains($"UID:visit-{visit.Id}-", await response.TextAsync());
    }

    [Fact]
    public async Task A_16_00_visit_dragged_to_another_day_in_month_view_is_at_16_00_on_that_day()
    {
        var today = DateTime.UtcNow.AddHours(8).Date;
        var (visitId, from) = await PlannedLianzhengVisitAsync(today.AddDays(2).AddHours(16));
        var to = today.AddDays(4);

        await using var session = await app.SignInAsync(DemoAccounts.Leader);
        var page = session.Page;
        await page.GotoAsync("/calendar");
        await DragAsync(page, visitId, from, to);

        // The page asks first; a 上门家访 at 16:00 on a working day is also a rule warning the leader confirms.
        await page.GetByRole(AriaRole.Button, new() { Name = "改期", Exact = true }).ClickAsync();
        var anyway = page.GetByRole(AriaRole.Button, new() { Name = "仍然改期", Exact = true });
        var done = page.GetByText("已改期。");
        await Assertions.Expect(anyway.Or(done)).ToBeVisibleAsync();
        if (await anyway.IsVisibleAsync()) await anyway.ClickAsync();
        await Assertions.Expect(done).ToBeVisibleAsync();
        await Assertions.Expect(DayCell(page, to).Locator($"[data-visit-id='{visitId}']")).ToBeVisibleAsync();

        await using var db = app.Portal.OpenDatabase();
        var row = await db.Visits.AsNoTracking().SingleAsync(v => v.Id == visitId);
        Assert.Equal(to.AddHours(16), row.PlannedStart);
        Assert.Equal(to.AddHours(17), row.PlannedEnd);
    }

    [Fact]
    public async Task Enter_on_the_reschedule_question_cancels_and_the_visit_stays_where_it_was()
    {
        var today = DateTime.UtcNow.AddHours(8).Date;
        var (visitId, from) = await PlannedLianzhengVisitAsync(today.AddDays(2).AddHours(16));
        var to = today.AddDays(4);

        await using var session = await app.SignInAsync(DemoAccounts.Leader);
        var page = session.Page;
        await page.GotoAsync("/calendar");
        await DragAsync(page, visitId, from, to);

        // A stray Enter (issue 16 item 5): the question's focus is on 取消, never on 改期.
        var dialog = page.Locator(".mud-dialog");
        await Assertions.Expect(dialog.GetByRole(AriaRole.Button, new() { Name = "取消", Exact = true })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(dialog).ToHaveCountAsync(0);
        await Assertions.Expect(DayCell(page, from).Locator($"[data-visit-id='{visitId}']")).ToBeVisibleAsync();

        await using var db = app.Portal.OpenDatabase();
        Assert.Equal(from.AddHours(16), (await db.Visits.AsNoTracking().SingleAsync(v => v.Id == visitId)).PlannedStart);
    }

    [Fact]
    public async Task A_visit_dropped_on_yesterday_is_refused_and_stays_where_it_was()
    {
        var today = DateTime.UtcNow.AddHours(8).Date;
        var (visitId, from) = await PlannedLianzhengVisitAsync(today.AddDays(1).AddHours(16));
        var yesterday = today.AddDays(-1);

        await using var session = await app.SignInAsync(DemoAccounts.Leader);
        var page = session.Page;
        await page.GotoAsync("/calendar");
        await Assertions.Expect(page.Locator($"[data-visit-id='{visitId}']").First).ToBeVisibleAsync();
        // On the 1st of a month that starts on a Monday yesterday is not in this month's grid; the previous month's
        // grid shows it and the first days of this month.
        if (await DayCell(page, yesterday).CountAsync() == 0) await page.Locator(".fc-prev-button").ClickAsync();
        await DragAsync(page, visitId, from, yesterday);

        await Assertions.Expect(page.GetByText("不能改期到已经过去的时间。")).ToBeVisibleAsync();
        await Assertions.Expect(DayCell(page, from).Locator($"[data-visit-id='{visitId}']")).ToBeVisibleAsync();
        await Assertions.Expect(DayCell(page, yesterday).Locator($"[data-visit-id='{visitId}']")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "改期", Exact = true })).ToHaveCountAsync(0);

        await using var db = app.Portal.OpenDatabase();
        var row = await db.Visits.AsNoTracking().SingleAsync(v => v.Id == visitId);
        Assert.Equal(from.AddHours(16), row.PlannedStart);
        Assert.Equal(VisitStatus.Planned, row.Status);
    }

    private static ILocator DayCell(IPage page, DateTime day) =>
        page.Locator($"[data-testid=calendar] td.fc-daygrid-day[data-date='{day:yyyy-MM-dd}']");

    /// <summary>Drags a visit in the month view from its day to another with the mouse, as a user does.</summary>
    private static async Task DragAsync(IPage page, int visitId, DateTime from, DateTime to)
    {
        var visit = DayCell(page, from).Locator($"[data-visit-id='{visitId}']");
        await Assertions.Expect(visit).ToBeVisibleAsync();
        var target = DayCell(page, to);
        await Assertions.Expect(target).ToBeVisibleAsync();
        var a = (await visit.BoundingBoxAsync())!;
        var b = (await target.BoundingBoxAsync())!;
        await page.Mouse.MoveAsync(a.X + a.Width / 2, a.Y + a.Height / 2);
        await page.Mouse.DownAsync();
        // FullCalendar starts a drag after a few pixels of movement and follows the pointer cell by cell.
        await page.Mouse.MoveAsync(a.X + a.Width / 2 + 10, a.Y + a.Height / 2 + 5, new() { Steps = 5 });
        await page.Mouse.MoveAsync(b.X + b.Width / 2, b.Y + b.Height / 2, new() { Steps = 20 });
        await page.Mouse.UpAsync();
    }

    /// <summary>
    /// A planned 上门家访 of the demo leader at the given time, one hour long, to the people of one of the leader's demo
    /// 廉政家访 (so the programme's who-visits-whom rules hold).
    /// </summary>
    private async Task<(int VisitId, DateTime Day)> PlannedLianzhengVisitAsync(DateTime start)
    {
        await using var db = app.Portal.OpenDatabase();
        var leader = await db.UserAccounts.SingleAsync(a => a.UserName == DemoAccounts.Leader);
        var targets = await db.Visits.Where(v => v.ProgrammeKey == "lianzheng" && v.Visitors.Any(x => x.PersonId == leader.PersonId))
            .OrderBy(v => v.Id).Select(v => v.Targets.Where(t => t.PersonId != null).Select(t => t.PersonId!.Value).ToList()).FirstAsync();
        var visit = new Visit
        {
            InstitutionId = leader.InstitutionId, ProgrammeKey = "lianzheng", Form = VisitForm.HomeVisit, PlannedStart = start, PlannedEnd = start.AddHours(1),
            Place = "家中", Purpose = "廉政家访", Status = VisitStatus.Planned, CreatedByUserId = leader.Id, CreatedAt = DateTime.UtcNow,
            Visitors = [new VisitVisitor { PersonId = leader.PersonId!.Value, IsRecorder = true }],
            Targets = targets.Select(id => new VisitTarget { PersonId = id }).ToList(),
        };
        db.Visits.Add(visit);
        await db.SaveChangesAsync();
        return (visit.Id, start.Date);
    }
}
