using System.Net;
using HomeVisit.Core.Accounts;
using HomeVisit.Core.Demo;
using HomeVisit.Portal.Account.Sso;
using HomeVisit.Tests.Host;
using Microsoft.AspNetCore.Mvc.Testing;

namespace HomeVisit.Tests.Sso;

/// <summary>The settings around campus sign-in: local sign-in for admins only, userinfo, an unreachable provider, the admin page.</summary>
public sealed class SsoHostTests(SsoPortal sso) : IClassFixture<SsoPortal>
{
    private static HttpClient Client(WebApplicationFactory<Program> app) =>
        app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    [Fact]
    public async Task With_local_sign_in_for_admins_only_a_leader_is_sent_to_campus_sign_in_and_the_admin_still_gets_in()
    {
        await using var app = sso.With(new Dictionary<string, string?> { ["Authentication:Local:AdminsOnly"] = "true" });
        using var client = Client(app);

        var login = await client.GetDocumentAsync("/account/login");
        Assert.Equal("系统管理员可使用本地账号登录：", login.QuerySelector("[data-testid=local-login-hint]")!.TextContent.Trim());
        using (var refused = await client.PostLoginAsync(DemoAccounts.Leader, DemoAccounts.Password))
        {
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            var page = await PortalClient.ParseAsync(refused);
            Assert.Equal("本地账号登录仅限系统管理员，请使用统一身份认证登录。", page.QuerySelector("[data-testid=login-error]")!.TextContent.Trim());
        }
        using (var home = await client.GetAsync("/")) Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);

        await client.SignInAsync(DemoAccounts.Admin);
        using var after = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    [Fact]
    public async Task By_default_everyone_keeps_the_password_sign_in_beside_campus_sign_in()
    {
        using var client = sso.Portal.CreateBrowserLikeClient();
        var login = await client.GetDocumentAsync("/account/login");
        Assert.Equal("或使用本地账号登录：", login.QuerySelector("[data-testid=local-login-hint]")!.TextContent.Trim());

        await client.SignInAsync(DemoAccounts.Leader);
    }

    [Fact]
    public async Task Without_userinfo_a_spec_conform_provider_sends_no_staff_number_and_the_page_says_so()
    {
        // The provider keeps scope claims out of the id_token (code flow); only userinfo has the staff number.
        var person = await sso.AddPersonAsync("何文静");
        sso.Provider.SetAccount("he.wenjing", new { staff_number = person.StaffNumber, name = "何文静" });
        await using var app = sso.With(new Dictionary<string, string?> { ["Authentication:Oidc:UseUserInfo"] = "false" });
        using var browser = sso.NewBrowser(app);

        var page = await browser.SignInAsync("he.wenjing");

        Assert.Equal(SsoProblemTexts.MissingStaffNumber, page.ProblemReason);
        Assert.Contains("统一身份认证返回的信息中没有工号", page.Text);
        Assert.Contains(SsoPortal.Contact, page.Text);
    }

    [Fact]
    public async Task A_disabled_account_gets_the_problem_page()
    {
        var person = await sso.AddPersonAsync("林志强");
        await using (var db = sso.Portal.OpenDatabase())
        {
            db.UserAccounts.Add(new UserAccount { InstitutionId = person.InstitutionId, UserName = "lzq-" + person.Id, DisplayName = "林志强", PersonId = person.Id, Roles = [Roles.Leader], IsDisabled = true });
            await db.SaveChangesAsync();
        }
        sso.Provider.SetAccount("lin.zhiqiang", new { staff_number = person.StaffNumber });
        using var browser = sso.NewBrowser();

        var page = await browser.SignInAsync("lin.zhiqiang");

        Assert.Equal(SsoProblemTexts.Disabled, page.ProblemReason);
        Assert.Null(page.CurrentUser);
    }

    [Fact]
    public async Task An_unreachable_provider_gets_the_problem_page_not_an_error()
    {
        await using var app = sso.With(new Dictionary<string, string?> { ["Authentication:Oidc:Authority"] = "http://127.0.0.1:9" });
        using var client = Client(app);

        using var response = await client.GetAsync("/account/sso");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await client.GetDocumentAsync(response.RedirectPath()!);

        Assert.Equal(SsoReasons.Unavailable, page.QuerySelector("[data-testid=sso-problem]")!.GetAttribute("data-reason"));
        Assert.Contains("系统管理员仍可使用本地账号登录", page.Body!.TextContent);
    }

    [Fact]
    public async Task Without_a_client_secret_the_portal_still_works_and_the_provider_refuses_the_code()
    {
        // A public client (PKCE only) has no secret; this provider's client needs one, so the code is refused.
        await using var app = sso.With(new Dictionary<string, string?> { ["Authentication:Oidc:ClientSecret"] = "" });
        using (var client = Client(app))
        {
            await client.SignInAsync(DemoAccounts.Admin);
            using var home = await client.GetAsync("/");
            Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        }
        var person = await sso.AddPersonAsync("宋雨");
        sso.Provider.SetAccount("song.yu", new { staff_number = person.StaffNumber });
        using var browser = sso.NewBrowser(app);

        var page = await browser.SignInAsync("song.yu");

        Assert.Equal(SsoReasons.TokenEndpoint, page.ProblemReason);
    }

    [Fact]
    public async Task A_forged_or_stale_problem_link_shows_the_general_message()
    {
        using var client = sso.Portal.CreateBrowserLikeClient();

        var page = await client.GetDocumentAsync("/account/sso/problem?p=forged");

        Assert.Equal(SsoReasons.Error, page.QuerySelector("[data-testid=sso-problem]")!.GetAttribute("data-reason"));
        Assert.Null(page.QuerySelector("[data-testid=sso-problem-identity]"));
    }

    [Fact]
    public async Task The_admin_page_shows_what_to_register_at_the_provider_and_is_for_system_admins_only()
    {
        using var admin = sso.Portal.CreateBrowserLikeClient();
        await admin.SignInAsync(DemoAccounts.Admin);
        var page = await admin.GetDocumentAsync("/admin/sso");
        Assert.Equal(sso.Provider.Issuer, page.QuerySelector("[data-testid=sso-authority]")!.TextContent.Trim());
        Assert.Equal("http://localhost/signin-oidc", page.QuerySelector("[data-testid=sso-callback]")!.TextContent.Trim());
        Assert.Equal("http://localhost/signout-oidc/backchannel", page.QuerySelector("[data-testid=sso-backchannel]")!.TextContent.Trim());

        using var leader = sso.Portal.CreateBrowserLikeClient();
        await leader.SignInAsync(DemoAccounts.Leader);
        using var denied = await leader.GetAsync("/admin/sso");
        Assert.NotEqual(HttpStatusCode.OK, denied.StatusCode);
    }
}

/// <summary>A portal without <c>Authentication:Oidc</c>: no campus sign-in anywhere.</summary>
public sealed class SsoNotConfiguredTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Without_configuration_there_is_no_campus_sign_in()
    {
        using var client = portal.CreateBrowserLikeClient();

        var login = await client.GetDocumentAsync("/account/login");
        Assert.Null(login.QuerySelector("[data-testid=sso-login]"));
        Assert.Null(login.QuerySelector("[data-testid=local-login-hint]"));
        // 404, which an anonymous visitor sees as the sign-in page (the not-found page needs a sign-in).
        using var sso = await client.GetAsync("/account/sso");
        Assert.True(sso.StatusCode == HttpStatusCode.NotFound || sso.RedirectPath()!.StartsWith("/account/login", StringComparison.Ordinal),
            $"{sso.StatusCode} {sso.Headers.Location}");

        await client.SignInAsync(DemoAccounts.Admin);
        var admin = await client.GetDocumentAsync("/admin/sso");
        Assert.NotNull(admin.QuerySelector("[data-testid=sso-not-configured]"));
    }
}
