using HomeVisit.Core.Accounts;
using HomeVisit.Core.Demo;
using HomeVisit.Core.Programmes;
using HomeVisit.Programmes.Ganbu;
using HomeVisit.Tests.Browser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace HomeVisit.Tests.Security;

/// <summary>Decision 0015 inside a live circuit, where navigation does not pass the authorisation middleware.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AuthorisationBrowserTests(BrowserFixture app)
{
    [Fact]
    public async Task Navigating_in_an_open_circuit_to_a_ganbu_page_after_it_was_switched_off_shows_the_unknown_address_page()
    {
        await using var db = app.Portal.OpenDatabase();
        var admin = PortalUser.From(await db.UserAccounts.SingleAsync(a => a.UserName == DemoAccounts.Admin));
        var rules = app.Portal.Services.GetRequiredService<ProgrammeRulesService>();
        await using var staff = await app.SignInAsync(DemoAccounts.Staff);
        var page = staff.Page;
        await page.GotoAsync("/no-such-page");
        var unknownTitle = await page.TitleAsync();
        var unknownText = await page.GetByTestId("page-not-found").TextContentAsync();

        await page.GotoAsync("/programmes/ganbu/requests");
        await BrowserFixture.WaitForInteractiveAsync(page);
        await rules.SetEnabledAsync(admin, GanbuAccess.ProgrammeKey, enabled: false);
        try
        {
            // The page opened before the switch still offers its button; the router asks the policy again on the way.
            await page.GetByTestId("request-new").ClickAsync();
            await page.WaitForURLAsync("**/programmes/ganbu/requests/new");

            await Assertions.Expect(page.GetByTestId("page-not-found")).ToHaveTextAsync(unknownText!);
            await Assertions.Expect(page).ToHaveTitleAsync(unknownTitle);
            await Assertions.Expect(page.GetByTestId("request-submit")).ToHaveCountAsync(0);
        }
        finally
        {
            await rules.SetEnabledAsync(admin, GanbuAccess.ProgrammeKey, enabled: true);
        }
    }
}
