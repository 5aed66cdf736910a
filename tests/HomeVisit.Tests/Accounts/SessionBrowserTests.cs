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
            await page.WaitForURLAsync(url => url.Contains("/account/login", StringComparison.Ordinal),
                new PageWaitForURLOptions { Timeout = 8_000 });
            await Assertions.Expect(page.Locator("#username")).ToBeVisibleAsync();
        }
        finally
        {
            await SetDisabledAsync(DemoAccounts.Leader, false);
        }
    }
}
