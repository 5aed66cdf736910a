using HomeVisit.Core.Data;
using HomeVisit.Core.Demo;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace HomeVisit.Tests.Host;

/// <summary>
/// The portal on a server whose clock says 2027-03-31 17:30 UTC: in Beijing it is already 01:30 on 1 April.
/// The clock's own zone is the machine's (UTC on servers and CI), as on a real server; the institution's day
/// must come from the clock in the institution's time zone, never from the server's UTC date nor from
/// DateTime.Today (the machine's real date, in another month, so a page that reads it fails here too).
/// </summary>
public sealed class UtcServerPortalFactory : PortalFactory
{
    public static readonly DateTimeOffset Instant = new(2027, 3, 31, 17, 30, 0, TimeSpan.Zero);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(new FixedTimeProvider(Instant)));
    }
}

public sealed class InstitutionTodayHostTests(UtcServerPortalFactory portal) : IClassFixture<UtcServerPortalFactory>
{
    [Fact]
    public void Today_and_now_are_the_institutions_between_midnight_and_eight_in_beijing_on_a_utc_server()
    {
        var clock = new FixedTimeProvider(new DateTimeOffset(2026, 12, 6, 17, 30, 0, TimeSpan.Zero));

        Assert.Equal(new DateOnly(2026, 12, 7), clock.Today());
        Assert.Equal(new DateTime(2026, 12, 7, 1, 30, 0), clock.Now());
        Assert.Equal(new DateTime(2026, 12, 6, 17, 30, 0), InstitutionTime.ToUtc(clock.Now()));
    }

    [Fact]
    public async Task The_calendar_opens_on_the_institutions_month_not_the_servers_utc_date()
    {
        using var client = portal.CreateBrowserLikeClient();
        await client.SignInAsync(DemoAccounts.Leader);

        var page = await client.GetDocumentAsync("/calendar");

        // What the page hands FullCalendar as its "now" (the browser test CalendarTodayBrowserTests sees it rendered).
        var calendar = page.QuerySelector("[data-testid=calendar]");
        Assert.Equal("2027-04-01", calendar?.GetAttribute("data-today"));
        Assert.Equal("2027-04-01T01:30:00", calendar?.GetAttribute("data-now"));
    }
}
