using HomeVisit.Core.Demo;
using HomeVisit.Tests.Browser;
using Microsoft.Playwright;

namespace HomeVisit.Tests.Calendar;

/// <summary>
/// The portal on a server whose clock says 2027-03-31 17:30 UTC (in Beijing already 01:30 on 1 April), seen from a
/// browser whose own clock says the same instant in the UTC zone, where it is still 31 March. The clock runs on from
/// there, so sign-in, sessions and the circuit behave as on a real server.
/// </summary>
public sealed class UtcServerBrowserFixture : BrowserFixture
{
    public static readonly DateTimeOffset Instant = new(2027, 3, 31, 17, 30, 0, TimeSpan.Zero);

    protected override TimeProvider? ServerClock { get; } = new ShiftedTimeProvider(Instant);

    protected override string BrowserTimeZone => "UTC";
}

/// <summary>The real clock moved so that it read <c>startsAt</c> when it was made.</summary>
public sealed class ShiftedTimeProvider(DateTimeOffset startsAt) : TimeProvider
{
    private readonly TimeSpan _shift = startsAt - System.GetUtcNow();

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + _shift;
}

[CollectionDefinition(Name)]
public sealed class UtcServerBrowserCollection : ICollectionFixture<UtcServerBrowserFixture>
{
    public const string Name = "UtcServerBrowser";
}

/// <summary>Issue 17 item 11, issue 18 item 3: the calendar's "today" is Beijing's, whatever the server's or browser's zone.</summary>
[Collection(UtcServerBrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class CalendarTodayBrowserTests(UtcServerBrowserFixture app)
{
    [Fact]
    public async Task The_calendar_opens_on_the_institutions_today_with_the_server_and_the_browser_in_utc()
    {
        await using var session = await app.SignInAsync(DemoAccounts.Leader);
        var page = session.Page;
        await page.Clock.SetFixedTimeAsync(UtcServerBrowserFixture.Instant.UtcDateTime);
        // The browser's own today is still 31 March.
        Assert.Equal("2027-03-31", await page.EvaluateAsync<string>("() => new Date().toLocaleDateString('sv-SE')"));

        await page.GotoAsync("/calendar");

        var calendar = page.GetByTestId("calendar");
        await Assertions.Expect(calendar.Locator(".fc-toolbar-title")).ToHaveTextAsync("2027年4月");
        await Assertions.Expect(calendar.Locator("td.fc-day-today")).ToHaveAttributeAsync("data-date", "2027-04-01");
        await Assertions.Expect(calendar.Locator("td.fc-daygrid-day[data-date='2027-03-31']")).Not.ToHaveClassAsync(new System.Text.RegularExpressions.Regex("fc-day-today"));

        await calendar.Locator(".fc-timeGridDay-button").ClickAsync();
        await Assertions.Expect(calendar.Locator(".fc-toolbar-title")).ToHaveTextAsync("2027年4月1日");
    }
}
