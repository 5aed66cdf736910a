using HomeVisit.Core.Demo;
using Microsoft.Playwright;

namespace HomeVisit.Tests.Browser;

/// <summary>/dashboard in a real browser: a figure's link lists exactly the visits it counts (issue 17, one true figure).</summary>
[Collection(BrowserCollection.Name)]
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
        await Assertions.Expect(page.GetByTestId("visits-filter-status")).ToHaveValueAsync("open-ahead");
        var rows = page.GetByTestId("visit-row");
        await Assertions.Expect(rows).ToHaveCountAsync(count);
        await Assertions.Expect(page.Locator("[data-testid=visit-row] [data-overdue=true]")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_units_done_figure_links_to_a_list_of_that_units_visits_of_that_many()
    {
        await using var session = await app.SignInAsync(DemoAccounts.OrganisationDept);
        var page = session.Page;

        await page.GotoAsync("/dashboard");
        await BrowserFixture.WaitForInteractiveAsync(page);
        var done = page.GetByTestId("dashboard-done");
        await Assertions.Expect(done).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\d+$"));
        var everyone = int.Parse(await done.InnerTextAsync());

        var unit = page.GetByTestId("dashboard-unit");
        var college = page.Locator("[data-testid=dashboard-unit] option", new() { HasTextString = "汽车工程学院" }).First;
        var unitId = await college.GetAttributeAsync("value");
        await unit.SelectOptionAsync(unitId!);
        await Assertions.Expect(done).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex($"unit={unitId}$"));
        var count = int.Parse(await done.InnerTextAsync());
        Assert.True(count > 0 && count < everyone, $"the demo's 汽车工程学院 has some of the year's {everyone} done visits, not all: {count}");

        await done.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/visits\\?.*unit={unitId}"));
        // One page shows its rows; more than one page says the total in the pager.
        if (count <= 20) await Assertions.Expect(page.GetByTestId("visit-row")).ToHaveCountAsync(count);
        else await Assertions.Expect(page.GetByTestId("visits-grid")).ToContainTextAsync($"共 {count} 条");
    }
}
