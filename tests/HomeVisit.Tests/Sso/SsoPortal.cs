using System.Net;
using System.Text.Json.Nodes;
using AngleSharp.Html.Dom;
using HomeVisit.Core.Data;
using HomeVisit.Core.People;
using HomeVisit.Portal.Account.Sso;
using HomeVisit.Tests.Host;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HomeVisit.Tests.Sso;

/// <summary>
/// The real portal (TestServer, demo seed) configured for campus SSO against a real <see cref="TestOpenIdProvider"/>.
/// Shared per test class; tests create their own people (unique staff numbers) and provider logins.
/// </summary>
public sealed class SsoPortal : IAsyncLifetime
{
    public const string AppOrigin = "http://localhost";
    public const string Contact = "人事处 李老师，电话 0771-5550100";

    public TestOpenIdProvider Provider { get; private set; } = default!;
    public SsoPortalFactory Portal { get; private set; } = default!;

    /// <summary>Rewrites the id_token in the token endpoint's answer before the portal reads it (null: untouched).</summary>
    public TokenTamperer Tamperer { get; } = new();

    /// <summary>Carries the provider's back-channel logout posts (real HTTP) to the portal (TestServer).</summary>
    public BackChannelRelay Relay { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        Relay = new BackChannelRelay(() => Portal!.CreateClient());
        Provider = await TestOpenIdProvider.StartAsync([AppOrigin + "/signin-oidc"], [AppOrigin + "/account/login"], backChannelLogoutUri: Relay.Address);
        Portal = new SsoPortalFactory(Provider, Tamperer);
        _ = Portal.Services; // start: migrate and seed
    }

    public async Task DisposeAsync()
    {
        await Relay.DisposeAsync();
        await Portal.DisposeAsync();
        await Provider.DisposeAsync();
    }

    private int _seq;

    /// <summary>A person in the demo institution with a fresh staff number (and no account).</summary>
    public async Task<Person> AddPersonAsync(string name)
    {
        await using var db = Portal.OpenDatabase();
        var institution = await db.Institutions.Select(i => i.Id).FirstAsync();
        var person = new Person { InstitutionId = institution, Name = name, StaffNumber = $"SSO{Interlocked.Increment(ref _seq):D3}{Guid.NewGuid().ToString("N")[..6]}" };
        db.People.Add(person);
        await db.SaveChangesAsync();
        return person;
    }

    /// <summary>A fresh client (own cookies) that signs in through the provider like a browser.</summary>
    public SsoBrowser NewBrowser() => NewBrowser(Portal);

    /// <summary>A browser on the same portal (same database) started with other settings.</summary>
    public SsoBrowser NewBrowser(WebApplicationFactory<Program> variant)
    {
        // Its own cookie jar, so tests can copy, drop or replay the portal's cookies like an attacker would.
        var cookies = new CookieContainer();
        return new SsoBrowser(variant.CreateDefaultClient(new Uri(AppOrigin), new CookieContainerHandler(cookies)), cookies);
    }

    /// <summary>The same portal and database with extra settings (e.g. local sign-in for admins only).</summary>
    public WebApplicationFactory<Program> With(IDictionary<string, string?> settings) =>
        Portal.WithWebHostBuilder(b => { foreach (var (key, value) in settings) b.UseSetting(key, value); });
}

public sealed class SsoPortalFactory(TestOpenIdProvider provider, TokenTamperer tamperer) : PortalFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Authentication:Oidc:Authority", provider.Issuer);
        builder.UseSetting("Authentication:Oidc:ClientId", TestOpenIdProvider.ClientId);
        builder.UseSetting("Authentication:Oidc:ClientSecret", TestOpenIdProvider.ClientSecret);
        builder.UseSetting("Authentication:Oidc:Scopes", "openid profile staff groups");
        builder.UseSetting("Authentication:Oidc:RequireHttpsMetadata", "false");
        builder.UseSetting("Authentication:Oidc:UseUserInfo", "true");
        builder.UseSetting("Authentication:Oidc:ContactText", SsoPortal.Contact);
        builder.ConfigureTestServices(services =>
            services.Configure<OpenIdConnectOptions>(SsoSchemes.Oidc, o => o.BackchannelHttpHandler = tamperer.Handler()));
    }
}

/// <summary>
/// The test seam on the portal's backchannel to the provider: records what the portal sends (pushed authorization and
/// token requests), can alter a request's form before it leaves, and can swap the id_token in the token response for
/// one the provider would never send.
/// </summary>
public sealed class TokenTamperer
{
    public Func<string, string>? Rewrite { get; set; }

    /// <summary>Changes a form the portal posts to the provider (URL, form) before it is sent; null: untouched.</summary>
    public Func<Uri, Dictionary<string, string>, Dictionary<string, string>>? RewriteRequest { get; set; }

    /// <summary>The last id_token the provider issued (before any rewrite).</summary>
    public string? LastIssued { get; private set; }

    /// <summary>Every form the portal posted to the provider, as sent (after any rewrite), with its answer's status.</summary>
    public List<(Uri Url, Dictionary<string, string> Form, System.Net.Http.Headers.AuthenticationHeaderValue? Authorization, HttpStatusCode Status)> Posts { get; } = [];

    public HttpMessageHandler Handler() => new Interceptor(this) { InnerHandler = new HttpClientHandler() };

    private sealed class Interceptor(TokenTamperer owner) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
        {
            Dictionary<string, string>? form = null;
            if (request.Method == HttpMethod.Post && request.Content is FormUrlEncodedContent content)
            {
                form = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(await content.ReadAsStringAsync(ct))
                    .ToDictionary(kv => kv.Key, kv => kv.Value.ToString());
                if (owner.RewriteRequest is { } rewriteRequest)
                {
                    form = rewriteRequest(request.RequestUri!, form);
                    request.Content = new FormUrlEncodedContent(form);
                }
            }
            var response = await base.SendAsync(request, ct);
            if (form is not null) lock (owner.Posts) owner.Posts.Add((request.RequestUri!, form, request.Headers.Authorization, response.StatusCode));
            if (request.Method != HttpMethod.Post || !response.IsSuccessStatusCode) return response;
            var body = await response.Content.ReadAsStringAsync(ct);
            if (JsonNode.Parse(body) is not JsonObject json || json["id_token"]?.GetValue<string>() is not { } idToken) return response;
            owner.LastIssued = idToken;
            if (owner.Rewrite is not { } rewrite) return WithBody(response, body);
            json["id_token"] = rewrite(idToken);
            return WithBody(response, json.ToJsonString());
        }

        private static HttpResponseMessage WithBody(HttpResponseMessage response, string body)
        {
            response.Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
            return response;
        }
    }
}

/// <summary>
/// A browser stand-in for the redirect dance between the portal (TestServer) and the provider (real HTTP): follows
/// redirects on either side, posts the provider's login form, and can tamper with the callback on the way back.
/// </summary>
public sealed class SsoBrowser(HttpClient app, CookieContainer cookies) : IDisposable
{
    private readonly HttpClient _app = app;

    /// <summary>The portal's cookies in this browser (http://localhost).</summary>
    public CookieContainer Cookies { get; } = cookies;

    /// <summary>The provider's cookies in this browser (its session).</summary>
    public CookieContainer ProviderCookies { get; } = new();

    public HttpClient App => _app;

    private HttpClient? _idpClient;
    private HttpClient Idp => _idpClient ??= new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = ProviderCookies });

    /// <summary>Follows a URL on either side (e.g. the provider's own sign-out page) like the browser would.</summary>
    public Task<Page> VisitAsync(Uri url) => FollowAsync(url, login: null);

    /// <summary>Posts a form shown on a provider page (e.g. its sign-out confirmation) and follows the answer.</summary>
    public async Task<Page> SubmitProviderFormAsync(Page page, string formSelector, IDictionary<string, string> values)
    {
        var form = (IHtmlFormElement)page.Document.QuerySelector(formSelector)!;
        var fields = form.QuerySelectorAll("input").OfType<IHtmlInputElement>()
            .Where(i => !string.IsNullOrEmpty(i.Name)).ToDictionary(i => i.Name!, i => i.Value);
        foreach (var (k, v) in values) fields[k] = v;
        var action = Absolute(new Uri(form.GetAttribute("action")!, UriKind.RelativeOrAbsolute), page.Url);
        Trail.Add("POST " + action);
        var response = await Idp.PostAsync(action, new FormUrlEncodedContent(fields));
        return await ContinueAsync(response, action, login: null);
    }

    /// <summary>Every URL visited, in order, for assertions and failure messages.</summary>
    public List<string> Trail { get; } = [];

    /// <summary>Changes the callback URL (code, state) before it reaches the portal.</summary>
    public Func<Uri, Uri>? BeforeCallback { get; set; }

    /// <summary>Clicks 统一身份认证登录, signs in at the provider as <paramref name="login"/>, and follows the way back.</summary>
    public Task<Page> SignInAsync(string login, string returnUrl = "/") => FollowAsync(new Uri($"{SsoPortal.AppOrigin}/account/sso?returnUrl={Uri.EscapeDataString(returnUrl)}"), login);

    /// <summary>Signs out through the portal's form (with its antiforgery token) and follows the redirects.</summary>
    public async Task<Page> SignOutAsync(bool confirmAtProvider = true)
    {
        var home = await _app.GetDocumentAsync("/");
        var token = PortalClient.AntiforgeryToken(home);
        using var response = await _app.PostAsync("/account/logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var next = Absolute(response.Headers.Location!, new Uri(SsoPortal.AppOrigin));
        Trail.Add("POST /account/logout → " + next);
        var page = await FollowAsync(next, login: null);
        if (!confirmAtProvider || page.Document.QuerySelector("form#op\\.logoutForm") is not IHtmlFormElement logout) return page;
        // oidc-provider asks "Do you want to sign-out?"; answer yes.
        var fields = logout.QuerySelectorAll("input").OfType<IHtmlInputElement>()
            .Where(i => !string.IsNullOrEmpty(i.Name)).ToDictionary(i => i.Name!, i => i.Value);
        fields["logout"] = "yes";
        var action = Absolute(new Uri(logout.GetAttribute("action")!, UriKind.RelativeOrAbsolute), page.Url);
        using var confirm = await Idp.PostAsync(action, new FormUrlEncodedContent(fields));
        Trail.Add("POST " + action);
        return await ContinueAsync(confirm, action, login: null);
    }

    private async Task<Page> FollowAsync(Uri url, string? login)
    {
        var response = await GetAsync(url);
        return await ContinueAsync(response, url, login);
    }

    private async Task<Page> ContinueAsync(HttpResponseMessage response, Uri url, string? login)
    {
        for (var hops = 0; hops < 20; hops++)
        {
            if ((int)response.StatusCode is >= 300 and < 400 && response.Headers.Location is { } location)
            {
                url = Absolute(location, url);
                if (url.AbsolutePath == "/signin-oidc" && IsApp(url) && BeforeCallback is { } tamper) url = tamper(url);
                response.Dispose();
                response = await GetAsync(url);
                continue;
            }
            var html = await response.Content.ReadAsStringAsync();
            var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);
            if (!IsApp(url) && login is not null && document.QuerySelector("form input[name=login]")?.Closest("form") is IHtmlFormElement form)
            {
                var action = Absolute(new Uri(form.GetAttribute("action")!, UriKind.RelativeOrAbsolute), url);
                var fields = form.QuerySelectorAll("input").OfType<IHtmlInputElement>()
                    .Where(i => !string.IsNullOrEmpty(i.Name)).ToDictionary(i => i.Name!, i => i.Value);
                fields["login"] = login;
                fields["password"] = "any password";
                response.Dispose();
                Trail.Add("POST " + action);
                response = await Idp.PostAsync(action, new FormUrlEncodedContent(fields));
                url = action;
                login = null; // once
                continue;
            }
            var status = response.StatusCode;
            response.Dispose();
            return new Page(url, status, document, html);
        }
        throw new InvalidOperationException("Too many redirects: " + string.Join("\n", Trail));
    }

    private Task<HttpResponseMessage> GetAsync(Uri url)
    {
        Trail.Add("GET " + url);
        return IsApp(url) ? _app.GetAsync(url.PathAndQuery) : Idp.GetAsync(url);
    }

    private static bool IsApp(Uri url) => url.Host == "localhost";

    private static Uri Absolute(Uri location, Uri current) => location.IsAbsoluteUri ? location : new Uri(current, location);

    public void Dispose()
    {
        _app.Dispose();
        _idpClient?.Dispose();
    }
}

/// <summary>Where the dance ended: the final URL, its status and parsed page.</summary>
public sealed record Page(Uri Url, HttpStatusCode Status, IHtmlDocument Document, string Html)
{
    public string? ProblemReason => Document.QuerySelector("[data-testid=sso-problem]")?.GetAttribute("data-reason");
    public string? CurrentUser => Document.QuerySelector("[data-testid=current-user]")?.TextContent.Trim();
    /// <summary>The page's text (the markup encodes Chinese as character references).</summary>
    public string Text => Document.Body?.TextContent ?? "";
}

/// <summary>
/// The provider posts back-channel logout tokens over real HTTP, which cannot reach the in-memory TestServer: this
/// loopback listener takes each post and hands it, unchanged, to the portal's back-channel endpoint, answering the
/// provider with the portal's status.
/// </summary>
public sealed class BackChannelRelay : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Func<HttpClient> _portal;
    private readonly Task _loop;
    private HttpClient? _client;

    public string Address { get; }

    /// <summary>What the provider sent and what the portal answered, in order.</summary>
    public List<(string Body, HttpStatusCode Status)> Deliveries { get; } = [];

    public BackChannelRelay(Func<HttpClient> portal)
    {
        _portal = portal;
        var port = FreePort();
        Address = $"http://127.0.0.1:{port}/backchannel";
        _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    private async Task LoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try { context = await _listener.GetContextAsync(); }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException) { return; }
            using var reader = new StreamReader(context.Request.InputStream);
            var body = await reader.ReadToEndAsync();
            _client ??= _portal();
            using var forwarded = await _client.PostAsync("/signout-oidc/backchannel",
                new StringContent(body, System.Text.Encoding.UTF8, "application/x-www-form-urlencoded"));
            lock (Deliveries) Deliveries.Add((body, forwarded.StatusCode));
            context.Response.StatusCode = (int)forwarded.StatusCode;
            context.Response.Close();
        }
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        await _loop.ContinueWith(_ => { });
        _client?.Dispose();
    }
}
