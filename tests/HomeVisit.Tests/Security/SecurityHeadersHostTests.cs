using System.Net;
using HomeVisit.Core.Demo;
using HomeVisit.Tests.Host;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HomeVisit.Tests.Security;

/// <summary>Issue 13 item 19 over HTTP: the headers on every answer (Development, as <c>dotnet run</c>).</summary>
public sealed class SecurityHeadersHostTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Theory]
    [InlineData("/account/login")]
    [InlineData("/")]
    [InlineData("/css/portal.css")]
    [InlineData("/api/ganbu/requests/1")]
    public async Task Every_answer_carries_the_policy_nosniff_and_referrer_policy(string path)
    {
        using var client = portal.CreateBrowserLikeClient();

        using var response = await client.GetAsync(path);

        var csp = string.Join(" ", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", csp);
        Assert.DoesNotContain("unsafe-eval", csp);
        Assert.DoesNotContain("script-src 'self' 'unsafe-inline'", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("same-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
    }

    [Fact]
    public async Task The_front_channel_logout_answer_may_be_framed_by_the_provider_and_keeps_the_script_policy()
    {
        using var client = portal.CreateBrowserLikeClient();

        using var response = await client.GetAsync("/signout-oidc");

        var csp = string.Join(" ", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", csp);
        Assert.DoesNotContain("frame-ancestors", csp);
        Assert.False(response.Headers.Contains("X-Frame-Options"));
    }
}

/// <summary>
/// Issue 13 item 19 outside Development (Staging, with the demo seed): plain HTTP is redirected to HTTPS, HTTPS gets
/// HSTS, and behind a known reverse proxy that forwards <c>X-Forwarded-Proto: https</c> the sign-in cookie is Secure.
/// Requests arrive from 10.0.0.5, the configured proxy, unless a test says otherwise.
/// </summary>
public sealed class HttpsBehindProxyHostTests(HttpsBehindProxyHostTests.Portal portal) : IClassFixture<HttpsBehindProxyHostTests.Portal>
{
    public sealed class Portal : PortalFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment("Staging");
            builder.UseSetting("https_port", "443");
            builder.UseSetting("ForwardedHeaders:KnownProxies:0", "10.0.0.5");
            // TestServer has no client address; set the one a real connection from the proxy (or from elsewhere) would have.
            builder.ConfigureServices(s => s.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter>(new ClientAddress()));
        }
    }

    private sealed class ClientAddress : Microsoft.AspNetCore.Hosting.IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress = IPAddress.Parse(context.Request.Headers["X-Test-Client"].FirstOrDefault() ?? "10.0.0.5");
                return nextMiddleware(context);
            });
            next(app);
        };
    }

    private HttpClient Client(string? forwardedProto, string? from = null)
    {
        var client = portal.CreateDefaultClient(new Uri("http://portal.example/"));
        if (forwardedProto is not null) client.DefaultRequestHeaders.Add("X-Forwarded-Proto", forwardedProto);
        if (from is not null) client.DefaultRequestHeaders.Add("X-Test-Client", from);
        return client;
    }

    /// <summary>
    /// Signs in as a browser would; cookies are carried by hand, because a cookie jar for http://portal.example would
    /// (rightly) not send back the Secure cookies the portal sets for the forwarded HTTPS request.
    /// </summary>
    private static async Task<HttpResponseMessage> SignInAsync(HttpClient client)
    {
        using var form = await client.GetAsync("/account/login");
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        var page = await PortalClient.ParseAsync(form);
        var cookies = form.Headers.TryGetValues("Set-Cookie", out var set) ? set.Select(c => c.Split(';')[0]) : [];
        using var post = new HttpRequestMessage(HttpMethod.Post, "/account/login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["_handler"] = "login",
                ["__RequestVerificationToken"] = PortalClient.AntiforgeryToken(page),
                ["Input.UserName"] = DemoAccounts.Leader,
                ["Input.Password"] = DemoAccounts.Password,
            }),
        };
        post.Headers.Add("Cookie", string.Join("; ", cookies));
        return await client.SendAsync(post);
    }

    [Fact]
    public async Task Plain_http_is_redirected_to_https()
    {
        using var client = Client(null);

        using var response = await client.GetAsync("/account/login");

        Assert.True(response.StatusCode is HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect or HttpStatusCode.Redirect,
            $"{(int)response.StatusCode}");
        Assert.Equal("https://portal.example/account/login", response.Headers.Location?.ToString());
    }

    [Fact]
    public async Task Https_forwarded_by_the_known_proxy_gets_hsts_and_a_secure_sign_in_cookie()
    {
        using var client = Client("https");

        using var form = await client.GetAsync("/account/login");
        using var signIn = await SignInAsync(client);

        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        Assert.Contains("max-age=", string.Join(" ", form.Headers.GetValues("Strict-Transport-Security")));
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var auth = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("hv.auth=", StringComparison.Ordinal));
        Assert.Contains("secure", auth, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", auth, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Behind_the_known_proxy_the_audit_log_keeps_the_browsers_address()
    {
        using var client = Client("https");
        client.DefaultRequestHeaders.Add("X-Forwarded-For", "198.51.100.7");

        using var signIn = await SignInAsync(client);

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        await using var db = portal.OpenDatabase();
        var entry = await db.AuditEntries.Where(a => a.Action == Core.Audit.AuditActions.SignIn && a.UserName == DemoAccounts.Leader)
            .OrderByDescending(a => a.Id).FirstAsync();
        Assert.Equal("198.51.100.7", entry.ClientAddress);
    }

    [Fact]
    public async Task A_forwarded_scheme_from_an_unknown_address_is_not_believed()
    {
        using var client = Client("https", from: "203.0.113.9");

        using var response = await client.GetAsync("/account/login");

        Assert.True(response.StatusCode is HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect or HttpStatusCode.Redirect,
            $"{(int)response.StatusCode}");
    }
}
