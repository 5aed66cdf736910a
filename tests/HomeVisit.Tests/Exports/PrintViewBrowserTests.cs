using HomeVisit.Core.Demo;
using HomeVisit.Tests.Browser;
using Microsoft.Playwright;

namespace HomeVisit.Tests.Exports;

[Collection(BrowserCollection.Name)]

[Trait("Category", "Browser")]
public sealed class PrintViewBrowserTests(BrowserFixture app)
{
    [Fact]
    public async Task The_period_summary_prints_on_one_a4_page_without_overflow()
    {
        await using var session = await app.SignInAsync(DemoAccounts.OrganisationDept);

        var result = await PrintPdf.RenderAsync(session.Page, "/programmes/lianzheng/summary");

        Assert.Equal(1, result.Pages);
        Assert.False(result.Overflows);
        await Assertions.Expect(session.Page.GetByTestId("summary")).ToContainTextAsync("廉政家访");
    }
}
