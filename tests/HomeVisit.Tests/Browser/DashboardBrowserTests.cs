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

        // The unit box is an autocomplete: type the name, pick the college (listed before its branches).
        await page.GetByTestId("dashboard-unit").FillAsync("汽车工程学院");
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = "汽车工程学院" }).First.ClickAsync();
        await Assertions.Expect(done).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex(@"unit=\d+$"));
        var unitId = System.Text.RegularExpressions.Regex.Match((await done.GetAttributeAsync("href"))!, @"unit=(\d+)$").Groups[1].Value;
        var count = int.Parse(await done.InnerTextAsync());
        Assert.True(count > 0 && count < everyone, $"the demo's 汽车工程学院 has some of the year's {everyone} done visits, not all: {count}");

        await done.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/visits\\?.*unit={unitId}"));
        // The list says the same total above its grid; on one page it shows every row.
        await Assertions.Expect(page.GetByTestId("visits-total")).ToHaveTextAsync($"共 {count} 条");
        if (count <= 20) await Assertions.Expect(page.Locator("tr:has([data-testid=visit-row])")).ToHaveCountAsync(count);

        // The list says which unit it is filtered by; closing the chip lists everyone's visits again.
        var chip = page.GetByTestId("visits-filter-unit");
        await Assertions.Expect(chip).ToContainTextAsync("单位：汽车工程学院");
        await chip.Locator(".mud-chip-close-button").ClickAsync();
        await Assertions.Expect(chip).ToHaveCountAsync(0);
        await Assertions.Expect(page).Not.ToHaveURLAsync(new System.Text.RegularExpressions.Regex("unit="));
        await Assertions.Expect(page.GetByTestId("visits-total")).Not.ToHaveTextAsync($"共 {count} 条");
    }
}
