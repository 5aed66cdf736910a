using System.Net;
using HomeVisit.Core.Demo;
using HomeVisit.Tests.Host;
using Microsoft.EntityFrameworkCore;

namespace HomeVisit.Tests.Accounts;

/// <summary>
/// Sign-in and sessions over HTTP (issue 13 items 3-5 and 15). Its own portal, since these tests lock and sign out
/// demo accounts; each test uses an account no other test here signs in with.
/// </summary>
public sealed class SessionHostTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const string Locked = "密码连续输错次数过多，账号已锁定，请稍后再试或联系管理员。";

    /// <summary>A client that has loaded the login form, ready to post it (so many posts can leave at once).</summary>
    private async Task<(HttpClient Client, Func<string, string, Task<HttpResponseMessage>> Post)> LoginFormAsync()
    {
        var client = portal.CreateBrowserLikeClient();
        var token = PortalClient.AntiforgeryToken(await client.GetDocumentAsync("/account/login"));
        return (client, (user, password) => client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = token,
            ["Input.UserName"] = user,
            ["Input.Password"] = password,
        })));
    }

    [Fact]
    public async Task Twenty_simultaneous_sign_ins_mostly_wrong_never_fail_with_500_and_lock_the_account()
    {
        // 17 wrong among 20: with at most three right ones resetting the count, some run of five wrong ones is
        // unavoidable, so the account must end up locked whatever the order.
        var forms = new List<(HttpClient Client, Func<string, string, Task<HttpResponseMessage>> Post)>();
        for (var i = 0; i < 20; i++) forms.Add(await LoginFormAsync());
        try
        {
            var responses = await Task.WhenAll(forms.Select((f, i) => f.Post(DemoAccounts.CaseManagement, i % 7 == 3 ? DemoAccounts.Password : "wrong-" + i)));

            Assert.All(responses, r => Assert.True(r.StatusCode is HttpStatusCode.OK or HttpStatusCode.Redirect,
                $"A sign-in answered {(int)r.StatusCode}"));
            foreach (var r in responses) r.Dispose();

            using var again = await (await LoginFormAsync()).Post(DemoAccounts.CaseManagement, DemoAccounts.Password);
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
            Assert.Equal(Locked, (await PortalClient.ParseAsync(again)).QuerySelector("[data-testid=login-error]")?.TextContent.Trim());
            await using var db = portal.OpenDatabase();
            Assert.True(await db.UserAccounts.Where(a => a.UserName == DemoAccounts.CaseManagement).Select(a => a.LockoutEnd).SingleAsync() > DateTime.UtcNow);
        }
        finally
        {
            foreach (var f in forms) f.Client.Dispose();
        }
    }

    [Fact]
    public async Task Simultaneous_right_passwords_for_one_account_all_sign_in()
    {
        for (var round = 0; round < 3; round++)
        {
            var forms = new[] { await LoginFormAsync(), await LoginFormAsync(), await LoginFormAsync() };
            var responses = await Task.WhenAll(forms.Select(f => f.Post(DemoAccounts.Staff, DemoAccounts.Password)));

            Assert.All(responses, r =>
            {
                Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
                Assert.Equal("/", r.RedirectPath());
            });
            foreach (var (client, _) in forms)
            {
                using var home = await client.GetAsync("/");
                Assert.Equal(HttpStatusCode.OK, home.StatusCode);
                client.Dispose();
            }
        }
    }

    [Fact]
    public async Task A_link_to_the_timeout_page_from_another_site_does_not_sign_the_user_out()
    {
        using var client = portal.CreateBrowserLikeClient();
        await client.SignInAsync(DemoAccounts.OrganisationDept);

        var request = new HttpRequestMessage(HttpMethod.Get, "/account/timeout");
        request.Headers.Referrer = new Uri("https://evil.example/");
        using (var timeout = await client.SendAsync(request))
        {
            Assert.Equal(HttpStatusCode.OK, timeout.StatusCode);
            var cookies = timeout.Headers.TryGetValues("Set-Cookie", out var values) ? values : [];
            Assert.DoesNotContain(cookies, c => c.StartsWith("hv.auth=", StringComparison.Ordinal));
        }

        using var home = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
    }

    /// <summary>Signs in and returns the auth cookie as a browser would send it (for replaying it from elsewhere).</summary>
    private async Task<(HttpClient Client, string Cookie)> SignInKeepingCookieAsync(string userName)
    {
        var client = portal.CreateBrowserLikeClient();
        using var response = await client.PostLoginAsync(userName, DemoAccounts.Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var cookie = string.Join("; ", response.Headers.GetValues("Set-Cookie")
            .Where(c => c.StartsWith("hv.auth", StringComparison.Ordinal)).Select(c => c.Split(';')[0]));
        return (client, cookie);
    }

    private async Task<HttpStatusCode> ReplayAsync(string cookie, string path)
    {
        using var stranger = portal.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", cookie);
        using var response = await stranger.SendAsync(request);
        return response.StatusCode;
    }

    [Fact]
    public async Task A_copied_cookie_is_refused_after_sign_out_while_the_users_other_sessions_stay()
    {
        var (client, cookie) = await SignInKeepingCookieAsync(DemoAccounts.DisciplineOffice);
        using var other = portal.CreateBrowserLikeClient();
        await other.SignInAsync(DemoAccounts.DisciplineOffice);
        Assert.Equal(HttpStatusCode.OK, await ReplayAsync(cookie, "/visits"));

        var token = PortalClient.AntiforgeryToken(await client.GetDocumentAsync("/"));
        using (var logout = await client.PostAsync("/account/logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token })))
            Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, await ReplayAsync(cookie, "/visits"));
        Assert.Equal(HttpStatusCode.Redirect, await ReplayAsync(cookie, "/"));
        using var stillIn = await other.GetAsync("/visits");
        Assert.Equal(HttpStatusCode.OK, stillIn.StatusCode);
        client.Dispose();
    }

    [Fact]
    public async Task A_weak_new_password_is_refused_beside_the_field_and_a_changed_password_ends_the_other_sessions()
    {
        var (client, _) = await SignInKeepingCookieAsync(DemoAccounts.DisciplineStaff);
        using var otherBrowser = portal.CreateBrowserLikeClient();
        await otherBrowser.SignInAsync(DemoAccounts.DisciplineStaff);

        var form = await client.GetDocumentAsync("/account/password");
        Assert.Equal("至少 8 位，包含大写字母、小写字母、数字和符号中的至少 3 类。", form.QuerySelector("[data-testid=password-policy]")?.TextContent.Trim());
        using var weak = await PostPasswordAsync(client, form, DemoAccounts.Password, "aaaaaaaa");
        var page = await PortalClient.ParseAsync(weak);
        Assert.Equal("新密码须包含大写字母、小写字母、数字和符号中的至少 3 类。",
            page.QuerySelector("#new ~ [data-testid=error-New]")?.TextContent.Trim());
        using (var stillOld = await otherBrowser.GetAsync("/"))
            Assert.Equal(HttpStatusCode.OK, stillOld.StatusCode);

        using var strong = await PostPasswordAsync(client, await client.GetDocumentAsync("/account/password"), DemoAccounts.Password, "Jijian#2027");
        Assert.Contains("密码已修改。", (await PortalClient.ParseAsync(strong)).Body!.TextContent);

        using (var same = await client.GetAsync("/"))
            Assert.Equal(HttpStatusCode.OK, same.StatusCode);
        using var other = await otherBrowser.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, other.StatusCode);
        client.Dispose();
    }

    private static Task<HttpResponseMessage> PostPasswordAsync(HttpClient client, AngleSharp.Html.Dom.IHtmlDocument form, string current, string next) =>
        client.PostAsync("/account/password", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "password",
            ["__RequestVerificationToken"] = PortalClient.AntiforgeryToken(form),
            ["Input.Current"] = current,
            ["Input.New"] = next,
            ["Input.Confirm"] = next,
        }));
}
