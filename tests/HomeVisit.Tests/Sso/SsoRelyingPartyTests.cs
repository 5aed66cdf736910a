using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using HomeVisit.Core.Audit;
using HomeVisit.Core.Demo;
using HomeVisit.Portal.Account.Sso;
using HomeVisit.Tests.Host;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace HomeVisit.Tests.Sso;

/// <summary>
/// What a relying party must refuse, checked against the framework's OpenID Connect handler as the portal configures
/// it, with the real provider on loopback: requests without PKCE, missing or replayed state, replayed codes and nonces,
/// id_tokens without a nonce or a signature; and how a provider ends portal sessions (back- and front-channel logout).
/// Forged id_tokens (issuer, audience, signature, expiry, nonce) are in <see cref="SsoFlowTests"/>.
/// </summary>
public sealed class SsoRelyingPartyTests(SsoPortal sso) : IClassFixture<SsoPortal>, IDisposable
{
    public void Dispose()
    {
        sso.Tamperer.Rewrite = null;
        sso.Tamperer.RewriteRequest = null;
    }

    private async Task<(string Login, int PersonId)> PersonAsync(string name)
    {
        var person = await sso.AddPersonAsync(name);
        var login = "rp-" + person.StaffNumber.ToLowerInvariant();
        sso.Provider.SetAccount(login, new { staff_number = person.StaffNumber, name });
        return (login, person.Id);
    }

    private async Task<bool> HasAccountAsync(int personId)
    {
        await using var db = sso.Portal.OpenDatabase();
        return await db.UserAccounts.AnyAsync(a => a.PersonId == personId);
    }

    private List<(Uri Url, Dictionary<string, string> Form, System.Net.Http.Headers.AuthenticationHeaderValue? Authorization, HttpStatusCode Status)> PostsSince(int count)
    {
        lock (sso.Tamperer.Posts) return sso.Tamperer.Posts.Skip(count).ToList();
    }

    private int PostCount() { lock (sso.Tamperer.Posts) return sso.Tamperer.Posts.Count; }

    [Fact]
    public async Task The_portal_sends_an_S256_code_challenge_and_a_token_request_without_the_verifier_is_refused()
    {
        var (login, personId) = await PersonAsync("包晓东");

        // A normal sign-in: the pushed request carries the S256 challenge, the token request the verifier it was made from.
        var before = PostCount();
        using (var browser = sso.NewBrowser())
        {
            var page = await browser.SignInAsync(login);
            Assert.Equal("包晓东", page.CurrentUser);
        }
        var posts = PostsSince(before);
        var pushed = posts.Single(p => p.Url.AbsolutePath == "/request").Form;
        var redeemed = posts.Single(p => p.Url.AbsolutePath == "/token").Form;
        Assert.Equal("S256", pushed["code_challenge_method"]);
        Assert.Equal(Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(redeemed["code_verifier"]))), pushed["code_challenge"]);

        // The same sign-in with the verifier taken out of the token request: the provider refuses the code.
        await using (var db = sso.Portal.OpenDatabase())
        {
            await db.UserAccounts.Where(a => a.PersonId == personId).ExecuteDeleteAsync();
        }
        sso.Tamperer.RewriteRequest = (url, form) =>
        {
            if (url.AbsolutePath == "/token") form.Remove("code_verifier");
            return form;
        };
        before = PostCount();
        using (var browser = sso.NewBrowser())
        {
            var page = await browser.SignInAsync(login);
            Assert.Equal(SsoReasons.TokenEndpoint, page.ProblemReason);
            Assert.Null(page.CurrentUser);
        }
        var refused = PostsSince(before).Single(p => p.Url.AbsolutePath == "/token");
        Assert.False(refused.Form.ContainsKey("code_verifier"));
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.False(await HasAccountAsync(personId));
    }

    [Fact]
    public async Task A_callback_without_state_is_refused()
    {
        var (login, personId) = await PersonAsync("车明远");
        using var browser = sso.NewBrowser();
        browser.BeforeCallback = url =>
        {
            var q = QueryHelpers.ParseQuery(url.Query);
            q.Remove("state");
            return new Uri(QueryHelpers.AddQueryString(url.GetLeftPart(UriPartial.Path), q.ToDictionary(kv => kv.Key, kv => (string?)kv.Value.ToString())));
        };

        var page = await browser.SignInAsync(login);

        Assert.Equal(SsoReasons.State, page.ProblemReason);
        Assert.Null(page.CurrentUser);
        Assert.False(await HasAccountAsync(personId));
    }

    [Fact]
    public async Task An_authorization_response_naming_another_issuer_is_refused()
    {
        var (login, personId) = await PersonAsync("欧阳敏");
        using var browser = sso.NewBrowser();
        string? sentIss = null;
        browser.BeforeCallback = url =>
        {
            var q = QueryHelpers.ParseQuery(url.Query);
            sentIss = q["iss"].ToString();
            q["iss"] = "http://127.0.0.1:1";
            return new Uri(QueryHelpers.AddQueryString(url.GetLeftPart(UriPartial.Path), q.ToDictionary(kv => kv.Key, kv => (string?)kv.Value.ToString())));
        };

        var page = await browser.SignInAsync(login);

        // The provider names itself in its response (RFC 9207); a response naming another one is a mix-up.
        Assert.Equal(sso.Provider.Issuer, sentIss);
        Assert.Equal(SsoReasons.IssuerMismatch, page.ProblemReason);
        Assert.False(await HasAccountAsync(personId));
    }

    [Fact]
    public async Task A_replayed_callback_is_refused_for_its_state_and_with_copied_cookies_for_its_code()
    {
        var (login, _) = await PersonAsync("邓立群");
        Uri? callback = null;
        CookieCollection? cookiesAtCallback = null;
        using var browser = sso.NewBrowser();
        browser.BeforeCallback = url =>
        {
            callback = url;
            // The correlation and nonce cookies are scoped to the callback path.
            cookiesAtCallback = Copy(browser.Cookies.GetCookies(url));
            return url;
        };
        var first = await browser.SignInAsync(login);
        Assert.Equal("邓立群", first.CurrentUser);
        Assert.Contains(cookiesAtCallback!.Cast<Cookie>(), c => c.Name.StartsWith("hv.sso.c.", StringComparison.Ordinal));

        // The same browser again: its correlation cookie was used up, so the state no longer belongs to it.
        var again = await browser.VisitAsync(callback!);
        Assert.Equal(SsoReasons.State, again.ProblemReason);

        // Another browser with the cookies copied from the first at that moment: state and nonce pass, but the
        // provider redeems a code once only.
        using var thief = sso.NewBrowser();
        thief.Cookies.Add(cookiesAtCallback!);
        var stolen = await thief.VisitAsync(callback!);
        Assert.Equal(SsoReasons.TokenEndpoint, stolen.ProblemReason);
        using var home = await thief.App.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
    }

    [Fact]
    public async Task An_id_token_replayed_from_an_earlier_sign_in_fails_the_nonce()
    {
        var (login, _) = await PersonAsync("石建华");
        using (var first = sso.NewBrowser())
        {
            Assert.Equal("石建华", (await first.SignInAsync(login)).CurrentUser);
        }
        var earlier = sso.Tamperer.LastIssued!;

        // Validly signed by the provider, for this client and person, still fresh: only its nonce is another request's.
        sso.Tamperer.Rewrite = _ => earlier;
        using var browser = sso.NewBrowser();
        var page = await browser.SignInAsync(login);

        Assert.Equal(SsoReasons.Nonce, page.ProblemReason);
        Assert.Null(page.CurrentUser);
    }

    [Fact]
    public async Task An_id_token_without_a_nonce_is_refused()
    {
        var (login, personId) = await PersonAsync("贺云飞");
        sso.Tamperer.Rewrite = issued =>
        {
            var claims = OidcClaims.ReadPayload(new JsonWebToken(issued).EncodedPayload).ToDictionary(kv => kv.Key, kv => (object)kv.Value);
            claims.Remove("nonce");
            return sso.Provider.Sign(claims);
        };
        using var browser = sso.NewBrowser();

        var page = await browser.SignInAsync(login);

        Assert.Equal(SsoReasons.Nonce, page.ProblemReason);
        Assert.False(await HasAccountAsync(personId));
    }

    [Fact]
    public async Task A_callback_whose_nonce_cookie_is_gone_is_refused()
    {
        var (login, personId) = await PersonAsync("童欣然");
        using var browser = sso.NewBrowser();
        browser.BeforeCallback = url =>
        {
            var dropped = 0;
            foreach (Cookie cookie in browser.Cookies.GetCookies(url))
                if (cookie.Name.StartsWith("hv.sso.n.", StringComparison.Ordinal)) { cookie.Expired = true; dropped++; }
            Assert.Equal(1, dropped);
            return url;
        };

        var page = await browser.SignInAsync(login);

        Assert.Equal(SsoReasons.Nonce, page.ProblemReason);
        Assert.False(await HasAccountAsync(personId));
    }

    [Fact]
    public async Task An_unsigned_id_token_is_refused()
    {
        var (login, personId) = await PersonAsync("韦小宁");
        sso.Tamperer.Rewrite = issued =>
        {
            static string B(object o) => Base64UrlEncoder.Encode(JsonSerializer.Serialize(o));
            var payload = new JsonWebToken(issued).EncodedPayload;
            return $"{B(new { alg = "none", typ = "JWT" })}.{payload}.";
        };
        using var browser = sso.NewBrowser();

        var page = await browser.SignInAsync(login);

        Assert.Equal(SsoReasons.Signature, page.ProblemReason);
        Assert.False(await HasAccountAsync(personId));
    }

    [Fact]
    public async Task Signing_out_at_the_provider_ends_the_portal_session_and_a_copied_cookie_is_refused()
    {
        var (login, _) = await PersonAsync("苗青");
        using var browser = sso.NewBrowser();
        Assert.Equal("苗青", (await browser.SignInAsync(login)).CurrentUser);
        using var copy = sso.NewBrowser();
        copy.Cookies.Add(Copy(browser.Cookies.GetCookies(new Uri(SsoPortal.AppOrigin))));
        using (var before = await copy.App.GetAsync("/")) Assert.Equal(HttpStatusCode.OK, before.StatusCode);

        // The person signs out at the campus provider itself (not through the portal): it posts a logout_token to the portal.
        int delivered;
        lock (sso.Relay.Deliveries) delivered = sso.Relay.Deliveries.Count;
        var confirm = await browser.VisitAsync(new Uri(sso.Provider.Issuer + "/session/end"));
        await browser.SubmitProviderFormAsync(confirm, "form#op\\.logoutForm", new Dictionary<string, string> { ["logout"] = "yes" });

        List<(string Body, HttpStatusCode Status)> deliveries;
        lock (sso.Relay.Deliveries) deliveries = sso.Relay.Deliveries.Skip(delivered).ToList();
        Assert.True(deliveries.Count == 1 && deliveries[0].Status == HttpStatusCode.OK, string.Join("\n", deliveries) + "\n" + sso.Provider.Log);
        using (var replayed = await copy.App.GetAsync("/"))
        {
            Assert.Equal(HttpStatusCode.Redirect, replayed.StatusCode);
            Assert.StartsWith("/account/login", replayed.RedirectPath());
        }
        using (var own = await browser.App.GetAsync("/")) Assert.Equal(HttpStatusCode.Redirect, own.StatusCode);
        await using var db = sso.Portal.OpenDatabase();
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == AuditActions.SignOut && e.Detail!.Contains("后端通道") && e.Detail.Contains(login)));
    }

    public static TheoryData<string> BadLogoutTokens => new()
    {
        "audience", "issuer", "signature", "no-events", "nonce", "expired", "no-subject", "no-iat", "unsigned",
    };

    [Theory]
    [MemberData(nameof(BadLogoutTokens))]
    public async Task A_logout_token_that_fails_a_check_ends_no_session(string forgery)
    {
        var (login, _) = await PersonAsync("柏" + forgery);
        using var browser = sso.NewBrowser();
        Assert.NotNull((await browser.SignInAsync(login)).CurrentUser);
        var claims = LogoutClaims(login);
        string token;
        switch (forgery)
        {
            case "audience": claims["aud"] = "another-portal"; break;
            case "issuer": claims["iss"] = "http://127.0.0.1:1"; break;
            case "no-events": claims.Remove("events"); break;
            case "nonce": claims["nonce"] = "n"; break;
            case "expired": claims["iat"] = Now() - 3600; claims["exp"] = Now() - 1800; break;
            case "no-subject": claims.Remove("sub"); claims.Remove("sid"); break;
            case "no-iat": claims.Remove("iat"); break;
        }
        static string B(object o) => Base64UrlEncoder.Encode(JsonSerializer.Serialize(o));
        token = forgery switch
        {
            "signature" => sso.Provider.Sign(claims, TestOpenIdProvider.ForgedKey()),
            "unsigned" => $"{B(new { alg = "none", typ = "logout+jwt" })}.{B(claims)}.",
            _ => sso.Provider.Sign(claims),
        };

        using var response = await PostLogoutTokenAsync(token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var home = await browser.App.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
    }

    [Fact]
    public async Task A_valid_logout_token_ends_the_session_once_and_cannot_be_replayed()
    {
        var (login, _) = await PersonAsync("井文博");
        using var browser = sso.NewBrowser();
        Assert.NotNull((await browser.SignInAsync(login)).CurrentUser);
        var token = sso.Provider.Sign(LogoutClaims(login));

        using (var ended = await PostLogoutTokenAsync(token)) Assert.Equal(HttpStatusCode.OK, ended.StatusCode);
        using (var home = await browser.App.GetAsync("/")) Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);

        // Signed in again, the same token posted a second time ends nothing.
        using var again = sso.NewBrowser();
        Assert.NotNull((await again.SignInAsync(login)).CurrentUser);
        using (var replayed = await PostLogoutTokenAsync(token)) Assert.Equal(HttpStatusCode.BadRequest, replayed.StatusCode);
        using (var home = await again.App.GetAsync("/")) Assert.Equal(HttpStatusCode.OK, home.StatusCode);
    }

    [Fact]
    public async Task The_providers_front_channel_logout_ends_the_browser_session_it_names()
    {
        var (login, _) = await PersonAsync("殷海波");
        using var browser = sso.NewBrowser();
        Assert.NotNull((await browser.SignInAsync(login)).CurrentUser);
        var sid = OidcClaims.First(OidcClaims.ReadPayload(new JsonWebToken(sso.Tamperer.LastIssued!).EncodedPayload), "sid");
        Assert.False(string.IsNullOrEmpty(sid));
        var issuer = Uri.EscapeDataString(sso.Provider.Issuer);

        // Another provider session's notice (or a forged link) is ignored.
        using (var other = await browser.App.GetAsync($"/signout-oidc?iss={issuer}&sid=another-session")) Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        using (var home = await browser.App.GetAsync("/")) Assert.Equal(HttpStatusCode.OK, home.StatusCode);

        using (var notice = await browser.App.GetAsync($"/signout-oidc?iss={issuer}&sid={Uri.EscapeDataString(sid!)}")) Assert.Equal(HttpStatusCode.OK, notice.StatusCode);
        using (var home = await browser.App.GetAsync("/")) Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
    }

    private static long Now() => DateTimeOffset.UtcNow.ToUnixTimeSeconds();

    private Dictionary<string, object> LogoutClaims(string subject) => new()
    {
        ["iss"] = sso.Provider.Issuer,
        ["aud"] = TestOpenIdProvider.ClientId,
        ["iat"] = Now(),
        ["exp"] = Now() + 120,
        ["jti"] = Guid.NewGuid().ToString("N"),
        ["sub"] = subject,
        ["sid"] = "sid-" + subject,
        ["events"] = new Dictionary<string, object> { [BackChannelLogout.EventType] = new { } },
    };

    private async Task<HttpResponseMessage> PostLogoutTokenAsync(string token)
    {
        using var client = sso.Portal.CreateClient();
        return await client.PostAsync("/signout-oidc/backchannel", new FormUrlEncodedContent(new Dictionary<string, string> { ["logout_token"] = token }));
    }

    private static CookieCollection Copy(CookieCollection cookies)
    {
        var copy = new CookieCollection();
        foreach (Cookie c in cookies) copy.Add(new Cookie(c.Name, c.Value, c.Path, c.Domain));
        return copy;
    }
}

/// <summary>The configured claims (staff number, name, groups) read from the id_token and userinfo JSON.</summary>
public sealed class OidcClaimsTests
{
    [Fact]
    public void Configured_claims_are_read_by_name_or_by_a_dotted_path()
    {
        var payload = OidcClaims.ReadPayload(Base64UrlEncoder.Encode(JsonSerializer.Serialize(new
        {
            staff_number = 20260001,
            groups = new[] { "/staff", " /staff/leaders " },
            realm_access = new { roles = new[] { "hv-leader" } },
            name = "  ",
        })));

        Assert.Equal("20260001", OidcClaims.First(payload, "staff_number"));
        Assert.Equal(["/staff", "/staff/leaders"], OidcClaims.Values(payload, "groups"));
        Assert.Equal(["hv-leader"], OidcClaims.Values(payload, "realm_access.roles"));
        Assert.Empty(OidcClaims.Values(payload, "name"));
        Assert.Empty(OidcClaims.Values(payload, "realm_access.missing"));
    }
}

/// <summary>
/// Microsoft Entra ID through Identity.Web: registered as its own scheme only when <c>Authentication:Entra</c> is set,
/// sharing the portal cookie. Entra cannot be reached from the test machine, so this checks the registration and the
/// sign-in page, not a sign-in.
/// </summary>
public sealed class EntraRegistrationTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const string Tenant = "11111111-2222-3333-4444-555555555555";

    [Fact]
    public async Task Without_configuration_there_is_no_entra_scheme_and_no_button()
    {
        var schemes = portal.Services.GetRequiredService<IAuthenticationSchemeProvider>();
        Assert.Null(await schemes.GetSchemeAsync(SsoSchemes.Entra));
        Assert.Null(await schemes.GetSchemeAsync(SsoSchemes.Oidc));
        using var client = portal.CreateBrowserLikeClient();
        var login = await client.GetDocumentAsync("/account/login");
        Assert.Null(login.QuerySelector("[data-testid=entra-login]"));
    }

    [Fact]
    public async Task With_a_tenant_and_client_the_entra_scheme_signs_in_to_the_portal_cookie_and_the_page_offers_it()
    {
        await using var app = portal.WithWebHostBuilder(b =>
        {
            b.UseSetting("Authentication:Entra:TenantId", Tenant);
            b.UseSetting("Authentication:Entra:ClientId", "entra-client");
            b.UseSetting("Authentication:Entra:ClientSecret", "entra-secret");
            b.UseSetting("Authentication:Local:AdminsOnly", "true");
        });

        var scheme = await app.Services.GetRequiredService<IAuthenticationSchemeProvider>().GetSchemeAsync(SsoSchemes.Entra);
        Assert.NotNull(scheme);
        Assert.True(typeof(OpenIdConnectHandler).IsAssignableFrom(scheme!.HandlerType));
        Assert.Null(await app.Services.GetRequiredService<IAuthenticationSchemeProvider>().GetSchemeAsync(SsoSchemes.Oidc));
        var options = app.Services.GetRequiredService<IOptionsMonitor<OpenIdConnectOptions>>().Get(SsoSchemes.Entra);
        Assert.Equal($"https://login.microsoftonline.com/{Tenant}/v2.0", options.Authority);
        Assert.Equal("entra-client", options.ClientId);
        Assert.Equal("Cookies", options.SignInScheme);
        Assert.Equal("/signin-entra", options.CallbackPath);
        Assert.True(options.UsePkce);

        using var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var login = await client.GetDocumentAsync("/account/login");
        var button = login.QuerySelector("[data-testid=entra-login]");
        Assert.Equal("使用 Microsoft Entra ID 登录", button!.TextContent.Trim());
        Assert.Equal("/account/entra?returnUrl=%2F", button.GetAttribute("href"));
        Assert.Null(login.QuerySelector("[data-testid=sso-login]"));
        // With Entra as the campus sign-in, "admins only" applies to passwords.
        using var refused = await client.PostLoginAsync(DemoAccounts.Leader, DemoAccounts.Password);
        var page = await PortalClient.ParseAsync(refused);
        Assert.Equal("本地账号登录仅限系统管理员，请使用统一身份认证登录。", page.QuerySelector("[data-testid=login-error]")!.TextContent.Trim());
    }
}
