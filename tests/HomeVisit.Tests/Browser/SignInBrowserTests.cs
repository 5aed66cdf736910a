using HomeVisit.Core.Demo;
using Microsoft.Playwright;

namespace HomeVisit.Tests.Browser;

[Collection(BrowserCollection.Name)]

[Trait("Category", "Browser")]
public sealed class SignInBrowserTests(BrowserFixture app)
{
    [Fact]
    public async Task The_leader_signs_in_through_the_form_and_sees_their_name_on_the_start_page()
    {
        await using var session = await app.SignInAsync(DemoAccounts.Leader);
        var page = session.Page;

        Assert.Equal(app.Url("/"), page.Url);
        var name = await app.Portal.DisplayNameAsync(DemoAccounts.Leader);
        await Assertions.Expect(page.GetByTestId("current-user")).ToHaveTextAsync(name);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync($"您好，{name}");
    }

    [Fact]
    public async Task A_wrong_password_keeps_the_browser_on_the_login_page_with_the_error()
    {
        await using var session = await app.NewSessionAsync();
        var page = session.Page;

        await page.GotoAsync("/account/login");
        await page.FillAsync("#username", DemoAccounts.Staff);
        await page.FillAsync("#password", "wrong-password");
        await page.ClickAsync("button[type=submit]");

        await Assertions.Expect(page.GetByTestId("login-error")).ToHaveTextAsync("用户名或密码不正确。");
        await Assertions.Expect(page.Locator("#username")).ToHaveValueAsync(DemoAccounts.Staff);
        Assert.Contains("/account/login", page.Url, StringComparison.Ordinal);
    }
}
