using System.Net;
using HomeVisit.Core.Demo;
using HomeVisit.Core.Visits;
using Microsoft.EntityFrameworkCore;

namespace HomeVisit.Tests.Host;

/// <summary>
/// The portal over HTTP with the demo data. One factory for the class; each test uses its own client
/// (own cookies), and the only test that changes an account (lockout) uses an account no other test signs in with.
/// </summary>
public sealed class HostTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/visits")]
    [InlineData("/people")]
    [InlineData("/follow-ups")]
    public async Task Anonymous_requests_for_pages_go_to_the_login_page(string path)
    {
        using var client = portal.CreateBrowserLikeClient();

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.StartsWith("http://localhost/account/login?ReturnUrl=", location);
        Assert.EndsWith(Uri.EscapeDataString(path), location);
    }

    [Fact]
    public async Task The_login_page_and_the_health_check_are_open_to_anonymous_users()
    {
        using var client = portal.CreateBrowserLikeClient();

        var login = await client.GetDocumentAsync("/account/login");
        using var health = await client.GetAsync("/healthz");

        Assert.NotNull(login.QuerySelector("form input#username[name='Input.UserName']"));
        Assert.NotNull(login.QuerySelector("form input#password[type=password]"));
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal("Healthy", await health.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_wrong_password_shows_the_chinese_error_and_keeps_the_user_name_but_not_the_password()
    {
        using var client = portal.CreateBrowserLikeClient();

        using var response = await client.PostLoginAsync(DemoAccounts.Leader, "not-the-password");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PortalClient.ParseAsync(response);
        Assert.Equal("用户名或密码不正确。", page.QuerySelector("[data-testid=login-error]")?.TextContent.Trim());
        Assert.Equal(DemoAccounts.Leader, page.QuerySelector("input#username")?.GetAttribute("value"));
        Assert.True(string.IsNullOrEmpty(page.QuerySelector("input#password")?.GetAttribute("value")));
        var cookies = response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [];
        Assert.DoesNotContain(cookies, c => c.StartsWith("hv.auth=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_empty_form_shows_the_required_messages_beside_the_fields()
    {
        using var client = portal.CreateBrowserLikeClient();

        using var response = await client.PostLoginAsync("", "");

        var page = await PortalClient.ParseAsync(response);
        Assert.Equal("请输入用户名。", page.QuerySelector("#username ~ .validation-message, #username ~ .hv-validation")?.TextContent.Trim());
        Assert.Equal("请输入密码。", page.QuerySelector("#password ~ .validation-message, #password ~ .hv-validation")?.TextContent.Trim());
    }

    [Theory]
    [InlineData(DemoAccounts.Leader)]
    [InlineData(DemoAccounts.Staff)]
    [InlineData(DemoAccounts.Admin)]
    [InlineData(DemoAccounts.DisciplineOffice)]
    [InlineData(DemoAccounts.OrganisationDept)]
    public async Task Demo_accounts_sign_in_and_see_their_name_on_the_start_page(string userName)
    {
        using var client = portal.CreateBrowserLikeClient();

        await client.SignInAsync(userName);
        var home = await client.GetDocumentAsync("/");

        var displayName = await portal.DisplayNameAsync(userName);
        Assert.Equal(displayName, home.QuerySelector("[data-testid=current-user]")?.TextContent.Trim());
        Assert.Equal($"您好，{displayName}", home.QuerySelector("h1")?.TextContent.Trim());
    }

    [Fact]
    public async Task A_return_url_is_honoured_only_when_it_is_local()
    {
        using var local = portal.CreateBrowserLikeClient();
        using var external = portal.CreateBrowserLikeClient();

        using var toVisits = await local.PostLoginAsync(DemoAccounts.Leader, DemoAccounts.Password, returnUrl: "/visits");
        using var toEvil = await external.PostLoginAsync(DemoAccounts.Leader, DemoAccounts.Password, returnUrl: "//evil.example/");

        Assert.Equal("/visits", toVisits.RedirectPath());
        Assert.Equal("/", toEvil.RedirectPath());
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_and_the_page_says_so()
    {
        using var client = portal.CreateBrowserLikeClient();
        for (var i = 0; i < 4; i++)
            (await client.PostLoginAsync(DemoAccounts.Liaison, "wrong")).Dispose();

        using var fifth = await client.PostLoginAsync(DemoAccounts.Liaison, "wrong");
        using var right = await client.PostLoginAsync(DemoAccounts.Liaison, DemoAccounts.Password);

        const string locked = "密码连续输错次数过多，账号已锁定，请稍后再试或联系管理员。";
        Assert.Equal(locked, (await PortalClient.ParseAsync(fifth)).QuerySelector("[data-testid=login-error]")?.TextContent.Trim());
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Equal(locked, (await PortalClient.ParseAsync(right)).QuerySelector("[data-testid=login-error]")?.TextContent.Trim());
    }

    [Fact]
    public async Task Logout_needs_the_antiforgery_token_and_then_signs_out()
    {
        using var client = portal.CreateBrowserLikeClient();
        await client.SignInAsync(DemoAccounts.Admin);
        var home = await client.GetDocumentAsync("/");
        var token = PortalClient.AntiforgeryToken(home);

        using var forged = await client.PostAsync("/account/logout", new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        using (var stillIn = await client.GetAsync("/"))
            Assert.Equal(HttpStatusCode.OK, stillIn.StatusCode);

        using var logout = await client.PostAsync("/account/logout",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        Assert.Equal("/account/login", logout.RedirectPath());
        using var after = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
    }

    [Fact]
    public async Task The_start_page_lists_only_the_users_own_visits()
    {
        // The demo leader has a home visit planned to a teacher in the coming days; staff take part in none.
        var target = await UpcomingPersonTargetOfLeaderAsync();
        using var leader = portal.CreateBrowserLikeClient();
        using var staff = portal.CreateBrowserLikeClient();
        await leader.SignInAsync(DemoAccounts.Leader);
        await staff.SignInAsync(DemoAccounts.Staff);

        var leaderHome = (await leader.GetDocumentAsync("/")).Body!.TextContent;
        var staffHome = await staff.GetDocumentAsync("/");

        Assert.Contains(target, leaderHome);
        Assert.DoesNotContain(target, staffHome.Body!.TextContent);
        Assert.Empty(staffHome.QuerySelectorAll("a[href^='/visits/']"));
    }

    [Fact]
    public async Task The_menu_shows_what_the_user_can_use_quotas_to_visitors_and_programme_admin_to_rule_admins()
    {
        using var staff = portal.CreateBrowserLikeClient();
        using var leader = portal.CreateBrowserLikeClient();
        using var admin = portal.CreateBrowserLikeClient();
        await staff.SignInAsync(DemoAccounts.Staff);
        await leader.SignInAsync(DemoAccounts.Leader);
        await admin.SignInAsync(DemoAccounts.Admin);

        var staffMenu = (await staff.GetDocumentAsync("/")).QuerySelector(".hv-nav")!;
        var leaderMenu = (await leader.GetDocumentAsync("/")).QuerySelector(".hv-nav")!;
        var adminMenu = (await admin.GetDocumentAsync("/")).QuerySelector(".hv-nav")!;

        Assert.Empty(staffMenu.QuerySelectorAll("a[href='/quotas']"));
        Assert.Single(leaderMenu.QuerySelectorAll("a[href='/quotas']"));
        Assert.Empty(leaderMenu.QuerySelectorAll("a[href='/admin/programmes']"));
        Assert.Single(adminMenu.QuerySelectorAll("a[href='/admin/programmes']"));
    }

    private async Task<string> UpcomingPersonTargetOfLeaderAsync()
    {
        await using var db = portal.OpenDatabase();
        var leaderPerson = await db.UserAccounts.Where(a => a.UserName == DemoAccounts.Leader).Select(a => a.PersonId).SingleAsync();
        var now = DateTime.UtcNow.AddHours(8);
        return await db.VisitTargets
            .Where(t => t.PersonId != null && t.Visit!.Visitors.Any(v => v.PersonId == leaderPerson)
                        && t.Visit.Status != VisitStatus.Done && t.Visit.PlannedStart > now && t.Visit.PlannedStart < now.AddDays(29))
            .Select(t => t.Person!.Name).FirstAsync();
    }
}
