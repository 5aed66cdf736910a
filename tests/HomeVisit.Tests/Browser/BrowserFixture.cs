using HomeVisit.Core.Data;
using HomeVisit.Core.Demo;
using HomeVisit.Tests.Host;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Playwright;

namespace HomeVisit.Tests.Browser;

/// <summary>
/// The real portal on Kestrel at http://127.0.0.1:&lt;free port&gt; (fresh temp SQLite file, demo seed, Development),
/// plus headless Debian Chromium through Playwright. One per test run for the "Browser" collection:
/// <code>
/// [Collection(BrowserCollection.Name)]
/// public sealed class MyBrowserTests(BrowserFixture app)
/// {
///     [Fact]
///     public async Task Something()
///     {
///         await using var session = await app.SignInAsync(DemoAccounts.Leader);   // own context = own cookies
///         await session.Page.GotoAsync(app.Url("/visits"));
///         ...
///     }
/// }
/// </code>
/// Each test gets its own browser context (cookies, storage), so tests stay independent; the server and
/// the browser process are shared. Tests that change data should create their own records rather than
/// rely on the demo records staying as seeded.
/// </summary>
public class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private static readonly string[] ChromiumArgs =
        ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

    private KestrelPortalFactory? _portal;
    private IPlaywright? _playwright;

    /// <summary>The server's base address, e.g. http://127.0.0.1:41234.</summary>
    public Uri BaseAddress { get; private set; } = default!;

    public IBrowser Browser { get; private set; } = default!;

    /// <summary>The running portal: its database file, connection string, services.</summary>
    public PortalFactory Portal => _portal ?? throw new InvalidOperationException("The fixture is not initialised.");

    public string Url(string path) => new Uri(BaseAddress, path).ToString();

    /// <summary>Configuration the portal starts with beyond the test defaults; a derived fixture sets its own.</summary>
    protected virtual IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>();

    /// <summary>The portal's clock; a derived fixture can put the server at another instant (the real clock by default).</summary>
    protected virtual TimeProvider? ServerClock => null;

    /// <summary>The browser's time zone (IANA id).</summary>
    protected virtual string BrowserTimeZone => "Asia/Shanghai";

    /// <summary>Runs before the portal starts: a derived fixture builds the database its <see cref="Settings"/> name.</summary>
    protected virtual Task BeforeStartAsync() => Task.CompletedTask;

    public async Task InitializeAsync()
    {
        await BeforeStartAsync();
        // Upper bounds, not waits: every wait is for a condition. Expectations wait as long as actions do; on a loaded
        // 2-core runner a save over the circuit followed by its navigation was seen to take more than 15 s.
        Assertions.SetDefaultExpectTimeout(30_000);
        // Fail, not skip: a missing browser must be noticed (scripts/test.sh installs it).
        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException(
                $"Chromium was not found at {ChromiumPath}. The browser tests need Debian's Chromium: apt-get install -y chromium fonts-noto-cjk (scripts/test.sh does this).");

        _portal = new KestrelPortalFactory { Clock = ServerClock };
        foreach (var (key, value) in Settings) _portal.Settings[key] = value;
        BaseAddress = _portal.StartKestrel();

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    /// <summary>A fresh browser context and page (own cookies), in Chinese, with a desktop-sized viewport.</summary>
    public async Task<BrowserSession> NewSessionAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            Locale = "zh-CN",
            TimezoneId = BrowserTimeZone,
            ViewportSize = new ViewportSize { Width = 1366, Height = 900 },
        });
        context.SetDefaultTimeout(30_000);
        return new BrowserSession(context, await context.NewPageAsync());
    }

    /// <summary>A new session signed in through the login form; the page is on the start page afterwards.</summary>
    public async Task<BrowserSession> SignInAsync(string userName, string password = DemoAccounts.Password)
    {
        var session = await NewSessionAsync();
        var page = session.Page;
        await page.GotoAsync("/account/login");
        await page.FillAsync("#username", userName);
        await page.FillAsync("#password", password);
        await page.ClickAsync("button[type=submit]");
        // The first sign-in of a run meets a cold portal (password hashing, key ring, first renders) while the
        // service tests load both cores, so its navigation gets a longer bound than the actions that follow.
        await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal), new() { Timeout = 90_000 });
        await WaitForInteractiveAsync(page);
        return session;
    }

    /// <summary>
    /// The message MudBlazor shows beside a field (its helper text in the error state), found by the input's test id:
    /// MudBlazor puts a component's data-testid on its input element.
    /// </summary>
    public static ILocator FieldError(IPage page, string inputTestId) =>
        page.Locator($".mud-input-control:has([data-testid='{inputTestId}']) .mud-input-helper-text.mud-input-error");

    /// <summary>
    /// Waits until the page's circuit is live. Pages prerender on the server first; what a test types into
    /// the prerendered HTML is replaced when the live render attaches, so interaction must wait for this.
    /// </summary>
    public static Task WaitForInteractiveAsync(IPage page) =>
        page.Locator("#hv-interactive[data-interactive=true]").WaitForAsync(new() { State = WaitForSelectorState.Attached });

    /// <summary>
    /// Waits until the page listens to the file input <paramref name="selector"/> finds. Blazor's InputFile starts
    /// listening in its first interactive after-render, later than <see cref="WaitForInteractiveAsync"/> is satisfied; a
    /// file set on the input before that is dropped and nothing happens. A user clicks the upload button first, through
    /// the circuit, and never meets this; a test that sets the input directly waits here before each file.
    /// </summary>
    public static Task WaitForFileInputAsync(IPage page, string selector) =>
        page.WaitForFunctionAsync("s => { const e = document.querySelector(s); return !!e && e._blazorInputFileNextFileId !== undefined; }", selector);

    /// <summary>
    /// Waits for a save to land on the page it navigates to. A save that stays put instead fails at once naming what the
    /// page says (its alerts and field messages), not after a bare timeout.
    /// </summary>
    public static async Task ExpectNavigatedAsync(IPage page, System.Text.RegularExpressions.Regex url)
    {
        try
        {
            await Assertions.Expect(page).ToHaveURLAsync(url, new() { Timeout = 90_000 });
        }
        catch (Exception e) when (e is PlaywrightException or TimeoutException)
        {
            var said = await page.Locator(".mud-alert, .mud-snackbar, .mud-input-error, .validation-message").AllInnerTextsAsync();
            throw new Xunit.Sdk.XunitException($"The page stayed on {page.Url}; it says: {string.Join(" | ", said)}\n{e.Message}");
        }
    }

    /// <summary>How long closing a context or the browser may take before the test moves on (see <see cref="BrowserSession"/>).</summary>
    public static readonly TimeSpan CloseTimeout = TimeSpan.FromSeconds(20);

    public virtual async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            try
            {
                await Browser.CloseAsync().WaitAsync(CloseTimeout);
            }
            catch (TimeoutException)
            {
                // Disposing Playwright below ends its driver, and the driver ends the browser it started.
            }
        }
        _playwright?.Dispose();
        if (_portal is not null) await _portal.DisposeAsync();
    }

    /// <summary>
    /// WebApplicationFactory on .NET 9 serves through TestServer only, which a browser cannot reach. This builds
    /// the same host a second time with Kestrel on a free loopback port (the known CreateHost pattern): the
    /// TestServer host is still returned to the factory, the Kestrel one is what the browser talks to.
    /// </summary>
    private sealed class KestrelPortalFactory : PortalFactory
    {
        private IHost? _kestrelHost;

        public TimeProvider? Clock { get; init; }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            if (Clock is not null) builder.ConfigureTestServices(services => services.AddSingleton(Clock));
        }

        public Uri StartKestrel()
        {
            _ = Server; // builds both hosts through CreateHost
            var addresses = _kestrelHost!.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
            return new Uri(addresses.Addresses.First());
        }

        protected override IHost CreateHost(IHostBuilder builder)
        {
            // Program.cs migrates and seeds as soon as a host is built, and building two hosts runs it twice at
            // once: both would find the file empty and seed it. Migrating and seeding first (the same migration and
            // DemoSeeder) leaves both hosts nothing to do.
            PrepareDatabase();
            var testHost = builder.Build();
            builder.ConfigureWebHost(web => web.UseKestrel().UseUrls("http://127.0.0.1:0"));
            _kestrelHost = builder.Build();
            _kestrelHost.Start();
            testHost.Start();
            return testHost;
        }

        private void PrepareDatabase()
        {
            Directory.CreateDirectory(Folder);
            using var db = new PortalDbContext(new DbContextOptionsBuilder<PortalDbContext>().UsePortalSqlite(ConnectionString).UseProgrammeModels(HomeVisit.Portal.Programmes.ProgrammesServiceCollectionExtensions.Modules).Options);
            db.Database.Migrate();
            DemoSeeder.SeedAsync(db, TimeProvider.System).GetAwaiter().GetResult();
        }

        public override async ValueTask DisposeAsync()
        {
            if (_kestrelHost is not null)
            {
                await _kestrelHost.StopAsync();
                _kestrelHost.Dispose();
            }
            await base.DisposeAsync();
        }
    }
}

/// <summary>One browser context and its page; dispose to close them.</summary>
public sealed class BrowserSession(IBrowserContext context, IPage page) : IAsyncDisposable
{
    public IBrowserContext Context { get; } = context;
    public IPage Page { get; } = page;

    // Closing a context has no timeout of its own and was seen to wait forever once its page had been sent to
    // sign-in by the circuit; the test's assertions are done by then, and the fixture closes the browser anyway.
    public async ValueTask DisposeAsync()
    {
        try
        {
            await Context.CloseAsync().WaitAsync(BrowserFixture.CloseTimeout);
        }
        catch (TimeoutException)
        {
        }
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}
