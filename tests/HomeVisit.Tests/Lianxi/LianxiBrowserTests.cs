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

        var dropdown = page.GetByTestId("branch-ids");
        await dropdown.ClickAsync();
        await page.Locator(".rz-multiselect-item, .rz-dropdown-item").Filter(new() { HasText = "信息工程学院教工第一党支部" }).ClickAsync();
        await page.Keyboard.PressAsync("Escape");
        await page.GetByTestId("branch-save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("link-saved")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("link-problem")).ToHaveCountAsync(1);
    }
}
