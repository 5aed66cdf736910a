using HomeVisit.Core.Demo;
using Microsoft.Playwright;

namespace HomeVisit.Tests.Browser;

/// <summary>
/// What a careful user tripped over walking the portal before it was handed to institutions: links that looked like
/// plain text, and a required field answered by MudBlazor's bare 必填 instead of the service's message.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class CarefulUserBrowserTests(BrowserFixture app)
{
    [Fact]
    public async Task A_plain_link_on_a_page_is_in_the_link_colour_not_the_text_colour()
    {
        await using var session = await app.SignInAsync(DemoAccounts.Leader);
        var page = session.Page;
        await page.GotoAsync("/visits");
        await BrowserFixture.WaitForInteractiveAsync(page);
        var link = page.GetByTestId("visit-link").First;
        await Assertions.Expect(link).ToBeVisibleAsync();

        // The theme's primary colour as the browser computes it, beside the colour of the page's text.
        var primary = await page.EvaluateAsync<string>(@"() => {
            const probe = document.createElement('span');
            probe.style.color = 'var(--mud-palette-primary)';
            document.querySelector('.mud-main-content').appendChild(probe);
            const c = getComputedStyle(probe).color; probe.remove(); return c; }");
        var text = await page.Locator("h1").EvaluateAsync<string>("e => getComputedStyle(e).color");
        Assert.NotEqual(text, primary);
        await Assertions.Expect(link).ToHaveCSSAsync("color", primary);
    }

    [Fact]
    public async Task A_new_account_without_a_password_is_told_so_in_words_beside_the_field_and_keeps_what_was_typed()
    {
        await using var session = await app.SignInAsync(DemoAccounts.Admin);
        var page = session.Page;
        await page.GotoAsync("/admin/users/new");
        await BrowserFixture.WaitForInteractiveAsync(page);
        await page.FillAsync("#username", "wangwu");
        await page.FillAsync("#displayname", "王五");

        await page.GetByTestId("save").ClickAsync();

        await Assertions.Expect(BrowserFixture.FieldError(page, "user-password")).ToHaveTextAsync("新账号须设置初始密码。");
        await Assertions.Expect(page.Locator("#username")).ToHaveValueAsync("wangwu");
        await Assertions.Expect(page.Locator("#displayname")).ToHaveValueAsync("王五");
        Assert.EndsWith("/admin/users/new", page.Url);
    }
}
