using HomeVisit.Core.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace HomeVisit.Tests.Browser;

[Collection(BrowserCollection.Name)]

[Trait("Category", "Browser")]
public sealed class PersonAccessBrowserTests(BrowserFixture app)
{
    [Fact]
    public async Task Staff_see_their_own_page_but_nothing_of_a_colleagues_and_a_leader_sees_the_colleague()
    {
        await using var db = app.Portal.OpenDatabase();
        var staff = await db.UserAccounts.SingleAsync(a => a.UserName == DemoAccounts.Staff);
        var colleague = await db.People.Where(p => p.InstitutionId == staff.InstitutionId && p.Id != staff.PersonId && p.HomeAddress != null)
            .OrderBy(p => p.Id).FirstAsync();

        await using (var session = await app.SignInAsync(DemoAccounts.Staff))
        {
            var page = session.Page;
            await page.GotoAsync($"/people/{colleague.Id}");
            await BrowserFixture.WaitForInteractiveAsync(page);
            await Assertions.Expect(page.GetByTestId("person-not-found")).ToContainTextAsync("不存在，或您无权查看");
            var html = await page.ContentAsync();
            Assert.DoesNotContain(colleague.Name, html);
            Assert.DoesNotContain(colleague.HomeAddress!, html);

            await page.GotoAsync($"/people/{staff.PersonId}");
            await BrowserFixture.WaitForInteractiveAsync(page);
            await Assertions.Expect(page.Locator("h1")).ToContainTextAsync(staff.DisplayName);
        }

        await using (var session = await app.SignInAsync(DemoAccounts.Leader))
        {
            var page = session.Page;
            await page.GotoAsync($"/people/{colleague.Id}");
            await BrowserFixture.WaitForInteractiveAsync(page);
            await Assertions.Expect(page.GetByText(colleague.HomeAddress!)).ToBeVisibleAsync();
        }
    }
}
