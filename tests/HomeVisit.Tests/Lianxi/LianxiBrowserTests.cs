using HomeVisit.Core.Demo;
using HomeVisit.Tests.Browser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace HomeVisit.Tests.Lianxi;

[Collection(BrowserCollection.Name)]

[Trait("Category", "Browser")]
public sealed class LianxiBrowserTests(BrowserFixture app)
{
    [Fact]
    public async Task The_record_table_prints_on_one_a4_page()
    {
        await using var session = await app.SignInAsync(DemoAccounts.Leader);

        var result = await PrintPdf.RenderAsync(session.Page, "/programmes/lianxi/record");

        Assert.Equal(1, result.Pages);
        Assert.False(result.Overflows);
        await Assertions.Expect(session.Page.GetByTestId("record-table")).ToContainTextAsync("联系工作开展情况");
    }

    [Fact]
    public async Task The_organisation_department_is_told_beside_the_field_that_a_leader_links_to_at_most_two_branches()
    {
        int leaderId;
        await using (var db = app.Portal.OpenDatabase())
            leaderId = await db.People.Where(p => p.Position == "副院长" && p.Unit!.Name == "信息工程学院").Select(p => p.Id).FirstAsync();
        await using var session = await app.SignInAsync(DemoAccounts.OrganisationDept);
        var page = session.Page;

        await page.GotoAsync($"/programmes/lianxi/links/{leaderId}");
        await BrowserFixture.WaitForInteractiveAsync(page);
        await Assertions.Expect(page.GetByTestId("link-problem").First).ToContainTextAsync("未安排联系党支部");
        await page.GetByTestId("branch-save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("error-BranchIds")).ToHaveTextAsync("每名党员领导干部应联系 1 至 2 个党支部（三、1）。");

        await page.GetByTestId("branch-ids").FillAsync("信息工程学院教工第一");
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = "信息工程学院教工第一党支部" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("branch-chosen")).ToContainTextAsync("信息工程学院教工第一党支部");
        await page.GetByTestId("branch-save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("link-saved")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("link-problem")).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task A_leader_forwards_a_problem_on_a_phone_without_scrolling_sideways_and_keeps_what_was_typed_when_told_what_is_missing()
    {
        await using var session = await app.SignInAsync(DemoAccounts.Leader);
        var page = session.Page;
        await page.SetViewportSizeAsync(360, 740);

        await page.GotoAsync("/programmes/lianxi/feedback");
        await BrowserFixture.WaitForInteractiveAsync(page);
        await Assertions.Expect(page.GetByTestId("feedback-form")).ToBeVisibleAsync();
        Assert.True(await FitsWidthAsync(page), "the feedback page scrolls sideways at 360 px");

        var summary = $"实训室空调故障 {Guid.NewGuid():N}"[..16];
        await page.GetByTestId("fb-summary").FillAsync(summary);
        await page.GetByTestId("fb-raise").ClickAsync();
        await Assertions.Expect(BrowserFixture.FieldError(page, "fb-raiser-name")).ToHaveTextAsync("请填写反映问题的师生。");
        await Assertions.Expect(BrowserFixture.FieldError(page, "fb-unit")).ToHaveTextAsync("请选择转交的责任部门。");
        await Assertions.Expect(page.GetByTestId("fb-summary")).ToHaveValueAsync(summary);
        Assert.True(await FitsWidthAsync(page), "the form with its messages scrolls sideways at 360 px");

        await page.GetByTestId("fb-raiser-name").FillAsync("学生党员代表");
        await page.GetByTestId("fb-unit").FillAsync("党委办公");
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = "党委办公室" }).ClickAsync();
        await page.GetByTestId("fb-raise").ClickAsync();

        var row = page.Locator("tr:has([data-testid=fb-row])", new() { HasText = summary });
        await Assertions.Expect(row).ToContainTextAsync("党委办公室");
        await Assertions.Expect(page.GetByTestId("fb-summary")).ToHaveValueAsync("");
        Assert.True(await FitsWidthAsync(page), "the list scrolls sideways at 360 px");
    }

    [Fact]
    public async Task A_leader_reads_the_progress_of_each_linked_branch_on_a_phone_as_cards_without_scrolling_sideways()
    {
        await using var session = await app.SignInAsync(DemoAccounts.Leader);
        var page = session.Page;
        await page.SetViewportSizeAsync(360, 740);

        await page.GotoAsync("/programmes/lianxi/progress");
        await BrowserFixture.WaitForInteractiveAsync(page);
        var branch = page.Locator("[data-testid=progress-branches] tr:has([data-testid=line-activities])").First;
        await Assertions.Expect(branch).ToBeVisibleAsync();
        await Assertions.Expect(branch).ToContainTextAsync("汽车工程学院");

        // Each cell takes the card's width (its label beside it), instead of five columns squeezed into 360 px.
        var layout = await page.EvaluateAsync<double[]>("""
            () => {
                const section = document.querySelector('[data-testid=progress-branches]');
                const row = [...section.querySelectorAll('tr')].find(r => r.querySelector('[data-testid=line-activities]'));
                const narrowest = Math.min(...[...row.querySelectorAll('td')].map(td => td.getBoundingClientRect().width));
                const overflow = Math.max(...[section, ...section.querySelectorAll('.hv-scroll-x, .mud-table-container')].map(e => e.scrollWidth - e.clientWidth));
                return [narrowest, section.getBoundingClientRect().width, overflow, document.documentElement.scrollWidth - document.documentElement.clientWidth];
            }
            """);
        Assert.True(layout[0] >= layout[1] * 0.6, $"a branch cell is {layout[0]:0} px wide in a {layout[1]:0} px section");
        Assert.True(layout[2] <= 1, $"the branch table scrolls sideways by {layout[2]:0} px");
        Assert.True(layout[3] <= 0, "the page scrolls sideways at 360 px");
    }

    // Neither the page nor the form, the filter or the list (its table container included) is wider than the screen.
    private static Task<bool> FitsWidthAsync(IPage page) =>
        page.EvaluateAsync<bool>("""
            () => {
                const width = document.documentElement.clientWidth;
                const parts = [...document.querySelectorAll('[data-testid=feedback-raise], .hv-toolbar, [data-testid=fb-list], [data-testid=fb-list] .mud-table-container')];
                return document.documentElement.scrollWidth <= width
                    && parts.length >= 3
                    && parts.every(e => e.getBoundingClientRect().right <= width + 1 && e.scrollWidth <= e.clientWidth + 1);
            }
            """);
}
