using HomeVisit.Core.Demo;
using Microsoft.Playwright;

namespace HomeVisit.Tests.Browser;

/// <summary>/dashboard in a real browser: a figure's link lists exactly the visits it counts (issue 17, one true figure).</summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class DashboardBrowserTests(BrowserFixture app)
{
    [Fact]
    public async Task The_planned_figure_links_to_a_visit_list_of_that_many_visits_none_of_them_overdue()
    {
        await using var session = await app.SignInAsync(DemoAccounts.OrganisationDept);
        var page = session.Page;

        await page.GotoAsync("/dashboard");
        await BrowserFixture.WaitForInteractiveAsync(page);
        var planned = page.GetByTestId("dashboard-planned");
        await Assertions.Expect(planned).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\d+$"));
        var count = int.Parse(await planned.InnerTextAsync());
        Assert.True(count > 0, "the demo institution has visits planned ahead");

        await planned.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/visits\?open=ahead"));
        await Assertions.Expect(page.GetByTestId("visits-filter-status")).ToHaveValueAsync("已安排未完成");
        var rows = page.Locator("tr:has([data-testid=visit-row])");
        await Assertions.Expect(rows).ToHaveCountAsync(count);
        await Assertions.Expect(page.Locator("tr:has([data-testid=visit-row]) [data-overdue=true]")).ToHaveCountAsync(0);
    }
}
