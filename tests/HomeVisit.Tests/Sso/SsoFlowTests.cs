using System.Net;
using HomeVisit.Core.Accounts;
using HomeVisit.Core.Audit;
using HomeVisit.Core.Demo;
using HomeVisit.Portal.Account.Sso;
using HomeVisit.Tests.Host;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.JsonWebTokens;

namespace HomeVisit.Tests.Sso;

/// <summary>
/// Campus sign-in end to end: the portal (TestServer) against a real OpenID provider (oidc-provider on loopback),
/// the browser played by <see cref="SsoBrowser"/>. Tokens the provider would never send reach the portal through
/// <see cref="TokenTamperer"/>, re-signed with the provider's own key unless the signature is the point.
/// </summary>
public sealed class SsoFlowTests(SsoPortal sso) : IClassFixture<SsoPortal>, IDisposable
{
    public void Dispose() => sso.Tamperer.Rewrite = null;

    [Fact]
    public async Task The_sign_in_page_offers_campus_sign_in_which_leads_to_the_provider()
    {
        using var client = sso.Portal.CreateBrowserLikeClient();
        var login = await client.GetDocumentAsync("/account/login?returnUrl=%2Fvisits");
        var button = login.QuerySelector("[data-testid=sso-login]");
        Assert.NotNull(button);
        Assert.Equal("统一身份认证登录", button!.TextContent.Trim());
        Assert.Equal("/account/sso?returnUrl=%2Fvisits", button.GetAttribute("href"));

        int pushedBefore;
        lock (sso.Tamperer.Posts) pushedBefore = sso.Tamperer.Posts.Count;
        using var response = await client.GetAsync("/account/sso?returnUrl=%2Fvisits");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var authorize = response.Headers.Location!;
        Assert.StartsWith(sso.Provider.Issuer + "/auth?", authorize.ToString());
        var redirect = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(authorize.Query);
        Assert.Equal(TestOpenIdProvider.ClientId, redirect["client_id"]);
        // The provider offers pushed authorization requests (RFC 9126), so the parameters went to it server to server,
        // with the client's credentials, and the browser carries only the reference.
        Assert.StartsWith("urn:ietf:params:oauth:request_uri:", redirect["request_uri"].ToString());
        (Uri Url, Dictionary<string, string> Form, System.Net.Http.Headers.AuthenticationHeaderValue? Authorization, HttpStatusCode Status) pushed;
        lock (sso.Tamperer.Posts) pushed = sso.Tamperer.Posts.Skip(pushedBefore).Single(p => p.Url.AbsolutePath == "/request");
        Assert.Equal(HttpStatusCode.Created, pushed.Status);
        Assert.Equal("Basic", pushed.Authorization?.Scheme);
        var query = pushed.Form;
        Assert.Equal("code", query["response_type"]);
        Assert.Equal("S256", query["code_challenge_method"]);
        Assert.False(string.IsNullOrEmpty(query["code_challenge"]));
        Assert.False(string.IsNullOrEmpty(query["nonce"]));
        Assert.False(string.IsNullOrEmpty(query["state"]));
        Assert.Equal("http://localhost/signin-oidc", query["redirect_uri"]);
        Assert.Contains("staff", query["scope"].Split(' '));
    }

    [Fact]
    public async Task A_known_staff_number_signs_in_and_links_the_existing_account_on_first_sign_in()
    {
        var person = await sso.AddPersonAsync("周建国");
        int accountId;
        await using (var db = sso.Portal.OpenDatabase())
        {
            var account = new UserAccount { InstitutionId = person.InstitutionId, UserName = "zhoujg-" + person.Id, DisplayName = "周建国", PersonId = person.Id, Roles = [Roles.Leader] };
            db.UserAccounts.Add(account);
            await db.SaveChangesAsync();
            accountId = account.Id;
        }
        sso.Provider.SetAccount("zhou.jianguo", new { staff_number = person.StaffNumber, name = "周建国" });

        using var browser = sso.NewBrowser();
        var page = await browser.SignInAsync("zhou.jianguo", returnUrl: "/visits");

        Assert.True(page.Status == HttpStatusCode.OK && page.Url.AbsolutePath == "/visits", $"{page.Status} {page.Url}\n{string.Join("\n", browser.Trail)}\n{sso.Provider.Log}");
        Assert.Equal("周建国", page.CurrentUser);
        Assert.Contains(browser.Trail, t => t.StartsWith("POST " + sso.Provider.Issuer + "/interaction/", StringComparison.Ordinal));
        await using (var db = sso.Portal.OpenDatabase())
        {
            var account = await db.UserAccounts.SingleAsync(a => a.Id == accountId);
            Assert.Equal(sso.Provider.Issuer, account.ExternalIssuer);
            Assert.Equal("zhou.jianguo", account.ExternalSubject);
            Assert.Equal([Roles.Leader], account.Roles); // roles given in the portal stay
            Assert.NotNull(account.LastSignInAt);
            var audit = await db.AuditEntries.Where(e => e.Action == AuditActions.SignIn && e.EntityId == accountId.ToString()).ToListAsync();
            Assert.Contains(audit, e => e.Detail!.Contains("统一身份认证登录（首次登录，已关联账号）") && e.Detail.Contains(person.StaffNumber));
        }

        // The second time the link is used: the provider identity, not the staff number, finds the account.
        sso.Provider.SetAccount("zhou.jianguo", new { staff_number = "changed-" + person.StaffNumber, name = "周建国" });
        using var again = sso.NewBrowser();
        var second = await again.SignInAsync("zhou.jianguo");
        Assert.Equal("/", second.Url.AbsolutePath);
        Assert.Equal("周建国", second.CurrentUser);
    }

    [Fact]
    public async Task A_known_person_without_an_account_gets_one_as_staff_on_first_sign_in()
    {
        var person = await sso.AddPersonAsync("吴晓燕");
        sso.Provider.SetAccount("wu.xiaoyan", new { staff_number = person.StaffNumber, name = "吴晓燕" });

        using var browser = sso.NewBrowser();
        var page = await browser.SignInAsync("wu.xiaoyan");

        Assert.True(page.Url.AbsolutePath == "/", $"{page.Url}\n{string.Join("\n", browser.Trail)}");
        Assert.Equal("吴晓燕", page.CurrentUser);
        await using var db = sso.Portal.OpenDatabase();
        var account = await db.UserAccounts.SingleAsync(a => a.PersonId == person.Id);
        Assert.Equal(person.StaffNumber, account.UserName);
        Assert.Equal([Roles.Staff], account.Roles);
        Assert.Null(account.PasswordHash);
        Assert.Equal("wu.xiaoyan", account.ExternalSubject);
    }

    [Fact]
    public async Task An_unknown_person_gets_a_page_saying_whom_to_ask_and_the_refusal_is_audited()
    {
        sso.Provider.SetAccount("stranger", new { staff_number = "X404404", name = "陌生人" });

        using var browser = sso.NewBrowser();
        var page = await browser.SignInAsync("stranger");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("/account/sso/problem", page.Url.AbsolutePath);
        Assert.Equal(SsoProblemTexts.UnknownPerson, page.ProblemReason);
        Assert.Contains("平台名单中没有找到您", page.Document.QuerySelector("h1")!.TextContent);
        Assert.Contains(SsoPortal.Contact, page.Document.QuerySelector("[data-testid=sso-contact]")!.TextContent);
        Assert.Contains("X404404", page.Document.QuerySelector("[data-testid=sso-problem-identity]")!.TextContent);
        Assert.Null(page.CurrentUser);

        // Not signed in: the start page sends to the sign-in page.
        using var home = await browser.App.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        await using var db = sso.Portal.OpenDatabase();
        Assert.False(await db.UserAccounts.AnyAsync(a => a.ExternalSubject == "stranger"));
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == AuditActions.SignInFailed && e.Detail!.Contains("名单中没有该工号") && e.Detail.Contains("X404404")));
    }

    [Fact]
    public async Task Groups_mapped_by_the_admin_grant_portal_roles_and_are_withdrawn_when_the_group_goes()
    {
        var person = await sso.AddPersonAsync("郑海峰");
        await using (var db = sso.Portal.OpenDatabase())
        {
            db.SsoRoleMappings.Add(new SsoRoleMapping { InstitutionId = person.InstitutionId, ClaimValue = "/hv/leaders-" + person.Id, Role = Roles.Leader });
            db.SsoRoleMappings.Add(new SsoRoleMapping { InstitutionId = person.InstitutionId, ClaimValue = "/hv/jiwei-" + person.Id, Role = Roles.DisciplineOffice });
            await db.SaveChangesAsync();
        }
        var login = "zheng.haifeng";
        sso.Provider.SetAccount(login, new { staff_number = person.StaffNumber, name = "郑海峰", groups = new[] { "/HV/Leaders-" + person.Id, "/other/group" } });

        using (var browser = sso.NewBrowser())
        {
            var page = await browser.SignInAsync(login);
            Assert.Equal("/", page.Url.AbsolutePath);
            // A leader may plan visits: the menu shows 安排家访.
            Assert.Contains("安排家访", page.Text);
        }
        await using (var db = sso.Portal.OpenDatabase())
        {
            var account = await db.UserAccounts.SingleAsync(a => a.PersonId == person.Id);
            Assert.Equal([Roles.Leader], account.Roles);
            Assert.Equal([Roles.Leader], account.SsoRoles);
        }

        // The provider drops the group and adds another: the mapped role follows.
        sso.Provider.SetAccount(login, new { staff_number = person.StaffNumber, name = "郑海峰", groups = new[] { "/hv/jiwei-" + person.Id } });
        using (var browser = sso.NewBrowser())
        {
            var page = await browser.SignInAsync(login);
            Assert.Equal("/", page.Url.AbsolutePath);
        }
        await using (var db = sso.Portal.OpenDatabase())
        {
            var account = await db.UserAccounts.SingleAsync(a => a.PersonId == person.Id);
            Assert.Equal([Roles.DisciplineOffice], account.Roles);
        }

        // No mapped group at all: 职工.
        sso.Provider.SetAccount(login, new { staff_number = person.StaffNumber, name = "郑海峰", groups = Array.Empty<string>() });
        using (var browser = sso.NewBrowser())
        {
            var page = await browser.SignInAsync(login);
            Assert.DoesNotContain("安排家访", page.Text);
        }
        await using (var db = sso.Portal.OpenDatabase())
        {
            Assert.Equal([Roles.Staff], (await db.UserAccounts.SingleAsync(a => a.PersonId == person.Id)).Roles);
        }
    }

    [Fact]
    public async Task A_tampered_state_is_refused()
    {
        var person = await sso.AddPersonAsync("钱立新");
        sso.Provider.SetAccount("qian.lixin", new { staff_number = person.StaffNumber, name = "钱立新" });

        using var browser = sso.NewBrowser();
        browser.BeforeCallback = url =>
        {
            var q = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(url.Query);
            var state = q["state"].ToString();
            var flipped = state[..^2] + (state[^2] == 'A' ? 'B' : 'A') + state[^1];
            return new Uri(url.ToString().Replace("state=" + Uri.EscapeDataString(state), "state=" + Uri.EscapeDataString(flipped), StringComparison.Ordinal));
        };
        var page = await browser.SignInAsync("qian.lixin");

        Assert.Equal(SsoReasons.State, page.ProblemReason);
        Assert.Contains("请重新登录", page.Text);
        await using var db = sso.Portal.OpenDatabase();
        Assert.False(await db.UserAccounts.AnyAsync(a => a.PersonId == person.Id));
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == AuditActions.SignInFailed && e.Detail!.Contains("state 无效")));
    }

    public static TheoryData<string, string> ForgedTokens => new()
    {
        { "nonce", SsoReasons.Nonce },
        { "expired", SsoReasons.Expired },
        { "audience", SsoReasons.Audience },
        { "signature", SsoReasons.Signature },
        { "tampered-payload", SsoReasons.Signature },
        { "issuer", SsoReasons.Issuer },
        { "no-expiry", SsoReasons.Expired },
        { "not-yet-valid", SsoReasons.NotYetValid },
        { "several-audiences", SsoReasons.Audience },
    };

    [Theory]
    [MemberData(nameof(ForgedTokens))]
    public async Task An_id_token_that_fails_a_check_signs_no_one_in(string forgery, string reason)
    {
        var person = await sso.AddPersonAsync("孙" + forgery);
        var login = "forged-" + forgery;
        sso.Provider.SetAccount(login, new { staff_number = person.StaffNumber, name = "孙" + forgery });
        sso.Tamperer.Rewrite = issued => Forge(issued, forgery);

        using var browser = sso.NewBrowser();
        var page = await browser.SignInAsync(login);

        Assert.True(reason == page.ProblemReason, $"{page.Url}\n{string.Join("\n", browser.Trail)}");
        Assert.Contains("身份凭证未通过校验", page.Text);
        Assert.Null(page.CurrentUser);
        await using var db = sso.Portal.OpenDatabase();
        Assert.False(await db.UserAccounts.AnyAsync(a => a.PersonId == person.Id));
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == AuditActions.SignInFailed && e.Detail!.Contains(SsoProblemTexts.AuditReason(reason))));
    }

    /// <summary>The provider's real id_token with one thing wrong, re-signed with the provider's key unless the signature is the point.</summary>
    private string Forge(string issued, string forgery)
    {
        var original = new JsonWebToken(issued);
        var claims = OidcClaims.ReadPayload(original.EncodedPayload)
            .ToDictionary(kv => kv.Key, kv => (object)kv.Value);
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        switch (forgery)
        {
            case "nonce": claims["nonce"] = "not-the-nonce-we-sent"; break;
            case "expired": claims["iat"] = now - 3600; claims["exp"] = now - 600; break; // well beyond the 2 minute skew
            case "audience": claims["aud"] = "some-other-app"; break;
            case "issuer": claims["iss"] = "http://127.0.0.1:1"; break;
            case "no-expiry": claims.Remove("exp"); break;
            case "not-yet-valid": claims["nbf"] = now + 1800; claims["exp"] = now + 3600; break; // nbf after exp would be another error
            case "several-audiences": claims["aud"] = new[] { TestOpenIdProvider.ClientId, "another-app" }; claims.Remove("azp"); break;
            case "within-skew": claims["iat"] = now - 660; claims["exp"] = now - 60; break; // expired a minute ago, inside the 2 minute skew
            case "several-audiences-azp": claims["aud"] = new[] { TestOpenIdProvider.ClientId, "another-app" }; claims["azp"] = TestOpenIdProvider.ClientId; break;
            case "signature": return sso.Provider.Sign(claims, TestOpenIdProvider.ForgedKey());
            case "tampered-payload":
                // The provider's signature kept, a claim changed: the signature no longer matches.
                claims["sub"] = "someone-else";
                var payload = Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Encode(System.Text.Json.JsonSerializer.Serialize(claims));
                var parts = issued.Split('.');
                return $"{parts[0]}.{payload}.{parts[2]}";
        }
        return sso.Provider.Sign(claims);
    }

    [Theory]
    [InlineData("within-skew")]
    [InlineData("several-audiences-azp")]
    public async Task An_id_token_inside_the_clock_skew_or_naming_this_client_as_azp_signs_in(string variant)
    {
        var person = await sso.AddPersonAsync("岳" + variant);
        var login = "accepted-" + variant;
        sso.Provider.SetAccount(login, new { staff_number = person.StaffNumber, name = "岳" + variant });
        sso.Tamperer.Rewrite = issued => Forge(issued, variant);

        using var browser = sso.NewBrowser();
        var page = await browser.SignInAsync(login);

        Assert.True(page.CurrentUser == "岳" + variant, $"{page.Url} {page.ProblemReason}\n{string.Join("\n", browser.Trail)}");
    }

    [Fact]
    public async Task The_provider_refusing_the_code_ends_on_the_problem_page()
    {
        var person = await sso.AddPersonAsync("冯一鸣");
        sso.Provider.SetAccount("feng.yiming", new { staff_number = person.StaffNumber });
        using var browser = sso.NewBrowser();
        browser.BeforeCallback = url => new Uri(url.ToString().Replace("code=", "code=x", StringComparison.Ordinal));

        var page = await browser.SignInAsync("feng.yiming");

        Assert.Equal(SsoReasons.TokenEndpoint, page.ProblemReason);
    }

    [Fact]
    public async Task Sign_out_ends_the_portal_session_and_the_providers()
    {
        var person = await sso.AddPersonAsync("陈思远");
        sso.Provider.SetAccount("chen.siyuan", new { staff_number = person.StaffNumber, name = "陈思远" });
        using var browser = sso.NewBrowser();
        var signedIn = await browser.SignInAsync("chen.siyuan");
        Assert.Equal("陈思远", signedIn.CurrentUser);

        var page = await browser.SignOutAsync();

        var endSession = browser.Trail.Single(t => t.StartsWith("POST /account/logout", StringComparison.Ordinal));
        Assert.Contains(sso.Provider.Issuer + "/session/end?", endSession);
        Assert.Contains("id_token_hint=", endSession);
        Assert.Contains("post_logout_redirect_uri=" + Uri.EscapeDataString("http://localhost/account/login"), endSession);
        // The provider accepted the hint and sent the browser back to the portal's sign-in page.
        Assert.True(page.Url.ToString() == "http://localhost/account/login", $"{page.Url}\n{string.Join("\n", browser.Trail)}");
        Assert.NotNull(page.Document.QuerySelector("[data-testid=sso-login]"));
        using var home = await browser.App.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);

        // The provider's session is over too: signing in again asks for the login form again.
        sso.Provider.SetAccount("chen.siyuan", new { staff_number = person.StaffNumber, name = "陈思远" });
        var again = await browser.SignInAsync("chen.siyuan");
        Assert.Equal("陈思远", again.CurrentUser);
        Assert.Equal(2, browser.Trail.Count(t => t.StartsWith("POST " + sso.Provider.Issuer + "/interaction/", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_local_sign_in_ends_only_the_portal_session()
    {
        using var client = sso.Portal.CreateBrowserLikeClient();
        await client.SignInAsync(DemoAccounts.Leader);
        var home = await client.GetDocumentAsync("/");
        using var response = await client.PostAsync("/account/logout", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = PortalClient.AntiforgeryToken(home),
        }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/login", response.RedirectPath());
    }
}
