using HomeVisit.Core.Demo;
using HomeVisit.Tests.Browser;
using HomeVisit.Tests.Host;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace HomeVisit.Tests.Security;

/// <summary>Decision 0015 inside a live circuit, where navigation does not pass the authorisation middleware.</summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class AuthorisationBrowserTests(BrowserFixture app)
{
    [Fact]
    public async Task Navigating_in_an_open_circuit_to_a_ganbu_page_after_it_was_switched_off_shows_the_unknown_address_page()
    {
        // The answer to an unknown address, as the server renders it.
        using var client = app.Portal.CreateBrowserLikeClient();
        await client.SignInAsync(DemoAccounts.Staff);
        using var unknown = await client.GetAsync("/no-such-page");
        var unknownPage = await PortalClient.ParseAsync(unknown);
        var unknownTitle = unknownPage.Title!;
        var unknownText = unknownPage.QuerySelector("[data-testid=page-not-found]")!.TextContent;

        await using var staff = await app.SignInAsync(DemoAccounts.Staff);
        var page = staff.Page;
        await page.GotoAsync("/programmes/ganbu/requests");
        await BrowserFixture.WaitForInteractiveAsync(page);

        // Meanwhile the admin switches 干部家访 off, through the portal the browser talks to (its rule cache learns at once).
        await using var admin = await app.SignInAsync(DemoAccounts.Admin);
        var row = admin.Page.Locator("[data-testid=programme-row][data-programme=ganbu]");
        try
        {
            await admin.Page.GotoAsync("/admin/programmes");
            await BrowserFixture.WaitForInteractiveAsync(admin.Page);
            await row.GetByTestId("settings-disable").ClickAsync();
            await admin.Page.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = "停用", Exact = true }).ClickAsync();
            await Assertions.Expect(row.GetByTestId("settings-disabled")).ToBeVisibleAsync();

            // The page opened before the switch still offers its button; the router asks the policy again on the way.
            await page.GetByTestId("request-new").ClickAsync();
            await page.WaitForURLAsync("**/programmes/ganbu/requests/new");

            await Assertions.Expect(page.GetByTestId("page-not-found")).ToHaveTextAsync(unknownText);
            await Assertions.Expect(page).ToHaveTitleAsync(unknownTitle);
            await Assertions.Expect(page.GetByTestId("request-submit")).ToHaveCountAsync(0);

            await row.GetByTestId("settings-enable").ClickAsync();
            await Assertions.Expect(row.GetByTestId("settings-enabled")).ToBeVisibleAsync();
        }
        finally
        {
            // Other browser tests share the demo database: leave the programme on whatever happened.
            await using var db = app.Portal.OpenDatabase();
            await db.InstitutionProgrammes.Where(p => p.ProgrammeKey == "ganbu").ExecuteUpdateAsync(u => u.SetProperty(p => p.Enabled, true));
        }
    }
}
