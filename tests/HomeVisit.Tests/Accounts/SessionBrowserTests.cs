using System.Text.RegularExpressions;
using HomeVisit.Core.Accounts;
using HomeVisit.Core.Demo;
using HomeVisit.Tests.Browser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace HomeVisit.Tests.Accounts;

/// <summary>
/// A portal whose live pages re-check their session every second and sign out after 10 s without input, so the
/// browser can watch sessions end (production: 1 minute and 30 minutes).
/// </summary>
public sealed class SessionBrowserFixture : BrowserFixture
{
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromSeconds(10);

    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["Accounts:RevalidationInterval"] = "00:00:01",
        ["Accounts:IdleTimeout"] = "00:00:10",
    };
}

[CollectionDefinition(Name)]
public sealed class SessionBrowserCollection : ICollectionFixture<SessionBrowserFixture>
{
    public const string Name = "SessionBrowser";
}

[Collection(SessionBrowserCollection.Name)]

[Trait("Category", "Browser")]
public sealed class SessionBrowserTests(SessionBrowserFixture app)
{
    /// <summary>What a system admin does on the account page: disable or re-enable an account.</summary>
    private async Task SetDisabledAsync(string userName, bool disabled)
    {
        var admin = app.Portal.Services.GetRequiredService<UserAdminService>();
        await using var db = app.Portal.OpenDatabase();
        var sysAdmin = PortalUser.From(await db.UserAccounts.SingleAsync(a => a.UserName == DemoAccounts.Admin));
        var id = await db.UserAccounts.Where(a => a.UserName == userName).Select(a => a.Id).SingleAsync();
        var edit = await admin.GetAsync(sysAdmin, id);
        edit.IsDisabled = disabled;
        await admin.SaveAsync(sysAdmin, edit);
    }

    [Fact]
    public async Task An_open_page_goes_to_sign_in_when_an_admin_disables_the_account()
    {
        await using var session = await app.SignInAsync(DemoAccounts.Leader);
        var page = session.Page;
        await page.GotoAsync("/visits");
        await BrowserFixture.WaitForInteractiveAsync(page);

        await SetDisabledAsync(DemoAccounts.Leader, true);
        try
        {
            // Less than the idle timeout: the circuit's revalidation, not idleness, must be what ends the page.
            await Assertions.Expect(page).ToHaveURLAsync(new Regex("/account/login"), new() { Timeout = 8_000 });
            await Assertions.Expect(page.Locator("#username")).ToBeVisibleAsync();
        }
        finally
        {
            await SetDisabledAsync(DemoAccounts.Leader, false);
        }
    }

    [Fact]
    public async Task An_open_page_goes_to_sign_in_when_the_user_signs_out_in_another_tab()
    {
        await using var session = await app.SignInAsync(DemoAccounts.Staff);
        var open = session.Page;
        await open.GotoAsync("/");
        await BrowserFixture.WaitForInteractiveAsync(open);

        var other = await session.Context.NewPageAsync();
        await other.GotoAsync("/");
        await BrowserFixture.WaitForInteractiveAsync(other);
        await other.GetByRole(AriaRole.Button, new() { Name = "退出登录" }).ClickAsync();
        await Assertions.Expect(other).ToHaveURLAsync(new Regex("/account/login"));

        await Assertions.Expect(open).ToHaveURLAsync(new Regex("/account/login"), new() { Timeout = 8_000 });
    }

    [Fact]
    public async Task An_open_page_goes_to_sign_in_when_the_password_is_changed_elsewhere()
    {
        await using var session = await app.SignInAsync(DemoAccounts.OrganisationDept);
        var page = session.Page;
        await page.GotoAsync("/people");
        await BrowserFixture.WaitForInteractiveAsync(page);

        var accounts = app.Portal.Services.GetRequiredService<AccountService>();
        await using (var db = app.Portal.OpenDatabase())
        {
            var user = PortalUser.From(await db.UserAccounts.SingleAsync(a => a.UserName == DemoAccounts.OrganisationDept));
            await accounts.ChangePasswordAsync(user, DemoAccounts.Password, "Zuzhi#2027", "Zuzhi#2027");
        }

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/account/login"), new() { Timeout = 8_000 });
    }

    [Fact]
    public async Task A_tab_left_without_input_goes_to_the_timeout_page_and_its_session_is_gone()
    {
        await using var session = await app.SignInAsync(DemoAccounts.Liaison);
        var page = session.Page;
        await page.GotoAsync("/visits");
        await BrowserFixture.WaitForInteractiveAsync(page);

        // Nothing is typed or clicked from here on; the page's own traffic (circuit, keep-alive) must not count.
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/account/timeout"), new() { Timeout = (int)(SessionBrowserFixture.IdleTimeout + TimeSpan.FromSeconds(10)).TotalMilliseconds });
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("已超时退出");

        await page.GotoAsync("/visits");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/account/login"));
    }

    [Fact]
    public async Task Typing_and_moving_the_mouse_keep_the_tab_signed_in_past_the_idle_timeout()
    {
        await using var session = await app.SignInAsync(DemoAccounts.CaseManagement);
        var page = session.Page;
        await page.GotoAsync("/");
        await BrowserFixture.WaitForInteractiveAsync(page);

        // The one place a test has to let time pass: activity spread over longer than the timeout.
        var until = DateTime.UtcNow + SessionBrowserFixture.IdleTimeout * 1.5;
        for (var i = 0; DateTime.UtcNow < until; i++)
        {
            if (i % 2 == 0) await page.Keyboard.PressAsync("Shift");
            else await page.Mouse.MoveAsync(100 + i, 200);
            await page.WaitForTimeoutAsync(1_000);
        }

        Assert.DoesNotContain("/account/", page.Url, StringComparison.Ordinal);
        await Assertions.Expect(page.GetByTestId("current-user")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task An_admin_sets_the_password_policy_and_a_weaker_password_is_refused_beside_the_field()
    {
        await using var session = await app.SignInAsync(DemoAccounts.Admin);
        var page = session.Page;
        await page.GotoAsync("/admin/users");
        await BrowserFixture.WaitForInteractiveAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "密码策略" }).ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith("/admin/password-policy", StringComparison.Ordinal));
        await Assertions.Expect(page.Locator("#classes")).ToHaveValueAsync("3");
        try
        {
            await page.FillAsync("#classes", "4");
            await page.GetByTestId("save").ClickAsync();
            await Assertions.Expect(page.GetByText("已保存。")).ToBeVisibleAsync();

            await page.GotoAsync("/admin/users/new");
            await BrowserFixture.WaitForInteractiveAsync(page);
            await page.FillAsync("#username", "Zhangsan");
            await page.FillAsync("#displayname", "张三");
            await page.FillAsync("#password", "start#2026");
            await page.GetByTestId("save").ClickAsync();

            await Assertions.Expect(BrowserFixture.FieldError(page, "user-password")).ToHaveTextAsync("密码须包含大写字母、小写字母、数字和符号中的至少 4 类。");
            await Assertions.Expect(page.Locator("#username")).ToHaveValueAsync("Zhangsan");
        }
        finally
        {
            var policies = app.Portal.Services.GetRequiredService<PasswordPolicyService>();
            await using var db = app.Portal.OpenDatabase();
            var admin = PortalUser.From(await db.UserAccounts.SingleAsync(a => a.UserName == DemoAccounts.Admin));
            var edit = await policies.GetAsync(admin);
            edit.RequiredClasses = 3;
            await policies.SaveAsync(admin, edit);
        }
    }
}
